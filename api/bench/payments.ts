/**
 * `pnpm bench:payments`: verified payment webhooks under load on the real
 * server — signature check, the payment resolved by its provider reference,
 * and for each new success the payment, its allocations, the invoices'
 * balances, the events and the ERP outbox row in one transaction — with 10 %
 * duplicate deliveries, against a bare-Hono baseline answering the same
 * POSTs with the same bytes. Then it checks that nothing was recorded twice.
 * See README.md beside this file.
 *
 *   pnpm --filter @portico/api bench:payments
 *   BENCH_DURATION=3 BENCH_WARMUP=1 pnpm --filter @portico/api bench:payments   quick run
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { signedMidtransNotification, signedSandboxWebhook } from '../src/testing/payments.js'
import { API_READY, startChildServer, type ProbedChildServer } from '../src/testing/child-server.js'
import { benchServerNodeArgs, startBarePostServer } from './processes.js'
import {
  BENCH_MIDTRANS_SERVER_KEY,
  BENCH_REDIRECT,
  BENCH_SANDBOX_SECRET,
  paymentsServerEnv,
  preparePaymentsDatabase,
  type BenchPayment,
} from './payment-fixtures.js'
import { runPostLoad, type PostLoadResult, type PostRequest } from './post-load.js'
import { resultsTable, targetsTable, type Target } from './report.js'
import { loadBenchSettings } from './settings.js'

const TARGET_WEBHOOKS_PER_SECOND = 2_000
/** Every n-th delivery repeats one sent a moment before (often still in flight): 10 %. */
const DUPLICATE_EVERY = 10
const DUPLICATE_LAG = 3

const log = (line = '') => process.stdout.write(`${line}\n`)
const load1 = () => loadavg()[0]!.toFixed(2)

type Provider = 'sandbox' | 'midtrans'

interface Round {
  label: string
  result: PostLoadResult
  warmup: PostLoadResult
  serverCpu: number
}

/** The deliveries of one provider: each pending payment's success, once, with every 10th repeated. */
function deliveries(
  provider: Provider,
  payments: BenchPayment[],
  options: { wrap?: boolean } = {},
) {
  let next = 0
  let sent = 0
  const recent: PostRequest[] = []
  const build = (payment: BenchPayment): PostRequest => {
    if (provider === 'midtrans') {
      return {
        key: payment.id,
        headers: { 'content-type': 'application/json' },
        body: signedMidtransNotification(BENCH_MIDTRANS_SERVER_KEY, {
          orderId: payment.id,
          grossAmount: payment.amount,
          transactionStatus: 'settlement',
        }),
      }
    }
    // Signed as it is sent: the API refuses a signature more than 5 minutes old.
    const webhook = signedSandboxWebhook(BENCH_SANDBOX_SECRET, {
      type: 'payment.succeeded',
      reference: payment.id,
      amount: payment.amount,
      currency: payment.currency,
    })
    return { key: payment.id, headers: webhook.headers, body: webhook.body }
  }
  return {
    path: `/v1/webhooks/payments/${provider}`,
    get unique() {
      return next
    },
    get sent() {
      return sent
    },
    nextRequest(): PostRequest {
      sent++
      if (sent % DUPLICATE_EVERY === 0 && recent.length >= DUPLICATE_LAG) {
        const original = recent[recent.length - DUPLICATE_LAG]!
        return { ...original, key: `${original.key}#dup${sent}` }
      }
      // The baseline's bodies only need the right shape: it may go round again.
      if (next >= payments.length && options.wrap) next = 0
      if (next >= payments.length) {
        throw new Error(`all ${payments.length} ${provider} payments sent: raise BENCH_PAYMENTS`)
      }
      const request = build(payments[next++]!)
      recent.push(request)
      if (recent.length > 16) recent.shift()
      return request
    },
  }
}

interface Verification {
  ok: boolean
  lines: string[]
}

/**
 * Nothing recorded twice, nothing acknowledged lost: every payment the API
 * answered `applied` for is succeeded; each succeeded payment has exactly
 * one `payment.succeeded` event and one ERP outbox row; and every invoice's
 * amount_paid grew by exactly the allocations of its succeeded payments.
 */
