/**
 * Starts a seeded test API on a free port and prints one JSON line
 * `{ "baseUrl": …, "operatorKey": … }`, then serves until killed. For test
 * runners that cannot import TypeScript (the browser test runner's config).
 */
import { startTestServer } from '../testing.js'

const server = await startTestServer({ port: Number(process.env.PORT ?? 0) })
process.stdout.write(
  `${JSON.stringify({ baseUrl: server.baseUrl, operatorKey: server.operatorKey })}\n`,
)
const stop = () => {
  server.close().finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
