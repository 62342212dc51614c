import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestApp, signIn, type TestApp } from '../../testing.js'

/**
 * The credit check reads `account_exposure`, which triggers keep (migration
 * 0016_account_exposure). Whatever writes invoices and orders — here random
 * inserts, updates (status, amounts, the account itself) and deletes, then
 * the API's own paths — the row must equal the sums it stands for.
 */
describe('account exposure', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  /** Per account: the sums recomputed from every row, and the kept figures. */
  async function compare() {
    const { rows } = await sql<{
      id: string
      open_invoices: number
      uninvoiced_orders: number
      kept_invoices: number | null
      kept_orders: number | null
    }>`
      select a.id,
        coalesce((select sum(i.total - i.amount_paid) from invoices i
          where i.account_id = a.id and i.status = 'open'), 0) as open_invoices,
        coalesce((select sum(o.total) from orders o where o.account_id = a.id
          and o.invoiced_at is null and o.status not in ('cancelled', 'rejected')), 0) as uninvoiced_orders,
        e.open_invoices as kept_invoices, e.uninvoiced_orders as kept_orders
      from accounts a left join account_exposure e on e.account_id = a.id`.execute(t.db)
    return rows.map((r) => ({
      id: r.id,
      sums: [Number(r.open_invoices), Number(r.uninvoiced_orders)],
      kept: [r.kept_invoices === null ? null : Number(r.kept_invoices), Number(r.kept_orders)],
    }))
  }
  const assertKept = async (when: string) => {
    for (const account of await compare())
      assert.deepEqual(account.kept, account.sums, `${when}: ${account.id}`)
  }

  test('the seeded accounts start with their sums', async () => {
    const accounts = await compare()
    assert.ok(accounts.length >= 3)
    assert.ok(
      accounts.some((a) => a.sums[0]! > 0 && a.sums[1]! > 0),
      'the demo owes and orders',
    )
    await assertKept('after the seed')
  })

  test('random inserts, updates and deletes of invoices and orders keep every account’s figures', async () => {
    // A seeded generator: a failure replays the same way.
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
    const accounts = (await t.db.selectFrom('accounts').select('id').execute()).map((a) => a.id)
    const invoices = (await t.db.selectFrom('invoices').select('id').execute()).map((i) => i.id)
    const orders = (await t.db.selectFrom('orders').select('id').execute()).map((o) => o.id)
    for (let step = 0; step < 200; step++) {
      const target = random() < 0.5 ? 'invoices' : 'orders'
      const action = random()
      if (target === 'invoices') {
        const id = pick(invoices)
        if (action < 0.6) {
          const total = 1_000 + Math.floor(random() * 100_000)
          await t.db
            .updateTable('invoices')
            .set({
              status: pick(['open', 'open', 'paid', 'void'] as const),
              total,
              amount_paid: Math.floor(random() * total),
            })
            .where('id', '=', id)
            .execute()
        } else if (action < 0.8) {
          await t.db
            .updateTable('invoices')
            .set({ updated_at: new Date().toISOString() }) // a column the figures do not use
            .where('id', '=', id)
            .execute()
        } else {
          await t.db.deleteFrom('invoice_lines').where('invoice_id', '=', id).execute()
          await t.db.deleteFrom('payment_allocations').where('invoice_id', '=', id).execute()
          await t.db
            .updateTable('documents')
            .set({ invoice_id: null })
            .where('invoice_id', '=', id)
            .execute()
          await t.db.deleteFrom('invoices').where('id', '=', id).execute()
          invoices.splice(invoices.indexOf(id), 1)
        }
      } else {
        const id = pick(orders)
        if (action < 0.5) {
          await t.db
            .updateTable('orders')
            .set({
              status: pick(['placed', 'confirmed', 'shipped', 'cancelled', 'rejected'] as const),
              total: 500 + Math.floor(random() * 50_000),
              invoiced_at: random() < 0.3 ? new Date().toISOString() : null,
            })
            .where('id', '=', id)
            .execute()
        } else if (action < 0.7) {
          // An order moved to another account: both rows change.
          const to = pick(accounts)
          await t.db
            .updateTable('order_lines')
            .set({ account_id: to })
            .where('order_id', '=', id)
            .execute()
          await t.db
            .updateTable('order_timeline')
            .set({ account_id: to })
            .where('order_id', '=', id)
            .execute()
          await t.db
            .updateTable('orders')
            .set({ account_id: to, number: `MOVED-${step}` })
            .where('id', '=', id)
            .execute()
        } else {
          await t.db.deleteFrom('order_timeline').where('order_id', '=', id).execute()
          await t.db.deleteFrom('order_lines').where('order_id', '=', id).execute()
          await t.db.deleteFrom('shipments').where('order_id', '=', id).execute()
          await t.db
            .updateTable('documents')
            .set({ order_id: null })
            .where('order_id', '=', id)
            .execute()
          await t.db
            .updateTable('cases')
            .set({ order_id: null })
            .where('order_id', '=', id)
            .execute()
          await t.db.deleteFrom('orders').where('id', '=', id).execute()
          orders.splice(orders.indexOf(id), 1)
        }
      }
      if (step % 20 === 19) await assertKept(`after step ${step}`)
    }
  })

  test('an order placed through the API moves its account’s figure, and the credit check reads it', async () => {
    const { headers, accountId } = await signIn(t.app, 'einkauf@brandt-maschinenbau.de')
    await t.db
      .updateTable('account_terms')
      .set({ credit_limit: 10 ** 12, on_hold: 0 })
      .where('account_id', '=', accountId)
      .execute()
    const credit = async () =>
      (await (await t.app.request('/v1/credit', { headers })).json()) as {
        uninvoicedOrders: number
      }
    const before = await credit()
    const catalog = (await (await t.app.request('/v1/catalog?limit=5', { headers })).json()) as {
      data: Array<{ id: string; minOrderQuantity: number }>
    }
    const product = catalog.data[0]!
    const placed = await t.app.request('/v1/orders', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'exposure-1' },
      body: JSON.stringify({
        lines: [{ productId: product.id, quantity: product.minOrderQuantity }],
      }),
    })
    assert.equal(placed.status, 201, await placed.clone().text())
    const order = (await placed.json()) as { id: string; total: number }
    assert.equal((await credit()).uninvoicedOrders, before.uninvoicedOrders + order.total)
    const cancelled = await t.app.request(`/v1/orders/${order.id}/cancel`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    })
    assert.equal(cancelled.status, 200)
    assert.equal((await credit()).uninvoicedOrders, before.uninvoicedOrders)
    await assertKept('after the API’s writes')
  })
})