function verify(
  databasePath: string,
  provider: Provider,
  acknowledged: Set<string>,
  counts: { applied: number; duplicates: number; stale: number },
): Verification {
  const db = new SQLite(databasePath, { readonly: true })
  try {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T
    const succeeded = one<{ n: number }>(
      `select count(*) as n from payments where provider = ? and status = 'succeeded' and redirect_url = '${BENCH_REDIRECT}'`,
      provider,
    ).n
    const doubleEvents = one<{ n: number }>(
      `select count(*) as n from (select subject_id from events where type = 'payment.succeeded' group by subject_id having count(*) > 1)`,
    ).n
    const events = one<{ n: number }>(
      `select count(*) as n from events e join payments p on p.id = e.subject_id
        where e.type = 'payment.succeeded' and p.provider = ? and p.redirect_url = '${BENCH_REDIRECT}'`,
      provider,
    ).n
    const outbox = one<{ n: number }>(
      `select count(*) as n from outbox_deliveries d join events e on e.id = d.event_id join payments p on p.id = e.subject_id
        where e.type = 'payment.succeeded' and p.provider = ? and p.redirect_url = '${BENCH_REDIRECT}'`,
      provider,
    ).n
    const balanceDrift = one<{ n: number }>(
      `select count(*) as n from invoices i where i.number like 'BENCH-%' and i.amount_paid != coalesce((
          select sum(a.amount) from payment_allocations a join payments p on p.id = a.payment_id
           where a.invoice_id = i.id and p.status = 'succeeded'), 0)`,
    ).n
    const pendingAcknowledged = [...acknowledged].filter(
      (id) =>
        one<{ status: string } | undefined>('select status from payments where id = ?', id)
          ?.status !== 'succeeded',
    ).length
    const ok =
      doubleEvents === 0 &&
      events === succeeded &&
      outbox === succeeded &&
      balanceDrift === 0 &&
      pendingAcknowledged === 0 &&
      counts.applied <= succeeded
    return {
      ok,
      lines: [
        `  ${provider}: payments succeeded ${succeeded}; 200s answered "applied" ${counts.applied}, duplicate ${counts.duplicates}, stale ${counts.stale}`,
        `    payment.succeeded events ${events} (payments with more than one: ${doubleEvents}); ERP outbox rows ${outbox}`,
        `    invoices whose amount_paid ≠ the sum of their succeeded allocations: ${balanceDrift}`,
        `    acknowledged payments not succeeded: ${pendingAcknowledged}`,
        `    ${ok ? 'PASS' : 'MISS'}`,
      ],
    }
  } finally {
    db.close()
  }
}

