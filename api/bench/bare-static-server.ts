/**
 * The download baseline: a bare Node static handler — node:http, no
 * framework, no database — streaming one file with the headers the API's
 * download sends (type, length, attachment, nosniff, no-store). What serving
 * those bytes costs at all on this machine.
 *
 *   BARE_FILE=<path> node --import tsx bench/bare-static-server.ts
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'

const file = process.env.BARE_FILE
if (!file) throw new Error('BARE_FILE is required')
const size = statSync(file).size

const server = createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Length': size,
    'Content-Disposition': 'attachment; filename="document.pdf"',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  })
  createReadStream(file).pipe(res)
})
server.keepAliveTimeout = 5_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(
    `listening on ${typeof address === 'object' && address ? address.port : 0}\n`,
  )
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
