/**
 * `pnpm bench:erp-sse`: from the ERP's signed event to the customer's screen.
 * With ERP_SSE_STREAMS (1,000) event streams open (GET /v1/events/stream?types=order.*,
 * spread over every demo user of every account), the bench plays the ERP:
 * it POSTs ERP_SSE_EVENTS (240) signed events to /v1/integrations/erp/events
 * (order.confirmed, then order.in_production, order.shipped and
 * order.delivered for orders placed through the API beforehand), one every
 * ERP_SSE_INTERVAL_MS (25), and times each from the moment its request is
 * sent to its arrival on every stream of the order's account.
 *
 * The server (`src/server.ts`, behind bench/sse-server.ts for the memory
 * probe) runs as a child process on a fresh demo database, without the
 * simulated ERP; streams and the ERP client run here. See README.md.
 *
 *   pnpm --filter @portico/api bench:erp-sse
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request, type IncomingMessage } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { API_READY, startChildServer, type ProbedChildServer } from '../src/testing/child-server.js'
import { benchServerNodeArgs } from './processes.js'
import {
  BENCH_ERP_WEBHOOK_SECRET,
  BENCH_OPERATOR_KEY,
  fetchCatalog,
  orderBody,
  orderingServerEnv,
  prepareOrderingDatabase,
  type BenchUser,
} from './order-fixtures.js'
import { targetsTable, type Target } from './report.js'

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw.replaceAll('_', ''))
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`)
  return value
}

const STREAMS = positiveInt('ERP_SSE_STREAMS', 1_000)
const EVENTS = positiveInt('ERP_SSE_EVENTS', 240)
const INTERVAL_MS = positiveInt('ERP_SSE_INTERVAL_MS', 25)
/** The ladder each order climbs, one ERP event per step. */
const STEPS = [
  'order.confirmed',
  'order.in_production',
  'order.shipped',
  'order.delivered',
] as const
const ORDERS = Math.ceil(EVENTS / STEPS.length)
/** Streams opened at once: stays under the listen backlog. */
const OPEN_BATCH = 100
const TARGET_P95_MS = 50

const log = (line = '') => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

interface PlacedOrder {
  id: string
  accountId: string
  lines: Array<{ sku: string; quantity: number }>
}

interface Stream {
  accountId: string
  failure: string | undefined
  close(): void
}

/** Arrival times (performance.now()) per `<orderId> <event type>`, one entry per stream. */
const arrivals = new Map<string, number[]>()
let unexpectedMessages = 0
const ORDER_EVENT = /"type":"(order\.[a-z_]+)","subjectId":"(ord_[0-9a-z]+)"/

