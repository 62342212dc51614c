import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'

/**
 * Row-level security building blocks for migrations (PostgreSQL only;
 * SQLite has no RLS and these do nothing there). Every tenant-owned table
 * gets {@link isolateTenant}; a system purpose that must cross tenants gets
 * {@link allowPurpose} on exactly the tables and commands it needs. Like
 * every migration helper, what these emit must never change once shipped:
 * a new need is a new function.
 */

/** The tenant of the current transaction; '' and unset both mean none. */
const TENANT = sql`nullif(current_setting('portico.account_id', true), '')`

/**
 * ENABLE + FORCE row-level security (FORCE: the table's owner is bound too)
 * and the tenant policy: a row is visible, and may be written, only when its
 * tenant column is the transaction's `portico.account_id`.
 * @see https://www.postgresql.org/docs/current/ddl-rowsecurity.html
 */
export async function isolateTenant(
  db: Kysely<unknown>,
  table: string,
  tenantColumn = 'account_id',
): Promise<void> {
  if (!isPostgres(db)) return
  const t = sql.table(table)
  const column = sql.ref(tenantColumn)
  await sql`alter table ${t} enable row level security`.execute(db)
  await sql`alter table ${t} force row level security`.execute(db)
  await sql`create policy tenant_isolation on ${t} using (${column} = ${TENANT}) with check (${column} = ${TENANT})`.execute(
    db,
  )
}

type Command = 'select' | 'insert' | 'update' | 'delete'

/**
 * Lets transactions opened for one system purpose (`portico.purpose`, see
 * `db/scope.ts`) run `commands` on `table` across tenants. An UPDATE or
 * DELETE with a WHERE clause also needs 'select'.
 */
export async function allowPurpose(
  db: Kysely<unknown>,
  table: string,
  purpose: string,
  commands: Command[],
): Promise<void> {
  if (!isPostgres(db)) return
  const isPurpose = sql`current_setting('portico.purpose', true) = ${sql.lit(purpose)}`
  for (const command of commands) {
    const name = sql.id(`purpose_${purpose.replaceAll('-', '_')}_${command}`)
    const clauses =
      command === 'insert'
        ? sql`with check (${isPurpose})`
        : command === 'update'
          ? sql`using (${isPurpose}) with check (${isPurpose})`
          : sql`using (${isPurpose})`
    await sql`create policy ${name} on ${sql.table(table)} for ${sql.raw(command)} ${clauses}`.execute(
      db,
    )
  }
}
