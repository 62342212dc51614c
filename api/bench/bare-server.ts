/**
 * The baseline: bare Hono on @hono/node-server, one route answering with the
 * exact body (and content type) the real API gave for the first page of the
 * invoice list. No middleware, no database, no serialisation: the ceiling a
 * route of that response size can reach on this machine.
 *
 * Run as a child process by run.ts: `BARE_BODY_FILE=<json> node --import tsx bench/bare-server.ts`.
 */
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const bodyFile = process.env.BARE_BODY_FILE
if (!bodyFile) throw new Error('BARE_BODY_FILE is required')
const body = readFileSync(bodyFile, 'utf8')
const contentType = process.env.BARE_CONTENT_TYPE ?? 'application/json'

const app = new Hono()
app.get('/v1/invoices', (c) => c.body(body, 200, { 'Content-Type': contentType }))

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on ${info.port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
