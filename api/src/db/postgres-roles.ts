import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

/**
 * The two PostgreSQL roles Portico runs with:
 *
 * - the **owner** (`DATABASE_MIGRATION_URL`) owns the schema, runs the
 *   migrations and seeds the demo; it is the only role that may change the
 *   schema or bypass row-level security;
 * - the **app role** (`DATABASE_URL`) is what every API replica connects as.
 *   It owns nothing, is no superuser and has no BYPASSRLS, so the policies
 *   bind it: a query that forgets its tenant filter returns nothing.
 */

/** Lets the app role read and write the tables, and nothing more (not the migration bookkeeping). */
export async function grantAppRole(owner: Kysely<Database>, appRole: string): Promise<void> {
  const role = sql.id(appRole)
  await sql`grant usage on schema public to ${role}`.execute(owner)
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(
    owner,
  )
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(owner)
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${role}`.execute(owner)
}

/** The role a handle connects as. */
export async function currentRole(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db)
  return rows[0]!.role
}

/**
 * Why the app's role would slip past row-level security, if it would: a
 * superuser or BYPASSRLS role ignores every policy, and a table's owner may
 * disable them. Empty when the role is fit to serve requests.
 */
export async function appRoleProblems(app: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ super: boolean; bypass: boolean; owned: string | null }>`
    select r.rolsuper as super, r.rolbypassrls as bypass,
      (select string_agg(tablename, ', ') from pg_tables
        where tableowner = current_user and schemaname = 'public') as owned
    from pg_roles r where r.rolname = current_user`.execute(app)
  const role = rows[0]
  const problems: string[] = []
  if (role?.super) problems.push('it is a superuser')
  if (role?.bypass) problems.push('it has BYPASSRLS')
  if (role?.owned) problems.push(`it owns tables (${role.owned})`)
  return problems
}
