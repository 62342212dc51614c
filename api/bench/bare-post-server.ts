/**
 * The baseline for a creating POST: bare Hono on @hono/node-server, one
 * route, no middleware, no database. It reads the request body (as the API
 * must) and answers with the exact bytes, status and content type the real
 * API sent for one of the bench's own requests. The ceiling a POST of that
 * request and response size can reach on this machine.
 *
 *   BARE_BODY_FILE=<file> BARE_PATH=/v1/orders BARE_STATUS=201 node --import tsx bench/bare-post-server.ts
 */
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const bodyFile = process.env.BARE_BODY_FILE
if (!bodyFile) throw new Error('BARE_BODY_FILE is required')
const body = readFileSync(bodyFile, 'utf8')
const contentType = process.env.BARE_CONTENT_TYPE ?? 'application/json'
const path = process.env.BARE_PATH ?? '/v1/orders'
const status = Number(process.env.BARE_STATUS ?? 201) as 201

const app = new Hono()
app.post(path, async (c) => {
  await c.req.text()
  return c.body(body, status, { 'Content-Type': contentType })
})

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on ${info.port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
