import { PostgresAdapter, type Kysely } from 'kysely'

/** Migrations branch on this for the few types the dialects spell differently. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
