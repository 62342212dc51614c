import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql, type Kysely } from 'kysely'
import { loadConfig } from '../src/config.js'
import { prepareDatabase } from '../src/bootstrap.js'
import { openDatabase } from '../src/db/connect.js'
import { isPostgres } from '../src/db/dialect.js'
import type { Database } from '../src/db/schema.js'
import { withPurpose, withTenant } from '../src/db/scope.js'
import { systemClock } from '../src/lib/clock.js'
import { createTestApp, type TestApp } from '../src/testing.js'
import { adminUrl, TEMPLATE_ENV } from '../src/testing/postgres.js'

// Row-level security is PostgreSQL's: on the SQLite run these are skipped
// (there the services' account filters are the whole isolation, which
// tenant-isolation.test.ts probes on both).
const onPostgres = Boolean(process.env[TEMPLATE_ENV])

describe('row-level security (PostgreSQL)', { skip: !onPostgres && 'SQLite run' }, () => {
  let t: TestApp
  let app: Kysely<Database>
  let accountA: string
  let accountB: string
  let invoiceOfB: string

  before(async () => {
    t = await createTestApp()
    app = t.appDb
    assert.ok(isPostgres(app))
    const accounts = await t.db.selectFrom('accounts').select('id').orderBy('id').execute()
    accountA = accounts[0]!.id
    accountB = accounts[1]!.id
    invoiceOfB = (await t.db
      .selectFrom('invoices')
      .select('id')
      .where('account_id', '=', accountB)
      .executeTakeFirstOrThrow())!.id
  })
  after(() => t.close())

  const raw = (db: Kysely<Database>, query: ReturnType<typeof sql>) =>
    query.execute(db).then((r) => r.rows as Array<Record<string, unknown>>)

  test("under tenant A, SELECT * FROM invoices without a WHERE returns A's rows only", async () => {
    const rows = await withTenant(app, accountA, (db) => raw(db, sql`select * from invoices`))
    assert.ok(rows.length > 0)
    assert.ok(rows.every((r) => r.account_id === accountA))
    const all = await t.db.selectFrom('invoices').select('id').execute()
    assert.ok(all.length > rows.length, 'the table holds other accounts too')
  })

  test('with no tenant set, every tenant table answers nothing', async () => {
    for (const table of [
      'accounts',
      'users',
      'sessions',
      'invoices',
      'invoice_lines',
      'events',
      'orders',
      'order_lines',
      'price_lists',
      'account_terms',
      'outbox_deliveries',
      'embed_sessions',
      'embed_session_origins',
      'cases',
      'case_comments',
      'case_attachments',
      'case_counters',
    ]) {
      const rows = await raw(app, sql`select * from ${sql.table(table)}`)
      assert.equal(rows.length, 0, `${table} leaked ${rows.length} rows`)
    }
  })

  test("an UPDATE of another tenant's row changes nothing; an INSERT for another tenant is refused", async () => {
    const updated = await withTenant(app, accountA, (db) =>
      db
        .updateTable('invoices')
        .set({ po_number: 'HIJACKED' })
        .where('id', '=', invoiceOfB)
        .executeTakeFirst(),
    )
    assert.equal(Number(updated.numUpdatedRows), 0)
    const row = await t.db
      .selectFrom('invoices')
      .select('po_number')
      .where('id', '=', invoiceOfB)
      .executeTakeFirstOrThrow()
    assert.notEqual(row.po_number, 'HIJACKED')

    await assert.rejects(
      withTenant(app, accountA, (db) =>
        db
          .insertInto('events')
          .values({
            id: 'evt_forged0000000000000000000',
            account_id: accountB,
            type: 'invoice.paid',
            subject_id: invoiceOfB,
            data: '{}',
            created_at: new Date().toISOString(),
          })
          .execute(),
      ),
      /row-level security/,
    )
    // Moving one's own row to another tenant is refused as well (WITH CHECK).
    await assert.rejects(
      withTenant(app, accountA, (db) =>
        sql`update invoices set account_id = ${accountB} where account_id = ${accountA}`.execute(
          db,
        ),
      ),
      /row-level security/,
    )
  })

  test('the tenant setting never outlives its transaction on a pooled connection', async () => {
    // One connection: the next query necessarily runs where the tenant was set.
    const single = openDatabase(t.config.databaseUrl, { poolSize: 1 })
    try {
      const inside = await withTenant(single.db, accountA, (db) =>
        raw(db, sql`select count(*)::int as n from invoices`),
      )
      assert.ok(Number(inside[0]!.n) > 0)
      const afterwards = await raw(single.db, sql`select count(*)::int as n from invoices`)
      assert.equal(Number(afterwards[0]!.n), 0)
      const setting = await raw(
        single.db,
        sql`select coalesce(current_setting('portico.account_id', true), '') as v`,
      )
      assert.equal(setting[0]!.v, '')
    } finally {
      await single.close()
    }
  })

  test('a purpose reaches only its tables and commands', async () => {
    const users = await withPurpose(app, 'authenticate', (db) => raw(db, sql`select id from users`))
    assert.ok(users.length > 1, 'authenticate reads every account’s users')
    const invoices = await withPurpose(app, 'authenticate', (db) =>
      raw(db, sql`select id from invoices`),
    )
    assert.equal(invoices.length, 0, 'authenticate reads no invoices')
    const changed = await withPurpose(app, 'authenticate', (db) =>
      db.updateTable('users').set({ name: 'x' }).executeTakeFirst(),
    )
    assert.equal(Number(changed.numUpdatedRows), 0, 'authenticate changes no user')
    const events = await withPurpose(app, 'event-fanout', (db) =>
      raw(db, sql`select account_id from events`),
    )
    assert.ok(new Set(events.map((e) => e.account_id)).size > 1, 'event-fanout reads all events')
    const orders = await withPurpose(app, 'event-fanout', (db) =>
      raw(db, sql`select id from orders`),
    )
    assert.equal(orders.length, 0, 'event-fanout reads no orders')
    const cases = await withPurpose(app, 'sla', (db) => raw(db, sql`select account_id from cases`))
    assert.ok(new Set(cases.map((c) => c.account_id)).size > 1, 'sla reads every account’s cases')
    const threads = await withPurpose(app, 'sla', (db) =>
      raw(db, sql`select id from case_comments`),
    )
    assert.equal(threads.length, 0, 'sla reads no comments')
    const stamped = await withPurpose(app, 'sla', (db) =>
      db.updateTable('cases').set({ status: 'closed' }).executeTakeFirst(),
    )
    assert.equal(
      Number(stamped.numUpdatedRows),
      0,
      'sla changes a case only in its account’s scope',
    )
    const inbound = await withPurpose(app, 'case-inbound', (db) =>
      raw(db, sql`select id from case_attachments`),
    )
    assert.equal(inbound.length, 0, 'case-inbound reads no attachments')
  })

  test("under tenant A, another account's case, comments and files do not exist", async () => {
    const theirs = await t.db
      .selectFrom('cases')
      .select('id')
      .where('account_id', '=', accountB)
      .executeTakeFirstOrThrow()
    for (const table of ['cases', 'case_comments', 'case_attachments'] as const) {
      const column = table === 'cases' ? 'id' : 'case_id'
      const rows = await withTenant(app, accountA, (db) =>
        raw(db, sql`select * from ${sql.table(table)} where ${sql.ref(column)} = ${theirs.id}`),
      )
      assert.equal(rows.length, 0, `${table} shows another account's rows`)
    }
    const mine = await withTenant(app, accountA, (db) => raw(db, sql`select account_id from cases`))
    assert.ok(mine.length > 0 && mine.every((r) => r.account_id === accountA))
  })

  test('a scope cannot be switched inside its transaction', async () => {
    await assert.rejects(
      withTenant(app, accountA, (db) => withTenant(db, accountB, async () => 1)),
      /Cannot open tenant:/,
    )
  })

  test('the app role owns nothing and cannot bypass row-level security', async () => {
    const [role] = await raw(
      app,
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
    )
    assert.deepEqual(role, { rolsuper: false, rolbypassrls: false })
    const forced = await raw(
      t.db,
      sql`select relname from pg_class where relnamespace = 'public'::regnamespace
        and relkind = 'r' and relrowsecurity and relforcerowsecurity`,
    )
    const names = new Set(forced.map((r) => r.relname))
    for (const table of [
      'invoices',
      'orders',
      'users',
      'sessions',
      'events',
      'idempotency_keys',
      'cases',
      'case_comments',
      'case_attachments',
      'case_counters',
    ])
      assert.ok(names.has(table), `${table} has FORCE ROW LEVEL SECURITY`)
  })

  test('the API refuses to start as a role that would slip past row-level security', async () => {
    const url = new URL(adminUrl())
    url.pathname = new URL(t.config.databaseUrl).pathname
    await assert.rejects(
      prepareDatabase(
        loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORTICO_SEED_DEMO: 'false',
          DATABASE_URL: url.toString(),
          DATABASE_MIGRATION_URL: t.config.databaseMigrationUrl!,
        }),
        systemClock,
      ),
      /row-level security would not bind: it is a superuser/,
    )
  })
})
