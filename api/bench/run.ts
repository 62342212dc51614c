/**
 * `pnpm bench`: GET /v1/invoices under load on a 1,000,000-invoice database,
 * against a bare-Hono baseline and against the same requests on 10,000
 * invoices. See README.md beside this file for what is measured and how to
 * read it.
 */
import { constants, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { basename, join } from 'node:path'
import { measureLoad, type BenchRequest, type LoadResult } from './load.js'
import { prepareListRequests, type ListRequests } from './list-requests.js'
import { startApiServer, startBareServer, type ChildServer } from './processes.js'
import type { ProbedChildServer } from '../src/testing/child-server.js'
import { postgresBenchDatabase } from './postgres.js'
import { explainInvoiceList } from './query-plan.js'
import { measureRlsOverhead, type RlsOverhead } from './rls-overhead.js'
import { resultsTable, targetMet, targetsTable, type Target } from './report.js'
import { benchDatabase, CACHE_DIR, type BenchDatabase } from './seed.js'
import { loadBenchSettings, type BenchSettings } from './settings.js'

const RUN_DIR = join(CACHE_DIR, 'run')
const RESULTS_FILE = join(CACHE_DIR, 'results', 'latest.json')

const log = (line = '') => process.stdout.write(`${line}\n`)
const load1 = () => loadavg()[0]!.toFixed(2)

/** A server under load and the request rotation it is measured with. */
interface LoadTarget {
  label: string
  server: ProbedChildServer
  requests: BenchRequest[]
}

interface Round {
  result: LoadResult
  warmup: Pick<LoadResult, 'non2xx' | 'errors' | 'timeouts'>
  loadAverage: number
}

async function main(): Promise<number> {
  const settings = loadBenchSettings()
  const startedAt = new Date()
  log(`Portico bench — node ${process.version}, ${cpus().length} CPUs, load average ${load1()}`)
  log(
    `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ` +
      `${settings.durationSeconds} s per target × ${settings.rounds} round(s), ` +
      `limit=${settings.limit}, pages ${settings.pages.join(',')} of the account's list`,
  )
  log()

  log('Databases (cached under bench/.cache/):')
  const large = await benchDatabase(settings.large, log)
  const small = await benchDatabase(settings.small, log)
  for (const db of [large, small]) {
    const m = db.manifest
    log(
      `  ${basename(db.path)}: ${m.invoices.toLocaleString('en')} invoices over ${m.accounts} accounts` +
        `${db.seeded ? '' : ' (cached)'}; runs as ${m.benchAccount.name}`,
    )
  }
  const postgres =
    process.env.BENCH_POSTGRES === 'false' ? undefined : await postgresBenchDatabase(large, log)
  log()

  log(
    `EXPLAIN QUERY PLAN of the invoice list at ${large.manifest.invoices.toLocaleString('en')} invoices:`,
  )
  const plans = await explainInvoiceList(large.path, large.manifest.benchAccount.id, settings.limit)
  for (const plan of plans) {
    log(`  ${plan.ok ? 'PASS' : 'MISS'}  ${plan.case}: ${plan.plan.join(' | ')}`)
  }
  log()

  // A fresh folder: a stale -wal file beside a new copy would be replayed into it.
  rmSync(RUN_DIR, { recursive: true, force: true })
  mkdirSync(RUN_DIR, { recursive: true })
  const servers: ChildServer[] = []
  const rounds = new Map<string, Round[]>()
  let lists: { large: ListRequests; small: ListRequests }
  let rls: RlsOverhead | undefined
  try {
    const api1m = await startApi(large, servers)
    const api10k = await startApi(small, servers)
    lists = {
      large: await prepare(api1m, large, settings),
      small: await prepare(api10k, small, settings),
    }
    const apiPg = postgres
      ? await startApiServer({ url: postgres.appUrl, migrationUrl: postgres.ownerUrl })
      : undefined
    if (apiPg) servers.push(apiPg)
    const pgList = apiPg ? await prepare(apiPg, large, settings, 'PostgreSQL') : undefined
    // The baseline serves the real first page, byte for byte.
    const bodyFile = join(RUN_DIR, 'first-page.json')
    writeFileSync(bodyFile, lists.large.firstPage.body)
    const bare = await startBareServer(bodyFile, lists.large.firstPage.contentType)
    servers.push(bare)
    log()

    const targets: LoadTarget[] = [
      { label: '(a) bare Hono, same body', server: bare, requests: lists.large.requests },
      {
        label: `(b) API, ${large.manifest.invoices.toLocaleString('en')} invoices`,
        server: api1m,
        requests: lists.large.requests,
      },
      {
        label: `(c) API, ${small.manifest.invoices.toLocaleString('en')} invoices`,
        server: api10k,
        requests: lists.small.requests,
      },
      ...(apiPg && pgList
        ? [
            {
              label: `(d) API on PostgreSQL (RLS), ${large.manifest.invoices.toLocaleString('en')}`,
              server: apiPg,
              requests: pgList.requests,
            },
          ]
        : []),
    ]
    // Rounds interleave the targets, so a burst of noise from elsewhere on
    // the machine hits all three alike instead of one.
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        const measured = await measure(target, settings, round)
        rounds.set(target.label, [...(rounds.get(target.label) ?? []), measured])
      }
    }
    if (postgres) {
      log()
      log('Row-level security on vs off: the list query on PostgreSQL, 10 in flight …')
      rls = await measureRlsOverhead({
        appUrl: postgres.appUrl,
        superuserUrl: postgres.superuserUrl,
        accountId: large.manifest.benchAccount.id,
        limit: settings.limit,
        pages: settings.pages,
      })
      for (const [name, side] of [
        ['RLS on (app role)', rls.rlsOn],
        ['RLS off (superuser)', rls.rlsOff],
      ] as const) {
        log(
          `  ${name.padEnd(20)} ${side.pagesPerSecond.toFixed(0).padStart(6)} pages/s  ` +
            `p50 ${side.p50Ms.toFixed(2)} ms  p99 ${side.p99Ms.toFixed(2)} ms`,
        )
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    await postgres?.drop()
    rmSync(RUN_DIR, { recursive: true, force: true })
  }

  const summary = [...rounds].map(([label, rs]) => ({ label, result: medianResult(rs) }))
  const [bare, api1m, api10k, apiPg] = summary.map((s) => s.result) as [
    LoadResult,
    LoadResult,
    LoadResult,
    LoadResult | undefined,
  ]
  log()
  log(
    settings.rounds > 1
      ? `Medians over ${settings.rounds} rounds (every round is in ${basename(RESULTS_FILE)}):`
      : 'Results:',
  )
  log(resultsTable(summary))
  log()
  const targets: Target[] = [
    {
      name: 'req/s (b) / (a)',
      value: api1m.requestsPerSecond / bare.requestsPerSecond,
      bound: 0.35,
      direction: 'at least',
    },
    {
      name: 'server CPU per response (a) / (b)',
      value: (bare.serverCpuUsPerResponse ?? 0) / (api1m.serverCpuUsPerResponse ?? 1),
    },
    { name: 'p99 (b)', value: api1m.p99Ms, bound: 25, direction: 'at most', unit: ' ms' },
    {
      name: 'p50 (b) / p50 (c)',
      value: api1m.p50Ms / api10k.p50Ms,
      bound: 1.3,
      direction: 'at most',
    },
    ...(apiPg && rls
      ? [
          {
            name: 'PostgreSQL: req/s (d) / (a)',
            value: apiPg.requestsPerSecond / bare.requestsPerSecond,
          },
          {
            name: 'PostgreSQL: p99 (d)',
            value: apiPg.p99Ms,
            unit: ' ms',
          },
          {
            name: 'RLS on / off: list query p50',
            value: rls.p50Ratio,
            bound: 1.25,
            direction: 'at most' as const,
          },
          {
            name: 'RLS off / on: list pages per second',
            value: rls.throughputRatio,
            bound: 1.25,
            direction: 'at most' as const,
          },
        ]
      : []),
    {
      name: 'list query plans on the keyset indexes (unfiltered: covering), no temp B-tree',
      value: plans.filter((p) => p.ok).length,
      bound: plans.length,
      direction: 'at least',
    },
  ]
  log(targetsTable(targets))
  log()
  log(
    `Load average at the end: ${load1()} (more than ~0.5 before the run means other work shared the CPUs).`,
  )

  mkdirSync(join(CACHE_DIR, 'results'), { recursive: true })
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        node: process.version,
        cpus: cpus().length,
        settings,
        databases: { large: large.manifest, small: small.manifest },
        accountInvoicesSeenThroughApi: {
          large: lists.large.invoiceCount,
          small: lists.small.invoiceCount,
        },
        queryPlans: plans,
        rlsOverhead: rls,
        rounds: Object.fromEntries(rounds),
        summary,
        targets: targets.map((t) => ({ ...t, met: targetMet(t) })),
      },
      null,
      2,
    )}\n`,
  )
  log(`Results written to ${RESULTS_FILE}`)

  const failures = [...rounds].flatMap(([label, rs]) =>
    rs
      .map((r, i) => ({ label, round: i + 1, ...countFailures(r) }))
      .filter((f) => f.non2xx + f.errors + f.timeouts > 0),
  )
  for (const f of failures) {
    log(
      `ERROR: ${f.label}, round ${f.round}: ${f.non2xx} non-2xx responses, ` +
        `${f.errors} errors, ${f.timeouts} timeouts`,
    )
  }
  return failures.length > 0 ? 1 : 0
}

/**
 * The real API on a private copy of a bench database: the server writes
 * (sessions, events), and the cached file must stay as seeded.
 */
async function startApi(
  database: BenchDatabase,
  servers: ChildServer[],
): Promise<ProbedChildServer> {
  const copy = join(RUN_DIR, basename(database.path))
  copyFileSync(database.path, copy, constants.COPYFILE_FICLONE)
  const server = await startApiServer(copy)
  servers.push(server)
  return server
}

async function prepare(
  server: ChildServer,
  database: BenchDatabase,
  settings: BenchSettings,
  dialect = 'SQLite',
): Promise<ListRequests> {
  const list = await prepareListRequests(server.url, database.manifest, settings)
  log(
    `API on ${dialect}, ${database.manifest.invoices.toLocaleString('en')} invoices (${server.url}): ` +
      `signed in as ${database.manifest.benchAccount.email}; the account lists ` +
      `${list.invoiceCount} invoices; first page ${Buffer.byteLength(list.firstPage.body)} bytes`,
  )
  return list
}

async function measure(target: LoadTarget, settings: BenchSettings, round: number): Promise<Round> {
  const { result, warmup } = await measureLoad({
    url: target.server.url,
    requests: target.requests,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
    serverCpuSeconds: () => target.server.cpuSeconds(),
  })
  const loadAverage = loadavg()[0]!
  log(
    `  round ${round}  ${target.label.padEnd(28)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${result.p50Ms.toFixed(2).padStart(7)} ms  p99 ${result.p99Ms.toFixed(2).padStart(7)} ms  ` +
      `server ${(100 * (result.serverCpuShare ?? 0)).toFixed(0)} % of a core, ` +
      `${(result.serverCpuUsPerResponse ?? 0).toFixed(0)} µs CPU/response  ` +
      `(load average ${loadAverage.toFixed(2)})`,
  )
  return { result, warmup, loadAverage }
}

/** Per-figure medians over the rounds (each figure on its own). */
function medianResult(rounds: Round[]): LoadResult {
  const median = (pick: (r: LoadResult) => number) => {
    const values = rounds.map((r) => pick(r.result)).sort((a, b) => a - b)
    const mid = Math.floor(values.length / 2)
    return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
  }
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((s, r) => s + pick(r.result), 0)
  return {
    requestsPerSecond: median((r) => r.requestsPerSecond),
    p50Ms: median((r) => r.p50Ms),
    p90Ms: median((r) => r.p90Ms),
    p99Ms: median((r) => r.p99Ms),
    maxMs: Math.max(...rounds.map((r) => r.result.maxMs)),
    requests: sum((r) => r.requests),
    bytesPerResponse: median((r) => r.bytesPerResponse),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    serverCpuUsPerResponse: median((r) => r.serverCpuUsPerResponse ?? 0),
    serverCpuShare: median((r) => r.serverCpuShare ?? 0),
  }
}

function countFailures(round: Round) {
  return {
    non2xx: round.result.non2xx + round.warmup.non2xx,
    errors: round.result.errors + round.warmup.errors,
    timeouts: round.result.timeouts + round.warmup.timeouts,
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
