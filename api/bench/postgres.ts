/**
 * The bench's PostgreSQL database: the cached SQLite bench database copied
 * into PostgreSQL with the product's own `migrate-to-postgres` path, kept
 * between runs under a name made from the SQLite file's (so a reseed makes a
 * new one), and cloned per run (`CREATE DATABASE … TEMPLATE`) because the
 * API writes at sign-in.
 */
import { basename } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase } from '../src/db/connect.js'
import { copySqliteToPostgres } from '../src/db/copy-to-postgres.js'
import {
  adminUrl,
  createDatabase,
  databaseUrl,
  dropDatabase,
  dropDatabasesLike,
  ensureTestRoles,
  postgresReachable,
  TEST_APP_ROLE,
  TEST_OWNER_ROLE,
} from '../src/testing/postgres.js'
import type { BenchDatabase } from './seed.js'

const COMPLETE = 'portico bench database, complete'

export interface PostgresBenchDatabase {
  /** The API's role (row-level security binds it). */
  appUrl: string
  ownerUrl: string
  /** A superuser on the same database: bypasses row-level security. */
  superuserUrl: string
  drop(): Promise<void>
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** The cached copy's name: `portico_bench_<hash of the SQLite file's name>`. */
function cachedName(sqlite: BenchDatabase): string {
  const hash = basename(sqlite.path, '.db').split('-').at(-1)!
  return `portico_bench_${sqlite.manifest.invoices}_${hash}`.toLowerCase()
}

/**
 * A fresh run copy of the PostgreSQL bench database for `sqlite`, copying
 * it first when no complete cached one exists. Undefined (with the reason
 * logged) when PostgreSQL is not reachable: the SQLite figures stand alone.
 */
export async function postgresBenchDatabase(
  sqlite: BenchDatabase,
  log: (line: string) => void,
): Promise<PostgresBenchDatabase | undefined> {
  const reachable = await postgresReachable()
  if (!reachable.ok) {
    log(
      `  PostgreSQL not reachable at ${adminUrl()} (${reachable.reason}): its targets are skipped`,
    )
    return undefined
  }
  await ensureTestRoles()
  const cached = cachedName(sqlite)
  const complete = await admin(async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [cached],
    )
    return rows[0]?.comment === COMPLETE
  })
  if (!complete) {
    await dropDatabasesLike(`portico_bench_${sqlite.manifest.invoices}_`)
    await createDatabase(cached)
    const started = Date.now()
    log(`  copying ${basename(sqlite.path)} into PostgreSQL database ${cached} …`)
    const source = openDatabase(`file:${sqlite.path}`)
    const target = openDatabase(databaseUrl(TEST_OWNER_ROLE, cached), { poolSize: 2 })
    try {
      await copySqliteToPostgres({ sqlitePath: sqlite.path, source: source.db, target: target.db })
      // Fresh statistics, or the planner guesses on a million-row table.
      await sql`analyze`.execute(target.db)
    } finally {
      await source.close()
      await target.close()
    }
    await admin((client) => client.query(`comment on database "${cached}" is '${COMPLETE}'`))
    log(`  copied in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } else {
    log(`  ${cached}: ${sqlite.manifest.invoices.toLocaleString('en')} invoices (cached)`)
  }

  const run = `${cached}_run`
  await dropDatabase(run)
  await createDatabase(run, cached)
  const superuser = new URL(adminUrl())
  superuser.pathname = `/${run}`
  return {
    appUrl: databaseUrl(TEST_APP_ROLE, run),
    ownerUrl: databaseUrl(TEST_OWNER_ROLE, run),
    superuserUrl: superuser.toString(),
    drop: () => dropDatabase(run),
  }
}
