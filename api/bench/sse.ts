/**
 * Live-updates benchmark: many concurrent event streams on the real server.
 *
 *   (a) SSE_CONNECTIONS (1,000) streams of GET /v1/events/stream, held open for
 *       SSE_HOLD_SECONDS (60): every one must stay up with no error; the
 *       server's RSS before and after gives the memory per open stream, and
 *       its CPU time while holding the cost of idle streams (heartbeats, the
 *       hub's poll).
 *   (b) With those streams open, SSE_EVENTS (200) events committed one by
 *       one through a second database handle on the same file — another
 *       process's write, as a worker or the ERP sync would make it — and the
 *       time from each commit to its arrival on every subscribed stream.
 *
 * The server runs as a child process (`node --import tsx src/server.ts`) on
 * a fresh demo database; the clients and the writer run here.
 *
 *   node --import tsx bench/sse.ts                         full run
 *   SSE_HOLD_SECONDS=10 node --import tsx bench/sse.ts     quick run
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/db/connect.js'
import { appendEvent } from '../src/db/events.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo-data.js'

const CONNECTIONS = Number(process.env.SSE_CONNECTIONS ?? 1_000)
const HOLD_SECONDS = Number(process.env.SSE_HOLD_SECONDS ?? 60)
const EVENTS = Number(process.env.SSE_EVENTS ?? 200)
const EVENT_INTERVAL_MS = Number(process.env.SSE_EVENT_INTERVAL_MS ?? 25)
/** Streams opened at once while connecting: stays under the listen backlog. */
const OPEN_BATCH = 100

const API_DIR = fileURLToPath(new URL('../', import.meta.url))
/** Linux reports CPU time in clock ticks of 1/100 s. */
const CLOCK_TICKS = 100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Resident set size of a process, in bytes (Linux): sampled without disturbing it. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
  return Number(line?.[1] ?? NaN) * 1024
}

/** User + system CPU time a process has used, in seconds (Linux). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

async function startServer(databasePath: string) {
  // src/server.ts, behind a hook that reports memory after a full GC on SIGUSR2.
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/sse-server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORTICO_SECRET: 'sse-bench-secret-not-for-production-0123456789',
      DATABASE_URL: `file:${databasePath}`,
      PORTICO_SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'error',
      // Streams must outlive the run: a reconnect here would be counted as an error.
      PORTICO_EVENTS_STREAM_MAX_SECONDS: String(HOLD_SECONDS + 600),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  process.on('exit', () => child.kill('SIGKILL'))
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /running at http:\/\/localhost:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
  /** Heap and RSS after a full garbage collection in the server. */
  const memory = async (): Promise<{ rss: number; heapUsed: number; external: number }> => {
    const from = output.length
    child.kill('SIGUSR2')
    for (let waited = 0; waited < 10_000; waited += 20) {
      const match = /memory (\{.*\})\n/.exec(output.slice(from))
      if (match) return JSON.parse(match[1]!) as { rss: number; heapUsed: number; external: number }
      await sleep(20)
    }
    throw new Error('the server did not report its memory')
  }
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { port, pid: child.pid!, stop, memory }
}

