import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'
import { allowPurpose, isolateTenant } from './rls.js'

/**
 * Row-level security on every tenant-owned table (PostgreSQL; on SQLite only
 * the new idempotency column). The API's role sees and writes the rows of
 * the tenant its transaction names, and nothing else: a query that forgets
 * its `account_id` filter returns no foreign rows, an insert or update of
 * another tenant's row is refused by the database.
 *
 * Shared data has no tenant and no policy: products (their prices are per
 * account, in price lists), operator API keys, the record of inbound
 * integration events.
 *
 * The purposes that must cross tenants (db/scope.ts) get the narrowest
 * policies that serve them: which tables, which commands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Idempotency records belong to a tenant (or, for operator calls, to none).
  await db.schema.alterTable('idempotency_keys').addColumn('account_id', 'text').execute()
  await sql`update idempotency_keys set account_id = substr(scope, 1, ${sql.raw(
    isPostgres(db) ? "strpos(scope, ':')" : "instr(scope, ':')",
  )} - 1) where scope like 'acct\\_%' escape '\\'`.execute(db)
  if (!isPostgres(db)) return

  for (const table of [
    'users',
    'sessions',
    'embed_sessions',
    'invoices',
    'invoice_lines',
    'events',
    'product_accounts',
    'price_lists',
    'price_list_items',
    'account_terms',
    'orders',
    'order_lines',
    'order_timeline',
    'shipments',
    'outbox_deliveries',
  ]) {
    await isolateTenant(db, table)
  }
  await isolateTenant(db, 'accounts', 'id')

  // An origin row belongs to its embed session's tenant.
  await sql`alter table embed_session_origins enable row level security`.execute(db)
  await sql`alter table embed_session_origins force row level security`.execute(db)
  await sql`create policy tenant_isolation on embed_session_origins
    using (exists (select 1 from embed_sessions e where e.id = embed_session_id))
    with check (exists (select 1 from embed_sessions e where e.id = embed_session_id))`.execute(db)

  // Operator calls (no tenant) keep their records with account_id null.
  await sql`alter table idempotency_keys enable row level security`.execute(db)
  await sql`alter table idempotency_keys force row level security`.execute(db)
  await sql`create policy tenant_isolation on idempotency_keys
    using (account_id is not distinct from nullif(current_setting('portico.account_id', true), ''))
    with check (account_id is not distinct from nullif(current_setting('portico.account_id', true), ''))`.execute(
    db,
  )

  // Finding who a credential belongs to happens before any tenant is known.
  for (const table of ['users', 'sessions', 'embed_sessions', 'embed_session_origins']) {
    await allowPurpose(db, table, 'authenticate', ['select'])
  }
  await allowPurpose(db, 'events', 'event-fanout', ['select'])
  await allowPurpose(db, 'events', 'outbox', ['select'])
  await allowPurpose(db, 'outbox_deliveries', 'outbox', ['select', 'update'])
  // An ERP order event names only the order: which account is it?
  await allowPurpose(db, 'orders', 'erp-inbound', ['select'])
  for (const table of ['accounts', 'users', 'sessions', 'orders', 'order_lines', 'events']) {
    await allowPurpose(db, table, 'operator', ['select'])
  }
  await allowPurpose(db, 'outbox_deliveries', 'operator', ['select', 'update'])
  for (const table of ['sessions', 'embed_sessions', 'idempotency_keys']) {
    await allowPurpose(db, table, 'housekeeping', ['select', 'delete'])
  }
  // The demo's simulated ERP reads the orders delivered to it.
  for (const table of ['orders', 'order_lines', 'events', 'outbox_deliveries']) {
    await allowPurpose(db, table, 'erp-simulator', ['select'])
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ tablename: string; policyname: string }>`
      select tablename, policyname from pg_policies where schemaname = 'public'`.execute(db)
    for (const { tablename, policyname } of rows) {
      await sql`drop policy ${sql.id(policyname)} on ${sql.table(tablename)}`.execute(db)
    }
    const { rows: tables } = await sql<{ relname: string }>`
      select relname from pg_class where relrowsecurity and relnamespace = 'public'::regnamespace`.execute(
      db,
    )
    for (const { relname } of tables) {
      await sql`alter table ${sql.table(relname)} no force row level security`.execute(db)
      await sql`alter table ${sql.table(relname)} disable row level security`.execute(db)
    }
  }
  await db.schema.alterTable('idempotency_keys').dropColumn('account_id').execute()
}
