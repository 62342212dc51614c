import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('../', import.meta.url))

/** A server under test, running in its own process so it has a core to itself. */
export interface ChildServer {
  name: string
  url: string
  pid: number
  /** Everything the child wrote, for the error message when it dies. */
  output(): string
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. */
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
// A benchmark that throws must not leave servers behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/**
 * Extra node flags for the servers under test, e.g.
 * `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/.cache/profiles"`.
 */
function extraNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)
}

/**
 * The real API (`src/server.ts`) on a bench database, production settings,
 * loopback only, on a port the OS picks.
 */
export function startApiServer(databasePath: string): Promise<ChildServer> {
  return startChild({
    name: 'api',
    script: 'src/server.ts',
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: `file:${databasePath}`,
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
export function startBareServer(bodyFile: string, contentType: string): Promise<ChildServer> {
  return startChild({
    name: 'bare',
    script: 'bench/bare-server.ts',
    env: { NODE_ENV: 'production', BARE_BODY_FILE: bodyFile, BARE_CONTENT_TYPE: contentType },
    ready: /listening on (\d+)/,
  })
}

function startChild(options: {
  name: string
  script: string
  env: Record<string, string>
  ready: RegExp
}): Promise<ChildServer> {
  const child = spawn(process.execPath, [...extraNodeArgs(), '--import', 'tsx', options.script], {
    cwd: API_DIR,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let output = ''
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child)
      resolve()
    })
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  return new Promise<ChildServer>((resolve, reject) => {
    const timeout = setTimeout(() => {
      void stop()
      reject(new Error(`${options.name} server did not start within 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const port = options.ready.exec(output)?.[1]
      if (port) {
        clearTimeout(timeout)
        resolve({
          name: options.name,
          url: `http://127.0.0.1:${port}`,
          pid: child.pid!,
          output: () => output,
          stop,
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timeout)
      reject(
        new Error(`${options.name} server exited (${signal ?? code}) during start:\n${output}`),
      )
    })
  })
}
