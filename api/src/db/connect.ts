import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}