function openStream(port: number, agent: Agent, user: BenchUser): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let closing = false
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/v1/events/stream?types=order.*',
      agent,
      headers: { authorization: `Bearer ${user.token}`, accept: 'text/event-stream' },
    })
    const stream: Stream = {
      accountId: user.accountId,
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
    req.on('response', (response: IncomingMessage) => {
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
          if (!message.includes('\ndata: ')) continue // retry: or a heartbeat comment
          const match = ORDER_EVENT.exec(message)
          const key = match && `${match[2]} ${match[1]}`
          const times = key ? arrivals.get(key) : undefined
          if (times) times.push(now)
          else unexpectedMessages++
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

/** POSTs one signed ERP event; resolves with the status, the body and the time to the response. */
function sendErpEvent(
  port: number,
  agent: Agent,
  webhook: Webhook,
  event: { id: string; type: string; data: Record<string, unknown> },
): Promise<{ status: number; body: string; sentAt: number; ackMs: number }> {
  const body = JSON.stringify({ ...event, occurredAt: new Date().toISOString() })
  const signedAt = new Date()
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    authorization: `Bearer ${BENCH_OPERATOR_KEY}`,
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': webhook.sign(event.id, signedAt, body),
  }
  return new Promise((resolve, reject) => {
    const sentAt = performance.now()
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/integrations/erp/events',
        agent,
        headers,
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text,
            sentAt,
            ackMs: performance.now() - sentAt,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The ERP event for step `step` of an order. */
function erpEvent(order: PlacedOrder, step: number, id: string) {
  const type = STEPS[step]!
  const shipmentId = `LS-${order.id.slice(-8)}`
  switch (type) {
    case 'order.confirmed':
      return { id, type, data: { orderId: order.id, erpOrderNumber: `SO-${order.id.slice(-10)}` } }
    case 'order.in_production':
      return { id, type, data: { orderId: order.id } }
    case 'order.shipped':
      return {
        id,
        type,
        data: {
          orderId: order.id,
          shipment: {
            id: shipmentId,
            carrier: 'Bench Freight',
            trackingNumber: `TRK${order.id.slice(-10)}`,
            lines: order.lines,
          },
        },
      }
    case 'order.delivered':
      return { id, type, data: { orderId: order.id, shipmentId } }
  }
}

async function main(): Promise<number> {
  log(
    `Portico ERP → SSE bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`,
  )
  log(
    `${STREAMS} streams (types=order.*), ${EVENTS} signed ERP events over ${ORDERS} orders, one every ${INTERVAL_MS} ms`,
  )
  const dir = mkdtempSync(join(tmpdir(), 'portico-erp-sse-bench-'))
  const databasePath = join(dir, 'portico.db')
  const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity })
  const erpAgent = new Agent({ keepAlive: true, maxSockets: 1 })
  const streams: Stream[] = []
  let server: ProbedChildServer | undefined
  try {
    const users = await prepareOrderingDatabase(databasePath)
    server = await startChildServer({
      name: 'api',
      script: 'bench/sse-server.ts',
      nodeArgs: ['--expose-gc', ...benchServerNodeArgs()],
      env: orderingServerEnv(databasePath, {
        // Streams must outlive the run: a reconnect here would count as an error.
        PORTICO_EVENTS_STREAM_MAX_SECONDS: '3600',
      }),
      ready: API_READY,
    })
    log(
      `API: src/server.ts behind bench/sse-server.ts (pid ${server.pid}, ${server.url}), NODE_ENV=production, ` +
        `LOG_LEVEL=error, PORTICO_ERP_SIMULATOR=false: the bench is the only ERP`,
    )

    // The orders the ERP will move along, placed through the API by every buyer and admin.
    const orderers = users.filter((u) => u.canOrder)
    const catalogs = new Map<string, Awaited<ReturnType<typeof fetchCatalog>>>()
    for (const user of orderers)
      catalogs.set(user.email, await fetchCatalog(server.url, user.token))
    const orders: PlacedOrder[] = []
    for (let i = 0; i < ORDERS; i++) {
      const user = orderers[i % orderers.length]!
      const response = await fetch(`${server.url}/v1/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': 'application/json',
          'idempotency-key': `erp-sse-bench-${i}`,
        },
        body: JSON.stringify(orderBody(catalogs.get(user.email)!, i, 3)),
      })
      const text = await response.text()
      if (response.status !== 201) throw new Error(`placing an order: ${response.status} ${text}`)
      const order = JSON.parse(text) as {
        id: string
        lines: Array<{ sku: string; quantity: number }>
      }
      orders.push({
        id: order.id,
        accountId: user.accountId,
        lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      })
    }
    const accountNames = new Map(users.map((u) => [u.accountId, u.accountName]))
    log(
      `Placed ${orders.length} orders through POST /v1/orders over ${new Set(orders.map((o) => o.accountId)).size} accounts`,
    )

    await sleep(1_000)
    const before = await server.memory()
    const openStarted = performance.now()
    for (let n = 0; n < STREAMS; n += OPEN_BATCH) {
      const batch = []
      for (let i = n; i < Math.min(STREAMS, n + OPEN_BATCH); i++) {
        batch.push(openStream(server.port, streamAgent, users[i % users.length]!))
      }
      streams.push(...(await Promise.all(batch)))
    }
    const openMs = performance.now() - openStarted
    const perAccount = new Map<string, number>()
    for (const s of streams) perAccount.set(s.accountId, (perAccount.get(s.accountId) ?? 0) + 1)
    log(
      `Opened ${streams.length} streams in ${openMs.toFixed(0)} ms over ${users.length} users: ` +
        [...perAccount].map(([id, n]) => `${accountNames.get(id)} ${n}`).join(', '),
    )
    await sleep(2_000)
    const opened = await server.memory()

    // The ERP's events, round-robin over the orders: every order climbs one step per pass.
    const webhook = new Webhook(BENCH_ERP_WEBHOOK_SECRET)
    const runTag = randomBytes(4).toString('hex')
    const sent: Array<{ key: string; accountId: string; sentAt: number }> = []
    const acks: number[] = []
    const erpFailures: string[] = []
    const cpuStart = server.cpuSeconds()
    const eventsStarted = performance.now()
    for (let n = 0; n < EVENTS; n++) {
      const order = orders[n % orders.length]!
      const event = erpEvent(order, Math.floor(n / orders.length), `evt-erp-${runTag}-${n}`)
      const key = `${order.id} ${event.type}`
      arrivals.set(key, [])
      const result = await sendErpEvent(server.port, erpAgent, webhook, event)
      sent.push({ key, accountId: order.accountId, sentAt: result.sentAt })
      acks.push(result.ackMs)
      const outcome =
        result.status === 200
          ? (JSON.parse(result.body) as { outcome?: string; duplicate?: boolean })
          : undefined
      if (result.status !== 200 || outcome?.outcome !== 'applied' || outcome.duplicate) {
        erpFailures.push(`${event.type} ${order.id}: ${result.status} ${result.body.slice(0, 200)}`)
      }
      await sleep(INTERVAL_MS)
    }
    const eventsSeconds = (performance.now() - eventsStarted) / 1000
    await sleep(2_000)
    const serverCpu = (server.cpuSeconds() - cpuStart) / eventsSeconds
    const after = await server.memory()

    const perDelivery: number[] = []
    const firstStream: number[] = []
    const lastStream: number[] = []
    let expected = 0
    let delivered = 0
    let duplicates = 0
    for (const { key, accountId, sentAt } of sent) {
      const subscribers = perAccount.get(accountId) ?? 0
      const times = arrivals.get(key) ?? []
      expected += subscribers
      delivered += Math.min(times.length, subscribers)
      duplicates += Math.max(0, times.length - subscribers)
      for (const t of times) perDelivery.push(t - sentAt)
      if (times.length > 0) firstStream.push(Math.min(...times) - sentAt)
      if (times.length >= subscribers) lastStream.push(Math.max(...times) - sentAt)
    }
    for (const list of [perDelivery, firstStream, lastStream, acks]) list.sort((a, b) => a - b)
    const failedStreams = streams.filter((s) => s.failure)
    const errors =
      failedStreams.length +
      erpFailures.length +
      (expected - delivered) +
      duplicates +
      unexpectedMessages

    const ms = (v: number) => v.toFixed(1)
    const row = (label: string, values: number[]) =>
      `  ${label.padEnd(44)} ${String(values.length).padStart(7)}  ${ms(percentile(values, 0.5)).padStart(7)}  ` +
      `${ms(percentile(values, 0.95)).padStart(7)}  ${ms(percentile(values, 0.99)).padStart(7)}  ${ms(values.at(-1) ?? NaN).padStart(7)}`
    const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1)
    const perStream = (bytes: number) => (bytes / streams.length / 1024).toFixed(1)
    log()
    log(`Latency from sending the signed ERP event (ms), ${sent.length} events:`)
    log(
      `  ${'measured'.padEnd(44)} ${'samples'.padStart(7)}  ${'p50'.padStart(7)}  ${'p95'.padStart(7)}  ${'p99'.padStart(7)}  ${'max'.padStart(7)}`,
    )
    log(row('send → arrival on a subscribed stream', perDelivery))
    log(row('send → arrival on the first stream', firstStream))
    log(row('send → arrival on every subscribed stream', lastStream))
    log(row("send → the ERP's 200 (verify, apply, commit)", acks))
    log()
    log(
      `Deliveries: ${expected} expected (each event × the streams of its account), ${delivered} arrived, ` +
        `${duplicates} duplicates, ${unexpectedMessages} unexpected messages`,
    )
    log(
      `Server memory after a full GC: heap ${mb(before.heapUsed)} → ${mb(opened.heapUsed)} MB with the streams open ` +
        `(${mb(after.heapUsed)} MB after the events); RSS ${mb(before.rss)} → ${mb(opened.rss)} MB`,
    )
    log(
      `  per open stream: ${perStream(opened.heapUsed - before.heapUsed)} KB of heap, ` +
        `${perStream(opened.rss - before.rss)} KB of RSS (rough: heap + buffers + sockets)`,
    )
    log(`Server CPU while the events flowed: ${(serverCpu * 100).toFixed(0)} % of one core`)
    log(
      `Errors: ${failedStreams.length} failed streams${failedStreams.length ? ` (${failedStreams[0]!.failure})` : ''}, ` +
        `${erpFailures.length} ERP events not applied${erpFailures.length ? ` (${erpFailures[0]})` : ''}, ` +
        `${expected - delivered} deliveries missing`,
    )
    log()
    const targets: Target[] = [
      {
        name: 'p95 send → arrival on a subscribed stream',
        value: percentile(perDelivery, 0.95),
        bound: TARGET_P95_MS,
        direction: 'at most',
        unit: ' ms',
      },
      { name: 'errors', value: errors, bound: 0, direction: 'at most' },
    ]
    log(targetsTable(targets))
    log()
    log(`Load average at the end: ${loadavg()[0]!.toFixed(2)}`)
    return errors > 0 ? 1 : 0
  } finally {
    for (const stream of streams) stream.close()
    streamAgent.destroy()
    erpAgent.destroy()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    process.stderr.write(`ERP → SSE bench failed: ${message}\n`)
    if (/EMFILE|too many open files/i.test(message)) {
      process.stderr.write(
        'Raise the open-file limit first: ulimit -n 4096 (see bench/README.md)\n',
      )
    }
    process.exit(1)
  },
)
