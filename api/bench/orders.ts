/**
 * `pnpm bench:orders`: POST /v1/orders under load on the real server — three
 * lines priced from the account's contract, the credit check, the order, its
 * lines, timeline, event and ERP outbox row in one transaction, behind the
 * Idempotency-Key — against a bare-Hono baseline answering the same POSTs with
 * the same bytes. See README.md beside this file.
 *
 *   pnpm --filter @portico/api bench:orders
 *   BENCH_DURATION=3 BENCH_WARMUP=1 pnpm --filter @portico/api bench:orders   quick run
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { API_READY, startChildServer, type ProbedChildServer } from '../src/testing/child-server.js'
import { benchServerNodeArgs, startBarePostServer } from './processes.js'
import {
  fetchCatalog,
  orderBody,
  orderRequests,
  orderingServerEnv,
  prepareOrderingDatabase,
  type BenchUser,
} from './order-fixtures.js'
import { runPostLoad, type PostLoadResult, type PostRequest } from './post-load.js'
import { resultsTable, targetsTable, type Target } from './report.js'
import { loadBenchSettings } from './settings.js'

const TARGET_ORDERS_PER_SECOND = 1_500
/** Quantity factors each product is ordered at in turn (× the smallest valid quantity). */
const FACTORS = [1, 2, 3]

const log = (line = '') => process.stdout.write(`${line}\n`)
const load1 = () => loadavg()[0]!.toFixed(2)

interface Buyer extends BenchUser {
  /** Ready-made bodies: three products of the account's catalog, rotating. */
  bodies: string[]
}

interface Round {
  label: string
  result: PostLoadResult
  warmup: PostLoadResult
  serverCpu: number
  loadAverage: number
}

interface DbCounts {
  orders: number
  outbox: number
  events: number
}

/**
 * Waits until the server has finished every request autocannon left in
 * flight when it closed its sockets (no Idempotency-Key still `in_flight`),
 * so one run's backlog does not load the next.
 */
async function settle(path: string, timeoutMs = 60_000): Promise<void> {
  const db = new SQLite(path, { readonly: true })
  try {
    const pending = db.prepare(
      `select count(*) as n from idempotency_keys where state = 'in_flight'`,
    )
    // Requests not yet past the auth middleware have no record yet: wait for
    // none to be in flight five checks (250 ms) in a row.
    const deadline = Date.now() + timeoutMs
    for (let quiet = 0; quiet < 5;) {
      if (Date.now() > deadline) throw new Error('the API did not finish its requests in 60 s')
      await new Promise((resolve) => setTimeout(resolve, 50))
      quiet = (pending.get() as { n: number }).n > 0 ? 0 : quiet + 1
    }
  } finally {
    db.close()
  }
}

function dbCounts(path: string): DbCounts {
  const db = new SQLite(path, { readonly: true })
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    return {
      orders: count('select count(*) as n from orders'),
      outbox: count(`select count(*) as n from outbox_deliveries where consumer = 'erp'`),
      events: count(`select count(*) as n from events where type = 'order.placed'`),
    }
  } finally {
    db.close()
  }
}

