import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql, type CompiledQuery } from 'kysely'
import { isPostgres } from '../../db/dialect.js'
import { withTenant } from '../../db/scope.js'
import { permissionsOf } from '../../http/permissions.js'
import { newId } from '../../lib/ids.js'
import { parseJsonText } from '../../lib/json-text.js'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import { planOf, recordingExecutions } from '../../testing/query-plans.js'
import type { InvoiceList } from './schemas.js'
import { listInvoices } from './service.js'

/**
 * The list item is stored with the invoice (`invoices.summary`) and read
 * from the keyset index alone. These tests hold both halves: the stored
 * text follows every write of the row, and the page's plan never reaches
 * the table.
 */
describe('the stored invoice summary', () => {
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string

  before(async () => {
    t = await createTestApp()
    ;({ headers: auth, accountId } = await signIn(t.app, 'ap@brandt-maschinenbau.de'))
  })
  after(() => t.close())

  const today = () => t.clock.now().toISOString().slice(0, 10)

  async function listed(id: string) {
    const page = (await (
      await t.app.request('/v1/invoices?limit=100', { headers: auth })
    ).json()) as InvoiceList
    return page.data.find((invoice) => invoice.id === id)
  }

  async function detail(id: string) {
    const response = await t.app.request(`/v1/invoices/${id}`, { headers: auth })
    assert.equal(response.status, 200)
    return (await response.json()) as Record<string, unknown>
  }

  test('follows the row through insert and every kind of update', async () => {
    const now = t.clock.now().toISOString()
    const id = newId('inv')
    await t.db
      .insertInto('invoices')
      .values({
        id,
        account_id: accountId,
        number: 'RE-SUMMARY-1',
        status: 'open',
        currency: 'EUR',
        issue_date: today(),
        due_date: '2099-01-01',
        subtotal: 1000,
        tax_total: 190,
        total: 1190,
        amount_paid: 0,
        po_number: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const base = {
      id,
      number: 'RE-SUMMARY-1',
      currency: 'EUR',
      issueDate: today(),
      subtotal: 1000,
      taxTotal: 190,
      total: 1190,
    }
    assert.deepEqual(await listed(id), {
      ...base,
      status: 'open',
      dueDate: '2099-01-01',
      amountPaid: 0,
      amountDue: 1190,
      poNumber: null,
    })

    const update = (values: Record<string, unknown>) =>
      t.db.updateTable('invoices').set(values).where('id', '=', id).execute()

    await update({ amount_paid: 190, po_number: 'PO "quoted", {"status":"x"}' })
    const partly = {
      ...base,
      status: 'partially_paid',
      dueDate: '2099-01-01',
      amountPaid: 190,
      amountDue: 1000,
      poNumber: 'PO "quoted", {"status":"x"}',
    }
    assert.deepEqual(await listed(id), partly)

    // Past due: overdue today, whether paid in part or not; the detail says the same.
    await update({ due_date: '2020-01-31' })
    const overdue = { ...partly, status: 'overdue', dueDate: '2020-01-31' }
    assert.deepEqual(await listed(id), overdue)
    const { lines, ...withoutLines } = await detail(id)
    assert.deepEqual(lines, [])
    assert.deepEqual(withoutLines, overdue)
    await update({ amount_paid: 0 })
    assert.deepEqual(await listed(id), { ...overdue, amountPaid: 0, amountDue: 1190 })

    await update({ status: 'paid', amount_paid: 1190 })
    assert.equal((await listed(id))?.status, 'paid')
    assert.equal((await listed(id))?.amountDue, 0)
    await update({ status: 'void', amount_paid: 0 })
    assert.deepEqual(await listed(id), {
      ...overdue,
      status: 'void',
      amountPaid: 0,
      amountDue: 0,
    })
  })

  test('is computed by the database: a write to it is refused', async () => {
    const invoice = await t.db
      .selectFrom('invoices')
      .select(['id', 'summary'])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    await assert.rejects(
      t.db
        .updateTable('invoices')
        .set({ summary: '{"status":"paid"}' } as never)
        .where('id', '=', invoice.id)
        .execute(),
      /generated column|cannot UPDATE generated column|can only be updated to DEFAULT/i,
    )
    const after = await t.db
      .selectFrom('invoices')
      .select('summary')
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow()
    assert.equal(after.summary, invoice.summary)
  })

  test('a page, first or after a cursor, is read from the index alone', async () => {
    const recorded: CompiledQuery[] = []
    const ctx = (db: typeof t.appDb) => ({
      db: recordingExecutions(db, recorded),
      accountId,
      userId: '',
      permissions: new Set(permissionsOf('admin')),
      clock: t.clock,
      secret: t.config.secret,
    })
    const first = parseJsonText(
      await withTenant(t.appDb, accountId, (db) => listInvoices(ctx(db), { limit: 5 })),
    )
    assert.ok(first.nextCursor)
    await withTenant(t.appDb, accountId, (db) =>
      listInvoices(ctx(db), { limit: 5, cursor: first.nextCursor! }),
    )
    // The demo-sized table's statistics, as autovacuum would have them.
    if (isPostgres(t.db)) await sql`analyze invoices`.execute(t.db)
    const pages = recorded.filter((q) => /^select/i.test(q.sql))
    assert.equal(pages.length, 2)
    for (const query of pages) {
      const plan = await planOf(t.db, query)
      assert.match(
        plan,
        isPostgres(t.db)
          ? /Index Only Scan using invoices_account_issue_idx/
          : /SEARCH invoices USING COVERING INDEX invoices_account_issue_idx/,
        plan,
      )
      assert.doesNotMatch(plan, /TEMP B-TREE|Sort/, plan)
    }
  })
})
