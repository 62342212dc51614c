import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import type { Database } from './schema.js'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: 'sqlite' | 'postgres'
  close(): Promise<void>
}

/**
 * Opens the database named by `DATABASE_URL`: `file:<path>` (or a bare path,
 * or `:memory:`) is embedded SQLite.
 */
export function openDatabase(url: string): DatabaseHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('PostgreSQL is not supported yet: use a file: DATABASE_URL')
  }
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
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * Reuses prepared statements. Kysely's SQLite driver calls `prepare(sql)`
 * for every query, and compiling the SQL costs more than running a small
 * indexed query; a request issues the same few statements again and
 * again (the session lookup, the list page). Least recently used statements
 * are dropped past `capacity`, so SQL that varies (batched inserts) cannot
 * grow the cache without bound. A statement still being iterated (a
 * streamed query) is never handed out twice: a fresh one is prepared.
 */
function withStatementCache(sqlite: SQLite.Database, capacity = 256): SqliteDatabase {
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
  }
}