async function main(): Promise<number> {
  const settings = loadBenchSettings()
  log(
    `Portico orders bench — node ${process.version}, ${cpus().length} CPUs, load average ${load1()}`,
  )
  log(
    `POST /v1/orders, 3 lines, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ` +
      `${settings.durationSeconds} s per target × ${settings.rounds} round(s)`,
  )

  const dir = mkdtempSync(join(tmpdir(), 'portico-orders-bench-'))
  const databasePath = join(dir, 'portico.db')
  const servers: ProbedChildServer[] = []
  const rounds: Round[] = []
  const acknowledged = new Set<string>()
  const unanswered: string[] = []
  let verification: { ok: boolean; lines: string[] } | undefined
  try {
    const started = performance.now()
    const users = await prepareOrderingDatabase(databasePath)
    const orderers = users.filter((u) => u.canOrder)
    log(
      `Fresh demo database (${((performance.now() - started) / 1000).toFixed(1)} s): every account's ` +
        `credit_limit set to 1e15 minor units and credit hold lifted; sessions minted for ` +
        `${orderers.length} users with orders:write (buyers and admins) over ` +
        `${new Set(orderers.map((u) => u.accountId)).size} accounts`,
    )

    const api = await startChildServer({
      name: 'api',
      script: 'src/server.ts',
      env: orderingServerEnv(databasePath),
      ready: API_READY,
      nodeArgs: benchServerNodeArgs(),
    })
    servers.push(api)
    log(
      `API: node --import tsx src/server.ts (pid ${api.pid}, ${api.url}), NODE_ENV=production, ` +
        `LOG_LEVEL=error, PORTICO_ERP_SIMULATOR=false (no outbox worker: orders stay in the outbox)`,
    )

    const buyers: Buyer[] = []
    for (const user of orderers) {
      const catalog = await fetchCatalog(api.url, user.token)
      const bodies = catalog.flatMap((_, offset) =>
        FACTORS.map((factor) => JSON.stringify(orderBody(catalog, offset, 3, factor))),
      )
      buyers.push({ ...user, bodies })
      log(
        `  ${user.email.padEnd(32)} ${user.role.padEnd(6)} ${user.accountName}: ${catalog.length} products`,
      )
    }

    const nextRequest: () => PostRequest = orderRequests(
      buyers,
      `bench-${randomBytes(4).toString('hex')}`,
    )

    // One real order gives the baseline its response: the same bytes, status and type.
    const sample = nextRequest()
    const placed = await fetch(`${api.url}/v1/orders`, {
      method: 'POST',
      headers: sample.headers,
      body: sample.body,
    })
    const sampleBody = await placed.text()
    if (placed.status !== 201) throw new Error(`sample order: ${placed.status} ${sampleBody}`)
    const bodyFile = join(dir, 'order.json')
    writeFileSync(bodyFile, sampleBody)
    const bare = await startBarePostServer({
      bodyFile,
      path: '/v1/orders',
      status: 201,
      contentType: placed.headers.get('content-type'),
    })
    servers.push(bare)
    log(
      `Baseline: bench/bare-post-server.ts (pid ${bare.pid}): bare Hono, POST /v1/orders reads the body and ` +
        `answers 201 with a real order response (${Buffer.byteLength(sampleBody)} bytes); ` +
        `request bodies ${Math.min(...buyers.flatMap((b) => b.bodies.map((x) => x.length)))}–` +
        `${Math.max(...buyers.flatMap((b) => b.bodies.map((x) => x.length)))} bytes`,
    )
    const before = dbCounts(databasePath)
    log(
      `Before the load: ${before.orders} orders, ${before.outbox} outbox rows (demo history + the sample)`,
    )
    log()

    const targets = [
      { label: '(a) bare Hono, same bytes', server: bare, verify: false },
      { label: '(b) API, POST /v1/orders', server: api, verify: true },
    ]
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        const run = (seconds: number) =>
          runPostLoad({
            url: target.server.url,
            path: '/v1/orders',
            connections: settings.connections,
            durationSeconds: seconds,
            expectStatus: 201,
            nextRequest,
            onSuccess: target.verify
              ? (key, body) => {
                  const id = /"id":"(ord_[0-9a-z]+)"/.exec(body.slice(0, 80))?.[1]
                  acknowledged.add(id ?? `unparsed:${key}`)
                }
              : undefined,
          })
        const warmup = await run(settings.warmupSeconds)
        if (target.verify) await settle(databasePath)
        const cpuStart = target.server.cpuSeconds()
        const result = await run(settings.durationSeconds)
        const serverCpu = (target.server.cpuSeconds() - cpuStart) / result.seconds
        if (target.verify) await settle(databasePath)
        if (target.verify) unanswered.push(...warmup.unanswered, ...result.unanswered)
        const loadAverage = loadavg()[0]!
        rounds.push({ label: target.label, result, warmup, serverCpu, loadAverage })
        log(
          `  round ${round}  ${target.label.padEnd(26)} ${result.successesPerSecond.toFixed(0).padStart(6)} 201/s  ` +
            `p50 ${result.p50Ms.toFixed(2).padStart(7)} ms  p99 ${result.p99Ms.toFixed(2).padStart(7)} ms  ` +
            `server CPU ${(serverCpu * 100).toFixed(0)} % of a core, ` +
            `${((serverCpu / result.successesPerSecond) * 1e6).toFixed(0)} µs per 201  (load average ${loadAverage.toFixed(2)})`,
        )
      }
    }

    // Let in-flight transactions finish and the WAL settle: stop the servers, then count.
    await Promise.all(servers.map((s) => s.stop()))
    verification = verify(databasePath, before, acknowledged, unanswered)
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    rmSync(dir, { recursive: true, force: true })
  }

  const byLabel = (label: string) => rounds.filter((r) => r.label === label)
  const labels = [...new Set(rounds.map((r) => r.label))]
  const summary = labels.map((label) => ({ label, result: median(byLabel(label)) }))
  const [bare, api] = summary.map((s) => s.result) as [PostLoadResult, PostLoadResult]
  log()
  log(
    settings.rounds > 1
      ? `Medians over ${settings.rounds} rounds (req/s = 201s per second):`
      : 'Results (req/s = 201s per second):',
  )
  log(resultsTable(summary))
  log()
  const ratio = api.successesPerSecond / bare.successesPerSecond
  log(
    `API / baseline: ${ratio.toFixed(3)} (${(1 / ratio).toFixed(1)}× the cost of serving the same bytes)`,
  )
  for (const { result, label } of rounds.filter((r) => r.label === labels[1])) {
    const seconds = Array.from(result.perSecond, (n) => n ?? 0)
    log(
      `  ${label}, 201s in each second of the run: ${seconds.join(' ')} ` +
        `(first → last: ${(seconds.at(-1)! / seconds[0]!).toFixed(2)}×)`,
    )
  }
  for (const label of labels) {
    const cpu = byLabel(label).map((r) => r.serverCpu)
    const perResponse = byLabel(label).map((r) => (r.serverCpu / r.result.successesPerSecond) * 1e6)
    log(
      `  server CPU during ${label}: ${cpu.map((c) => `${(c * 100).toFixed(0)} %`).join(', ')} of one core; ` +
        `${perResponse.map((us) => us.toFixed(0)).join(', ')} µs of CPU per 201`,
    )
  }
  log()

  let errors = 0
  log('Responses (warm-up + measured, every round):')
  for (const label of labels) {
    const all = byLabel(label).flatMap((r) => [r.warmup, r.result])
    const statuses: Record<string, number> = {}
    const failures: Record<string, number> = {}
    let socketErrors = 0
    let timeouts = 0
    for (const r of all) {
      for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v
      for (const [k, v] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + v
      socketErrors += r.errors
      timeouts += r.timeouts
    }
    const bad = Object.entries(statuses)
      .filter(([status]) => status !== '201')
      .reduce((s, [, n]) => s + n, 0)
    errors += bad + socketErrors + timeouts
    log(
      `  ${label}: ${Object.entries(statuses)
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ')}; socket errors ${socketErrors}, timeouts ${timeouts}`,
    )
    for (const [failure, n] of Object.entries(failures)) log(`      non-201: ${n} × ${failure}`)
  }
  log()

  const targets: Target[] = [
    {
      name: 'orders/s (201s per second), API on SQLite',
      value: api.successesPerSecond,
      bound: TARGET_ORDERS_PER_SECOND,
      direction: 'at least',
    },
    {
      name: 'orders in DB = 201s (+ committed ones in flight at stop)',
      value: verification?.ok ? 1 : 0,
      bound: 1,
      direction: 'at least',
    },
  ]
  log(targetsTable(targets))
  log()
  log('Nothing acknowledged lost:')
  for (const line of verification?.lines ?? ['  not verified (the run failed)']) log(line)
  log()
  log(
    `Load average at the end: ${load1()} (more than ~0.5 before the run: other work shared the CPUs).`,
  )
  if (!verification?.ok) errors++
  if (errors > 0) log(`ERROR: ${errors} non-201 responses, socket errors, timeouts or lost orders`)
  return errors > 0 ? 1 : 0
}

