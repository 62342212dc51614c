import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('../../', import.meta.url))

/** A server in a process of its own (a replica, a server under load). */
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
// A test or benchmark that throws must not leave servers behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/**
 * Starts `script` (relative to api/) under tsx in a child process and waits
 * until its output matches `ready`, whose first group is the port.
 */
export function startChildServer(options: {
  name: string
  script: string
  env: Record<string, string>
  ready: RegExp
  nodeArgs?: string[]
}): Promise<ChildServer> {
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
