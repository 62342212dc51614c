/**
 * `pnpm bench:replicas`: POST /v1/orders on PostgreSQL, one API replica vs
 * two on the same database — the scale-out claim, measured. Each round
 * loads one replica with `BENCH_CONNECTIONS` connections, then both replicas
 * with half the connections each, from one load generator process; the
 * report gives orders/s for both and their ratio. The same orders as
 * `bench:orders` (three lines, the credit check, the outbox row), on a fresh
 * demo database with credit limits lifted and no ERP.
 *
 * The load generator, both replicas and PostgreSQL share the machine's
 * cores: on two cores expect an honest ratio below 2 — the point is that it
 * is above 1 and that nothing is lost.
 */
import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import { openDatabase } from '../src/db/connect.js'
import { API_READY, startChildServer, type ProbedChildServer } from '../src/testing/child-server.js'
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  ensureTestRoles,
  postgresReachable,
  TEST_APP_ROLE,
  TEST_OWNER_ROLE,
  uniqueDatabaseName,
} from '../src/testing/postgres.js'
import {
  fetchCatalog,
  orderBody,
  orderRequests,
  orderingServerEnv,
  prepareOrderingDatabase,
  type BenchPostgres,
} from './order-fixtures.js'
import { runPostLoad, type PostLoadResult, type PostRequest } from './post-load.js'
import { benchServerNodeArgs } from './processes.js'
import { targetsTable } from './report.js'
import { loadBenchSettings } from './settings.js'

const log = (line = '') => process.stdout.write(`${line}\n`)

async function main(): Promise<number> {
  const settings = loadBenchSettings()
  const reachable = await postgresReachable()
  if (!reachable.ok) {
    log(`PostgreSQL is not reachable: ${reachable.reason}`)
    return 1
  }
  log(
    `Portico replicas bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`,
  )
  await ensureTestRoles()
  const name = uniqueDatabaseName('portico_bench_replicas_')
  await createDatabase(name)
  const database: BenchPostgres = {
    url: databaseUrl(TEST_APP_ROLE, name),
    migrationUrl: databaseUrl(TEST_OWNER_ROLE, name),
  }
  const servers: ProbedChildServer[] = []
  const acknowledged = new Set<string>()
  const rounds: Array<{ one: PostLoadResult; two: PostLoadResult[] }> = []
  try {
    const orderers = (await prepareOrderingDatabase(database)).filter((u) => u.canOrder)
    for (const replica of ['r1', 'r2']) {
      servers.push(
        await startChildServer({
          name: replica,
          script: 'src/server.ts',
          env: orderingServerEnv(database),
          ready: API_READY,
          nodeArgs: benchServerNodeArgs(),
        }),
      )
    }
    const [r1, r2] = servers as [ProbedChildServer, ProbedChildServer]
    const buyers = await Promise.all(
      orderers.map(async (user) => {
        const catalog = await fetchCatalog(r1.url, user.token)
        return {
          token: user.token,
          bodies: catalog.map((_, offset) => JSON.stringify(orderBody(catalog, offset, 3))),
        }
      }),
    )
    const nextRequest: () => PostRequest = orderRequests(
      buyers,
      `replicas-${randomBytes(4).toString('hex')}`,
    )
    const load = (url: string, connections: number, seconds: number) =>
      runPostLoad({
        url,
        path: '/v1/orders',
        connections,
        durationSeconds: seconds,
        expectStatus: 201,
        nextRequest,
        onSuccess: (_key, body) => {
          const id = /"id":"(ord_[0-9a-z]+)"/.exec(body.slice(0, 80))?.[1]
          if (id) acknowledged.add(id)
        },
      })

    log(
      `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s ` +
        `per target × ${settings.rounds} round(s); ${buyers.length} buyers over 5 accounts`,
    )
    const half = Math.max(1, Math.floor(settings.connections / 2))
    for (let round = 1; round <= settings.rounds; round++) {
      await load(r1.url, settings.connections, settings.warmupSeconds)
      const one = await load(r1.url, settings.connections, settings.durationSeconds)
      await Promise.all([
        load(r1.url, half, settings.warmupSeconds),
        load(r2.url, half, settings.warmupSeconds),
      ])
      const two = await Promise.all([
        load(r1.url, half, settings.durationSeconds),
        load(r2.url, half, settings.durationSeconds),
      ])
      rounds.push({ one, two })
      log(
        `  round ${round}  one replica ${one.successesPerSecond.toFixed(0).padStart(5)} orders/s (p99 ${one.p99Ms.toFixed(1)} ms)  ` +
          `two replicas ${two
            .reduce((s, r) => s + r.successesPerSecond, 0)
            .toFixed(0)
            .padStart(5)} orders/s ` +
          `(${two.map((r) => r.successesPerSecond.toFixed(0)).join(' + ')}; p99 ${Math.max(...two.map((r) => r.p99Ms)).toFixed(1)} ms)  ` +
          `load average ${loadavg()[0]!.toFixed(2)}`,
      )
    }
    await Promise.all(servers.map((s) => s.stop()))

    // Nothing acknowledged lost: every 201's order is in the database.
    const owner = openDatabase(database.migrationUrl, { poolSize: 1 })
    let found = 0
    try {
      const ids = [...acknowledged]
      for (let i = 0; i < ids.length; i += 1_000) {
        const rows = await owner.db
          .selectFrom('orders')
          .select('id')
          .where('id', 'in', ids.slice(i, i + 1_000))
          .execute()
        found += rows.length
      }
    } finally {
      await owner.close()
    }
    const failures = rounds
      .flatMap((r) => [r.one, ...r.two])
      .reduce(
        (n, r) => n + r.errors + r.timeouts + Object.values(r.failures).reduce((a, b) => a + b, 0),
        0,
      )
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const one = median(rounds.map((r) => r.one.successesPerSecond))
    const two = median(rounds.map((r) => r.two.reduce((s, x) => s + x.successesPerSecond, 0)))
    log()
    log(
      targetsTable([
        { name: 'orders/s, one replica', value: one },
        { name: 'orders/s, two replicas', value: two },
        { name: 'two replicas / one', value: two / one, bound: 1, direction: 'at least' },
        {
          name: `201s whose order is in the database (of ${acknowledged.size})`,
          value: found,
          bound: acknowledged.size,
          direction: 'at least',
        },
        {
          name: 'non-201s, socket errors, timeouts',
          value: failures,
          bound: 0,
          direction: 'at most',
        },
      ]),
    )
    return found === acknowledged.size && failures === 0 ? 0 : 1
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    await dropDatabase(name)
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