/**
 * Every 201 the load generator received names an order that is in the
 * database with its `order.placed` event and its ERP outbox row; and the
 * database holds no other new order than those, except for requests still
 * in flight when autocannon closed its sockets — counted only when their
 * Idempotency-Key record shows the server completed them with 201.
 */
function verify(
  databasePath: string,
  before: DbCounts,
  acknowledged: Set<string>,
  unanswered: string[],
): { ok: boolean; lines: string[] } {
  const after = dbCounts(databasePath)
  const db = new SQLite(databasePath, { readonly: true })
  try {
    const withOutbox = new Set(
      (
        db
          .prepare(
            `select o.id from orders o
               join events e on e.subject_id = o.id and e.type = 'order.placed'
               join outbox_deliveries d on d.event_id = e.id and d.consumer = 'erp' and d.state = 'pending'`,
          )
          .all() as Array<{ id: string }>
      ).map((r) => r.id),
    )
    const missing = [...acknowledged].filter((id) => !withOutbox.has(id))
    const completedKeys = db.prepare(
      `select count(*) as n from idempotency_keys where key = ? and state = 'completed' and response_status = 201`,
    )
    const committedInFlight = unanswered.filter(
      (key) => (completedKeys.get(key) as { n: number }).n > 0,
    ).length
    const uninvoiced = (
      db
        .prepare(
          `select count(*) as n from orders
            where invoiced_at is null and status not in ('cancelled', 'rejected')
            group by account_id order by n desc`,
        )
        .all() as Array<{ n: number }>
    ).map((r) => r.n)
    const newOrders = after.orders - before.orders
    const newOutbox = after.outbox - before.outbox
    const newEvents = after.events - before.events
    const expected = acknowledged.size + committedInFlight
    const ok =
      missing.length === 0 &&
      newOrders === expected &&
      newOutbox === newOrders &&
      newEvents === newOrders
    return {
      ok,
      lines: [
        `  201s received from the API:                 ${acknowledged.size}`,
        `  of them missing an order or outbox row:     ${missing.length}${missing.length ? ` (${missing.slice(0, 3).join(', ')}…)` : ''}`,
        `  requests in flight when a run stopped:      ${unanswered.length} (completed with 201 by the server: ${committedInFlight})`,
        `  new orders in the database:                 ${newOrders} (expected ${acknowledged.size} + ${committedInFlight} = ${expected})`,
        `  new order.placed events / ERP outbox rows:  ${newEvents} / ${newOutbox}`,
        `  uninvoiced orders per account at the end:   ${uninvoiced.join(', ')} (the credit check reads their total from account_exposure)`,
        `  ${ok ? 'PASS' : 'MISS'}`,
      ],
    }
  } finally {
    db.close()
  }
}

/** Per-figure medians over the rounds; counts are summed. */
function median(rounds: Round[]): PostLoadResult {
  const mid = (pick: (r: PostLoadResult) => number) => {
    const values = rounds.map((r) => pick(r.result)).sort((a, b) => a - b)
    const m = Math.floor(values.length / 2)
    return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2
  }
  const sum = (pick: (r: PostLoadResult) => number) =>
    rounds.reduce((s, r) => s + pick(r.result), 0)
  const first = rounds[0]!.result
  return {
    ...first,
    requestsPerSecond: mid((r) => r.requestsPerSecond),
    successesPerSecond: mid((r) => r.successesPerSecond),
    p50Ms: mid((r) => r.p50Ms),
    p90Ms: mid((r) => r.p90Ms),
    p99Ms: mid((r) => r.p99Ms),
    maxMs: Math.max(...rounds.map((r) => r.result.maxMs)),
    bytesPerResponse: mid((r) => r.bytesPerResponse),
    requests: sum((r) => r.requests),
    successes: sum((r) => r.successes),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `orders bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
