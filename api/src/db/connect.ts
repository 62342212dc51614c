import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.js'
import { GroupCommitSqliteDialect, type SqliteHandle } from './group-commit.js'
import pg from 'pg'
import type { Database } from './schema.js'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: 'sqlite' | 'postgres'
  /** The connection string it was opened with (PostgreSQL: for a LISTEN connection of its own). */
  url: string
  close(): Promise<void>
}

/** Whether a `DATABASE_URL` names PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url)
}

/**
 * Opens the database named by `DATABASE_URL`: `postgres://…` is PostgreSQL,
 * `file:<path>` (or a bare path, or `:memory:`) embedded SQLite.
 */
export function openDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  return isPostgresUrl(url) ? openPostgres(url, options.poolSize ?? 10) : openSqlite(url)
}

function openSqlite(url: string): DatabaseHandle {
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  // WAL: readers never block the single writer, and a crash after COMMIT
  // loses nothing. NORMAL sync is durable in WAL mode except on power loss
  // mid-checkpoint; busy_timeout lets a second process (a CLI, a replica of
  // a test) wait for the lock instead of failing.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const statements = withStatementCache(sqlite)
  // Concurrent requests' writes share a COMMIT (./group-commit.ts).
  const db = new Kysely<Database>({
    dialect: new GroupCommitSqliteDialect(statements),
  })
  if (path === ':memory:') return { db, dialect: 'sqlite', url, close: () => db.destroy() }
  // Checkpoints run on a thread of their own (db/checkpointer.ts).
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`)
  const checkpointer = startCheckpointer(path)
  return {
    db,
    dialect: 'sqlite',
    url,
    close: async () => {
      await db.destroy()
      await checkpointer.stop()
    },
  }
}

/**
 * int8 (counts, money in minor units) and numeric (their sums) arrive from
 * `pg` as strings, since JavaScript numbers cannot hold every value. Portico
 * keeps money within safe integers (±9·10^15 minor units), so both become
 * numbers — and a value outside that range is an error, never a silent
 * rounding.
 */
const safeNumber = (text: string): number => {
  const value = Number(text)
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    throw new RangeError(`Database value ${text} is not a safe JavaScript number`)
  }
  return value
}
const INT8_OID = 20
const NUMERIC_OID = 1700
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return safeNumber
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers })
  // An idle connection the server ends (a restart, a failover, a database
  // dropped under it) is reported here; without a listener it would crash
  // the process. The pool replaces it on the next query.
  pool.on('error', (error) => {
    process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`)
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', url, close: () => db.destroy() }
}

/**
 * Reuses prepared statements. The driver (./group-commit.ts) asks for a
 * statement by its SQL for every query, and compiling the SQL costs more than running a small
 * indexed query; a request issues the same few statements again and
 * again (the session lookup, the list page). Least recently used statements
 * are dropped past `capacity`, so SQL that varies (batched inserts) cannot
 * grow the cache without bound. A statement still being iterated (a
 * streamed query) is never handed out twice: a fresh one is prepared.
 */
function withStatementCache(sqlite: SQLite.Database, capacity = 256): SqliteHandle {
  const statements = new Map<string, SQLite.Statement>()
  return {
    prepare(sql) {
      const cached = statements.get(sql)
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it most recently used.
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      if (!cached) {
        statements.set(sql, statement)
        if (statements.size > capacity) statements.delete(statements.keys().next().value!)
      }
      return statement
    },
    close() {
      statements.clear()
      sqlite.close()
    },
    get inTransaction() {
      return sqlite.inTransaction
    },
  }
}
