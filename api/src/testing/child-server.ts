/**
 * A server in a process of its own — a replica in a test, a server under
 * load in a benchmark — with the environment and node flags the caller
 * chooses: start, wait for the port, SIGTERM then SIGKILL, nothing left
 * behind when the caller throws; plus two probes: CPU time from /proc, and
 * memory after a full GC for scripts that answer SIGUSR2 (bench/sse-server.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('../../', import.meta.url))
/** Linux reports CPU time in clock ticks of 1/100 s. */
const CLOCK_TICKS = 100

export interface ChildServer {
  name: string
  url: string
  pid: number
  /** Everything the child wrote, for the error message when it dies. */
  output(): string
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. */
  stop(): Promise<void>
}

export interface ServerMemory {
  rss: number
  heapUsed: number
  external: number
}

export interface ProbedChildServer extends ChildServer {
  port: number
  /** User + system CPU seconds the process has used so far (Linux). */
  cpuSeconds(): number
  /** Heap and RSS after a full GC; needs a script that answers SIGUSR2 and `--expose-gc`. */
  memory(): Promise<ServerMemory>
  /** The most memory the process has held resident since the last {@link resetPeakRss} (Linux VmHWM). */
  peakRss(): number
  /** Starts a new peak-RSS window (writes 5 to /proc/<pid>/clear_refs; needs to own the process). */
  resetPeakRss(): void
}

const running = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** The ready line of src/server.ts: "Portico is running at http://localhost:<port>". */
export const API_READY = /running at http:\/\/localhost:(\d+)/

export function startChildServer(options: {
  name: string
  /** Relative to api/. */
  script: string
  env: Record<string, string>
  /** Matched against stdout + stderr; group 1 is the port. */
  ready: RegExp
  nodeArgs?: string[]
  startTimeoutMs?: number
}): Promise<ProbedChildServer> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', options.script],
    {
      cwd: API_DIR,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
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
  const cpuSeconds = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  }
  const peakRss = () => {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]
    return Number(kib ?? 0) * 1024
  }
  const resetPeakRss = () => writeFileSync(`/proc/${child.pid}/clear_refs`, '5')
  const memory = async (): Promise<ServerMemory> => {
    const from = output.length
    child.kill('SIGUSR2')
    for (let waited = 0; waited < 10_000; waited += 20) {
      const match = /memory (\{.*\})\n/.exec(output.slice(from))
      if (match) return JSON.parse(match[1]!) as ServerMemory
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`${options.name} server did not report its memory`)
  }

  return new Promise<ProbedChildServer>((resolve, reject) => {
    const limit = options.startTimeoutMs ?? 60_000
    const timeout = setTimeout(() => {
      void stop()
      reject(new Error(`${options.name} server did not start within ${limit / 1000} s:\n${output}`))
    }, limit)
    let started = false
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const port = started ? undefined : options.ready.exec(output)?.[1]
      if (port) {
        started = true
        clearTimeout(timeout)
        resolve({
          name: options.name,
          url: `http://127.0.0.1:${port}`,
          port: Number(port),
          pid: child.pid!,
          output: () => output,
          stop,
          cpuSeconds,
          memory,
          peakRss,
          resetPeakRss,
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timeout)
      if (!started) {
        reject(
          new Error(`${options.name} server exited (${signal ?? code}) during start:\n${output}`),
        )
      }
    })
  })
}

/**
 * The baseline for a POST: `bench/bare-post-server.ts` answering `path`
 * with the exact status, content type and bytes of one real API response
 * (written to `bodyFile`).
 */
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
