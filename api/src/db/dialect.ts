import { PostgresAdapter } from 'kysely'

/** Whether a handle (or a transaction of it) talks to PostgreSQL. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