async function signIn(port: number, email: string) {
  const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status}`)
  const body = (await response.json()) as { token: string; account: { id: string } }
  return { token: body.token, accountId: body.account.id }
}

interface Stream {
  accountId: string
  response: IncomingMessage | undefined
  heartbeats: number
  failure: string | undefined
  close(): void
}

/** Arrival times (performance.now()) of each event id, one entry per stream it reached. */
const arrivals = new Map<string, number[]>()
const EVENT_ID = /"id":"(evt_[0-9a-z]+)"/

function openStream(
  port: number,
  agent: Agent,
  credential: { token: string; accountId: string },
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let closing = false
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/v1/events/stream',
      agent,
      headers: { authorization: `Bearer ${credential.token}`, accept: 'text/event-stream' },
    })
    const stream: Stream = {
      accountId: credential.accountId,
      response: undefined,
      heartbeats: 0,
      failure: undefined,
      close: () => {
        closing = true
        req.destroy()
      },
    }
    req.on('error', (error) => {
      if (closing) return
      stream.failure ??= error.message
      reject(error)
    })
    req.on('response', (response) => {
      stream.response = response
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`))
        response.resume()
        return
      }
      response.setEncoding('utf8')
      let buffer = ''
      let opened = false
      response.on('data', (chunk: string) => {
        const now = performance.now()
        if (!opened) {
          opened = true
          resolve(stream)
        }
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (message.startsWith(':')) stream.heartbeats++
          const id = EVENT_ID.exec(message)?.[1]
          if (id) {
            let times = arrivals.get(id)
            if (!times) arrivals.set(id, (times = []))
            times.push(now)
          }
        }
      })
      response.on('end', () => {
        if (!closing) stream.failure ??= 'the server ended the stream'
      })
      response.on('error', (error) => {
        if (!closing) stream.failure ??= error.message
      })
    })
    req.end()
  })
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-sse-bench-'))
  const databasePath = join(dir, 'portico.db')
  const server = await startServer(databasePath)
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
  const streams: Stream[] = []
  try {
    process.stdout.write(
      `SSE bench: ${CONNECTIONS} streams held ${HOLD_SECONDS} s, then ${EVENTS} events every ${EVENT_INTERVAL_MS} ms (server pid ${server.pid})\n`,
    )
    // One session per demo user: the streams spread over every account and role.
    const users = DEMO_ACCOUNTS.flatMap((account) => account.users.map((user) => user.email))
    const credentials = []
    for (const email of users) credentials.push(await signIn(server.port, email))

    await sleep(1_000)
    const before = await server.memory()

    const openStarted = performance.now()
    for (let n = 0; n < CONNECTIONS; n += OPEN_BATCH) {
      const batch = []
      for (let i = n; i < Math.min(CONNECTIONS, n + OPEN_BATCH); i++) {
        batch.push(openStream(server.port, agent, credentials[i % credentials.length]!))
      }
      streams.push(...(await Promise.all(batch)))
    }
    const openMs = performance.now() - openStarted
    process.stdout.write(`  opened ${streams.length} streams in ${openMs.toFixed(0)} ms\n`)

    // (a) Hold.
    const cpuStart = cpuSecondsOf(server.pid)
    let rssPeak = rssOf(server.pid)
    const holdEnd = Date.now() + HOLD_SECONDS * 1_000
    while (Date.now() < holdEnd) {
      await sleep(1_000)
      rssPeak = Math.max(rssPeak, rssOf(server.pid))
    }
    const holdCpu = cpuSecondsOf(server.pid) - cpuStart
    const after = await server.memory()
    const failedDuringHold = streams.filter((s) => s.failure).length
    const heartbeats = streams.reduce((sum, s) => sum + s.heartbeats, 0)

    // (b) Latency: commit → arrival, with every stream open.
    const writer = openDatabase(`file:${databasePath}`)
    const committedAt = new Map<string, { at: number; accountId: string }>()
    const accounts = [...new Set(credentials.map((c) => c.accountId))]
    try {
      for (let n = 0; n < EVENTS; n++) {
        const accountId = accounts[n % accounts.length]!
        const id = await appendEvent(writer.db, {
          accountId,
          type: 'invoice.paid',
          subjectId: null,
          data: { bench: n },
          now: new Date(),
        })
        committedAt.set(id, { at: performance.now(), accountId })
        await sleep(EVENT_INTERVAL_MS)
      }
      await sleep(2_000)
    } finally {
      await writer.close()
    }

    const perDelivery: number[] = []
    const perEventAll: number[] = []
    let expected = 0
    let delivered = 0
    for (const [id, { at, accountId }] of committedAt) {
      const subscribers = streams.filter((s) => s.accountId === accountId).length
      const times = arrivals.get(id) ?? []
      expected += subscribers
      delivered += times.length
      for (const t of times) perDelivery.push(t - at)
      if (times.length === subscribers) perEventAll.push(Math.max(...times) - at)
    }
    perDelivery.sort((a, b) => a - b)
    perEventAll.sort((a, b) => a - b)
    const failed = streams.filter((s) => s.failure)

    const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1)
    const perStream = (bytes: number) => (bytes / CONNECTIONS / 1024).toFixed(1)
    const ms = (value: number) => value.toFixed(1)
    process.stdout.write(
      [
        `(a) ${CONNECTIONS} streams held ${HOLD_SECONDS} s: ${failedDuringHold} failed, ${heartbeats} heartbeats received`,
        `    server memory after a full GC, before → after: heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB, ` +
          `RSS ${mb(before.rss)} → ${mb(after.rss)} MB (peak while holding ${mb(rssPeak)} MB)`,
        // RSS after a GC is no baseline: V8 hands start-up pages back to the OS
        // at its own pace, sometimes during the hold. The heap is the figure.
        `    per open stream: ${perStream(after.heapUsed - before.heapUsed)} KB of heap; ` +
          `RSS peak growth ${perStream(rssPeak - before.rss)} KB (heap + buffers + sockets, rough)`,
        `    server CPU while holding: ${((holdCpu / HOLD_SECONDS) * 100).toFixed(1)} % of one core`,
        `(b) ${EVENTS} events committed by another handle, ${expected} deliveries expected, ${delivered} arrived`,
        `    commit → arrival on a stream:      p50 ${ms(percentile(perDelivery, 50))} ms, p95 ${ms(percentile(perDelivery, 95))} ms, p99 ${ms(percentile(perDelivery, 99))} ms, max ${ms(perDelivery.at(-1) ?? NaN)} ms`,
        `    commit → on every subscribed one:  p50 ${ms(percentile(perEventAll, 50))} ms, p95 ${ms(percentile(perEventAll, 95))} ms`,
        `    streams failed over the whole run: ${failed.length}${failed.length ? ` (${failed[0]!.failure})` : ''}`,
        '',
      ].join('\n'),
    )
    if (failed.length > 0 || delivered !== expected) process.exitCode = 1
  } finally {
    for (const stream of streams) stream.close()
    agent.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`SSE bench failed: ${message}\n`)
  if (/EMFILE|too many open files/i.test(message)) {
    process.stderr.write('Raise the open-file limit first: ulimit -n 4096 (see bench/README.md)\n')
  }
  process.exit(1)
})
