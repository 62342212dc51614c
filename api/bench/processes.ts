import {
  startChildServer,
  type ChildServer,
  type ProbedChildServer,
} from '../src/testing/child-server.js'

export type { ChildServer }

/**
 * `BENCH_SERVER_NODE_ARGS`: extra node flags for the servers under test, e.g.
 * `--cpu-prof --cpu-prof-dir=bench/.cache/profiles`.
 */
export function benchServerNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)
}

/**
 * The real API (`src/server.ts`) on a bench database (a SQLite file, or
 * PostgreSQL as the app role), production settings, no simulated ERP,
 * loopback only, on a port the OS picks.
 */
export function startApiServer(
  database: string | { url: string; migrationUrl: string },
): Promise<ProbedChildServer> {
  const urls: Record<string, string> =
    typeof database === 'string'
      ? { DATABASE_URL: `file:${database}` }
      : { DATABASE_URL: database.url, DATABASE_MIGRATION_URL: database.migrationUrl }
  return startChildServer({
    nodeArgs: benchServerNodeArgs(),
    name: 'api',
    script: 'src/server.ts',
    env: {
      NODE_ENV: 'production',
      ...urls,
      PORTICO_ERP_SIMULATOR: 'false',
      PORTICO_SECRET: 'bench-secret-not-for-production-0123456789abcdef',
      PORTICO_SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0',
    },
    // server.ts announces "Portico is running at http://localhost:<port>".
    ready: /running at http:\/\/localhost:(\d+)/,
  })
}

/** The bare Hono baseline serving `body` verbatim. */
export function startBareServer(bodyFile: string, contentType: string): Promise<ProbedChildServer> {
  return startChildServer({
    nodeArgs: benchServerNodeArgs(),
    name: 'bare',
    script: 'bench/bare-server.ts',
    env: { NODE_ENV: 'production', BARE_BODY_FILE: bodyFile, BARE_CONTENT_TYPE: contentType },
    ready: /listening on (\d+)/,
  })
}

/** The bare Hono baseline for a POST: reads the body, answers `status` with the file's bytes. */
export function startBarePostServer(options: {
  bodyFile: string
  path: string
  status: number
  contentType: string | null
}): Promise<ProbedChildServer> {
  return startChildServer({
    name: 'bare',
    script: 'bench/bare-post-server.ts',
    env: {
      NODE_ENV: 'production',
      BARE_BODY_FILE: options.bodyFile,
      BARE_CONTENT_TYPE: options.contentType ?? 'application/json',
      BARE_PATH: options.path,
      BARE_STATUS: String(options.status),
    },
    ready: /listening on (\d+)/,
  })
}
