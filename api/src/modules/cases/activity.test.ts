import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import type { ActivityItem, Case } from './schemas.js'

const BUYER = 'einkauf@brandt-maschinenbau.de'

type Page = { data: ActivityItem[]; nextCursor: string | null }
type Product = { id: string; minOrderQuantity: number; orderMultiple: number }

describe('GET /v1/activity', () => {
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string
  let key = 0
  let caseId: string
  let orderId: string

  const post = (path: string, body: unknown) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `act-${key++}` },
      body: JSON.stringify(body),
    })
  const page = async (query: string) => {
    const response = await t.app.request(`/v1/activity${query}`, { headers: auth })
    assert.equal(response.status, 200, await response.clone().text())
    return (await response.json()) as Page
  }

  before(async () => {
    t = await createTestApp()
    ;({ headers: auth, accountId } = await signIn(t.app, BUYER))
    const catalog = (
      (await (await t.app.request('/v1/catalog?limit=5', { headers: auth })).json()) as {
        data: Product[]
      }
    ).data
    const product = catalog[0]!
    t.clock.advance(60_000)
    const order = await post('/v1/orders', {
      lines: [{ productId: product.id, quantity: product.minOrderQuantity }],
    })
    assert.equal(order.status, 201, await order.clone().text())
    orderId = ((await order.json()) as { id: string }).id
    t.clock.advance(60_000)
    const created = await post('/v1/cases', {
      subject: 'Where is my delivery?',
      description: 'Order still not here.',
      category: 'delivery',
      orderId,
    })
    caseId = ((await created.json()) as Case).id
    t.clock.advance(60_000)
    assert.equal((await post(`/v1/cases/${caseId}/comments`, { body: 'Any news?' })).status, 201)
    t.clock.advance(60_000)
    assert.equal((await post(`/v1/cases/${caseId}/close`, {})).status, 200)
  })
  after(() => t.close())

  test('orders, payments, cases and comments, newest first, with who did it', async () => {
    const { data } = await page('?limit=100')
    const actions = data.map((item) => item.action)
    assert.deepEqual(actions.slice(0, 4), [
      'case.status_changed',
      'case.commented',
      'case.created',
      'order.placed',
    ])
    assert.ok(actions.includes('payment.succeeded'), 'the seeded payments are in the feed')
    const [closed, commented, created, placed] = data
    assert.deepEqual(created!.subject.type, 'case')
    assert.equal(created!.subject.id, caseId)
    assert.match(created!.subject.label, /^CS-\d{4}-\d{5}$/)
    assert.deepEqual(created!.actor, { kind: 'customer', name: 'Lena Hoffmann' })
    assert.equal(commented!.kind, 'comment')
    assert.equal(closed!.summary, `${created!.subject.label} is closed`)
    assert.equal(placed!.kind, 'order')
    assert.equal(placed!.subject.id, orderId)
    assert.ok(placed!.amount && placed!.amount.value > 0)
    const payment = data.find((item) => item.action === 'payment.succeeded')!
    assert.equal(payment.kind, 'payment')
    assert.ok(payment.amount && payment.amount.value > 0)
    assert.match(payment.summary, /^Payment of .+ succeeded$/)
    // Newest first, strictly.
    const times = data.map((item) => item.occurredAt)
    assert.deepEqual(times, [...times].sort().reverse())
    // Only this account's.
    const others = await t.db
      .selectFrom('events')
      .select('id')
      .where('account_id', '!=', accountId)
      .execute()
    const foreign = new Set(others.map((e) => e.id))
    assert.ok(!data.some((item) => foreign.has(item.id)))
  })

  test('pages cover the feed without gaps or repeats, and kind filters it', async () => {
    const all = (await page('?limit=100')).data.map((item) => item.id)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const next: Page = await page(
        `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      seen.push(...next.data.map((item) => item.id))
      cursor = next.nextCursor
    } while (cursor)
    assert.deepEqual(seen, all)
    const comments = await page('?kind=comment&limit=100')
    assert.ok(comments.data.length > 1, 'the demo threads are in the feed')
    assert.ok(comments.data.every((item) => item.action === 'case.commented'))
    assert.equal(comments.data[0]!.subject.id, caseId)
    assert.ok((await page('?kind=payment')).data.every((item) => item.kind === 'payment'))
    const first = await page('?limit=1&kind=case')
    const wrongFilter = await t.app.request(
      `/v1/activity?kind=order&cursor=${encodeURIComponent(first.nextCursor!)}`,
      { headers: auth },
    )
    assert.equal(wrongFilter.status, 400)
    assert.equal((await t.app.request('/v1/activity?kind=invoice', { headers: auth })).status, 400)
  })
})