async function main(): Promise<number> {
  const settings = loadBenchSettings()
  // Enough for ~4,000 webhooks/s through every round's warm-up and measurement.
  const perProvider = Number(
    process.env.BENCH_PAYMENTS ??
      Math.ceil((settings.warmupSeconds + settings.durationSeconds) * settings.rounds * 4_000),
  )
  log(
    `Portico payments bench — node ${process.version}, ${cpus().length} CPUs, load average ${load1()}`,
  )
  log(
    `POST /v1/webhooks/payments/{sandbox,midtrans}, ${DUPLICATE_EVERY > 0 ? 100 / DUPLICATE_EVERY : 0} % duplicates, ` +
      `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per target × ${settings.rounds} round(s)`,
  )
  const dir = mkdtempSync(join(tmpdir(), 'portico-payments-bench-'))
  const fixturePath = join(dir, 'fixture.db')
  const servers: ProbedChildServer[] = []
  const rounds: Round[] = []
  const verifications: Verification[] = []
  try {
    const started = performance.now()
    const fixtures = await preparePaymentsDatabase(fixturePath, perProvider)
    log(
      `Fresh demo database + bench invoices and ${perProvider} pending payments per provider ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s): sandbox over every account, Midtrans over the IDR account; 10 % of them on two invoices`,
    )
    const targets: Array<{
      label: string
      provider?: Provider
      server: ProbedChildServer
      path: string
      feed: ReturnType<typeof deliveries>
      databasePath?: string
      acknowledged: Set<string>
      counts: { applied: number; duplicates: number; stale: number }
    }> = []
    for (const provider of ['sandbox', 'midtrans'] as const) {
      const databasePath = join(dir, `${provider}.db`)
      copyFileSync(fixturePath, databasePath)
      const server = await startChildServer({
        name: provider,
        script: 'src/server.ts',
        env: paymentsServerEnv(databasePath, provider),
        ready: API_READY,
        nodeArgs: benchServerNodeArgs(),
      })
      servers.push(server)
      const feed = deliveries(provider, fixtures[provider])
      targets.push({
        label: `(${provider === 'sandbox' ? 'b' : 'c'}) API, ${provider} webhooks`,
        provider,
        server,
        path: feed.path,
        feed,
        databasePath,
        acknowledged: new Set(),
        counts: { applied: 0, duplicates: 0, stale: 0 },
      })
      log(
        `API (${provider}): node --import tsx src/server.ts (pid ${server.pid}), NODE_ENV=production, PORTICO_PAYMENT_PROVIDER=${provider}`,
      )
    }

    // One real answer gives the baseline its bytes: the same status, type and body.
    const sampleFeed = targets[0]!.feed
    const sample = sampleFeed.nextRequest()
    const answer = await fetch(`${targets[0]!.server.url}${sampleFeed.path}`, {
      method: 'POST',
      headers: sample.headers,
      body: sample.body,
    })
    const sampleBody = await answer.text()
    if (answer.status !== 200) throw new Error(`sample webhook: ${answer.status} ${sampleBody}`)
    targets[0]!.counts.applied++
    targets[0]!.acknowledged.add(sample.key)
    const bodyFile = join(dir, 'answer.json')
    writeFileSync(bodyFile, sampleBody)
    const bare = await startBarePostServer({
      bodyFile,
      path: sampleFeed.path,
      status: 200,
      contentType: answer.headers.get('content-type'),
    })
    servers.push(bare)
    log(
      `Baseline: bench/bare-post-server.ts (pid ${bare.pid}): bare Hono, reads the body, answers 200 with a real webhook answer (${Buffer.byteLength(sampleBody)} bytes)`,
    )
    const baselineFeed = deliveries('sandbox', fixtures.sandbox, { wrap: true })
    targets.unshift({
      label: '(a) bare Hono, same bytes',
      server: bare,
      path: sampleFeed.path,
      feed: baselineFeed,
      acknowledged: new Set(),
      counts: { applied: 0, duplicates: 0, stale: 0 },
    })
    log()

    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        const run = (seconds: number) =>
          runPostLoad({
            url: target.server.url,
            path: target.path,
            connections: settings.connections,
            durationSeconds: seconds,
            expectStatus: 200,
            nextRequest: () => target.feed.nextRequest(),
            onSuccess: target.provider
              ? (key, body) => {
                  const result = JSON.parse(body) as { duplicate: boolean; outcome: string }
                  if (result.duplicate) target.counts.duplicates++
                  else if (result.outcome === 'applied') {
                    target.counts.applied++
                    // A duplicate may overtake its original: it names the same payment.
                    target.acknowledged.add(key.split('#')[0]!)
                  } else target.counts.stale++
                }
              : undefined,
          })
        const warmup = await run(settings.warmupSeconds)
        const cpuStart = target.server.cpuSeconds()
        const result = await run(settings.durationSeconds)
        const serverCpu = (target.server.cpuSeconds() - cpuStart) / result.seconds
        rounds.push({ label: target.label, result, warmup, serverCpu })
        log(
          `  round ${round}  ${target.label.padEnd(28)} ${result.successesPerSecond.toFixed(0).padStart(6)} 200/s  ` +
            `p50 ${result.p50Ms.toFixed(2).padStart(6)} ms  p99 ${result.p99Ms.toFixed(2).padStart(6)} ms  ` +
            `server CPU ${(serverCpu * 100).toFixed(0)} % of a core, ${((serverCpu / result.successesPerSecond) * 1e6).toFixed(0)} µs per 200  (load average ${load1()})`,
        )
      }
    }
    await Promise.all(servers.map((s) => s.stop()))
    for (const target of targets) {
      if (!target.provider || !target.databasePath) continue
      verifications.push(
        verify(target.databasePath, target.provider, target.acknowledged, target.counts),
      )
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    rmSync(dir, { recursive: true, force: true })
  }

  const labels = [...new Set(rounds.map((r) => r.label))]
  const median = (label: string, pick: (r: Round) => number) => {
    const values = rounds
      .filter((r) => r.label === label)
      .map(pick)
      .sort((a, b) => a - b)
    const m = Math.floor(values.length / 2)
    return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2
  }
  const summary = labels.map((label) => {
    const first = rounds.find((r) => r.label === label)!.result
    return {
      label,
      result: {
        ...first,
        requestsPerSecond: median(label, (r) => r.result.successesPerSecond),
        successesPerSecond: median(label, (r) => r.result.successesPerSecond),
        p50Ms: median(label, (r) => r.result.p50Ms),
        p90Ms: median(label, (r) => r.result.p90Ms),
        p99Ms: median(label, (r) => r.result.p99Ms),
      },
    }
  })
  log()
  log(
    settings.rounds > 1
      ? `Medians over ${settings.rounds} rounds (req/s = 200s per second):`
      : 'Results (req/s = 200s per second):',
  )
  log(resultsTable(summary))
  log()
  const [bare, sandbox, midtrans] = summary.map((s) => s.result.successesPerSecond) as [
    number,
    number,
    number,
  ]
  log(
    `Sandbox webhooks / baseline:  ${(sandbox / bare).toFixed(3)} (${(bare / sandbox).toFixed(1)}× the cost of answering the same bytes)`,
  )
  log(
    `Midtrans webhooks / baseline: ${(midtrans / bare).toFixed(3)} (${(bare / midtrans).toFixed(1)}× the cost of answering the same bytes)`,
  )
  for (const label of labels) {
    const perResponse = rounds
      .filter((r) => r.label === label)
      .map((r) => ((r.serverCpu / r.result.successesPerSecond) * 1e6).toFixed(0))
    log(`  server CPU per 200 during ${label}: ${perResponse.join(', ')} µs`)
  }
  log()

  let errors = 0
  log('Responses (warm-up + measured, every round):')
  for (const label of labels) {
    const all = rounds.filter((r) => r.label === label).flatMap((r) => [r.warmup, r.result])
    const statuses: Record<string, number> = {}
    let socketErrors = 0
    for (const r of all) {
      for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v
      for (const [k, v] of Object.entries(r.failures)) log(`      ${label} non-200: ${v} × ${k}`)
      socketErrors += r.errors + r.timeouts
    }
    errors +=
      socketErrors +
      Object.entries(statuses)
        .filter(([s]) => s !== '200')
        .reduce((s, [, n]) => s + n, 0)
    log(
      `  ${label}: ${Object.entries(statuses)
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ')}; socket errors and timeouts ${socketErrors}`,
    )
  }
  log()
  const targetsMet: Target[] = [
    {
      name: 'sandbox webhooks/s (200s per second), SQLite',
      value: sandbox,
      bound: TARGET_WEBHOOKS_PER_SECOND,
      direction: 'at least',
    },
    {
      name: 'Midtrans webhooks/s (200s per second), SQLite',
      value: midtrans,
      bound: TARGET_WEBHOOKS_PER_SECOND,
      direction: 'at least',
    },
    {
      name: 'payments recorded twice',
      value: verifications.every((v) => v.ok) ? 0 : 1,
      bound: 0,
      direction: 'at most',
    },
  ]
  log(targetsTable(targetsMet))
  log()
  log('Nothing recorded twice, nothing acknowledged lost:')
  for (const v of verifications) for (const line of v.lines) log(line)
  log()
  log(
    `Load average at the end: ${load1()} (more than ~0.5 before the run: other work shared the CPUs).`,
  )
  if (!verifications.every((v) => v.ok)) errors++
  if (errors > 0)
    log(`ERROR: ${errors} non-200 responses, socket errors, timeouts or double-recorded payments`)
  return errors > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `payments bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
