import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, sendErpEvent, signIn, type TestApp } from '../../testing.js'

type Order = {
  id: string
  status: string
  erpOrderNumber: string | null
  timeline: Array<{ status: string }>
  shipments: Array<{ carrier: string; trackingNumber: string; deliveredAt: string | null }>
  lines: Array<{ sku: string; quantity: number; shippedQuantity: number }>
}
type Product = { id: string; sku: string; minOrderQuantity: number; unitPrice: number }

describe('POST /v1/integrations/erp/events', () => {
  let t: TestApp
  let buyer: Record<string, string>
  let products: Product[]
  let n = 0

  before(async () => {
    t = await createTestApp()
    buyer = (await signIn(t.app, 'einkauf@brandt-maschinenbau.de')).headers
    products = (
      (await (await t.app.request('/v1/catalog?limit=100', { headers: buyer })).json()) as {
        data: Product[]
      }
    ).data
  })
  after(() => t.close())

  async function newOrder(lineCount = 2): Promise<Order> {
    const lines = products
      .filter((p) => p.unitPrice < 10_000)
      .slice(0, lineCount)
      .map((p) => ({ productId: p.id, quantity: p.minOrderQuantity }))
    const response = await t.app.request('/v1/orders', {
      method: 'POST',
      headers: { ...buyer, 'content-type': 'application/json', 'idempotency-key': `erp-${++n}` },
      body: JSON.stringify({ lines }),
    })
    assert.equal(response.status, 201, await response.clone().text())
    return (await response.json()) as Order
  }
  const getOrder = async (id: string) =>
    (await (await t.app.request(`/v1/orders/${id}`, { headers: buyer })).json()) as Order

  test('moves an order through confirmed → shipped (partially, then fully) → delivered', async () => {
    const order = await newOrder(2)
    const [first, second] = order.lines
    assert.equal(
      (
        await sendErpEvent(t, {
          id: `e-${order.id}-1`,
          type: 'order.confirmed',
          data: { orderId: order.id, erpOrderNumber: 'SO-4711' },
        })
      ).status,
      200,
    )
    await sendErpEvent(t, {
      id: `e-${order.id}-2`,
      type: 'order.in_production',
      data: { orderId: order.id },
    })
    await sendErpEvent(t, {
      id: `e-${order.id}-3`,
      type: 'order.shipped',
      data: {
        orderId: order.id,
        shipment: {
          id: 'DN-1',
          carrier: 'DHL Freight',
          trackingNumber: 'DHL123',
          lines: [{ sku: first!.sku, quantity: first!.quantity }],
        },
      },
    })
    let current = await getOrder(order.id)
    assert.equal(current.status, 'partially_shipped')
    assert.equal(current.erpOrderNumber, 'SO-4711')
    await sendErpEvent(t, {
      id: `e-${order.id}-4`,
      type: 'order.shipped',
      data: {
        orderId: order.id,
        shipment: {
          id: 'DN-2',
          carrier: 'DB Schenker',
          trackingNumber: 'DBS9',
          lines: [{ sku: second!.sku, quantity: second!.quantity }],
        },
      },
    })
    await sendErpEvent(t, {
      id: `e-${order.id}-5`,
      type: 'order.delivered',
      data: { orderId: order.id },
    })
    current = await getOrder(order.id)
    assert.equal(current.status, 'delivered')
    assert.deepEqual(
      current.timeline.map((e) => e.status),
      ['placed', 'confirmed', 'in_production', 'partially_shipped', 'shipped', 'delivered'],
    )
    assert.deepEqual(
      current.shipments.map((s) => s.trackingNumber),
      ['DHL123', 'DBS9'],
    )
    assert.ok(current.shipments.every((s) => s.deliveredAt))
    assert.ok(current.lines.every((l) => l.shippedQuantity === l.quantity))
  })

  test('a duplicate event is a no-op', async () => {
    const order = await newOrder(1)
    const event = {
      id: `dup-${order.id}`,
      type: 'order.confirmed',
      data: { orderId: order.id, erpOrderNumber: 'SO-1' },
    }
    const first = (await (await sendErpEvent(t, event)).json()) as { duplicate: boolean }
    const second = (await (await sendErpEvent(t, event)).json()) as { duplicate: boolean }
    assert.equal(first.duplicate, false)
    assert.equal(second.duplicate, true)
    assert.equal((await getOrder(order.id)).timeline.length, 2)
  })

  test('reordered events never move a status backwards', async () => {
    const order = await newOrder(1)
    const line = order.lines[0]!
    await sendErpEvent(t, {
      id: `ro-${order.id}-ship`,
      type: 'order.shipped',
      data: {
        orderId: order.id,
        shipment: {
          id: 'DN-9',
          carrier: 'UPS',
          trackingNumber: 'UPS1',
          lines: [{ sku: line.sku, quantity: line.quantity }],
        },
      },
    })
    const late = (await (
      await sendErpEvent(t, {
        id: `ro-${order.id}-conf`,
        type: 'order.confirmed',
        data: { orderId: order.id, erpOrderNumber: 'SO-LATE' },
      })
    ).json()) as { outcome: string }
    assert.equal(late.outcome, 'stale')
    const current = await getOrder(order.id)
    assert.equal(current.status, 'shipped')
    assert.equal(current.erpOrderNumber, 'SO-LATE', 'the late event still fills in what it knows')
    assert.ok(current.timeline.some((e) => e.status === 'confirmed'))
  })

  test('a bad signature, a stale timestamp, or no operator key → 401 and nothing changes', async () => {
    const order = await newOrder(1)
    const event = {
      id: `sig-${order.id}`,
      type: 'order.confirmed',
      data: { orderId: order.id, erpOrderNumber: 'SO-X' },
    }
    const forged = await sendErpEvent(t, event, {
      secret: 'whsec_' + Buffer.from('not-the-secret').toString('base64'),
    })
    assert.equal(forged.status, 401)
    assert.equal(((await forged.json()) as { code: string }).code, 'invalid_signature')
    const stale = await sendErpEvent(t, event, { signedAt: new Date(Date.now() - 6 * 60_000) })
    assert.equal(stale.status, 401)
    const future = await sendErpEvent(t, event, { signedAt: new Date(Date.now() + 6 * 60_000) })
    assert.equal(future.status, 401)
    const noKey = await t.app.request('/v1/integrations/erp/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    assert.equal(noKey.status, 401)
    assert.equal((await getOrder(order.id)).status, 'placed')
    const rows = await t.db
      .selectFrom('inbound_events')
      .select('event_id')
      .where('event_id', '=', event.id)
      .execute()
    assert.equal(rows.length, 0, 'a refused event is not recorded, so the real one still applies')
  })

  test('an event for an unknown order → 422, not recorded', async () => {
    const response = await sendErpEvent(t, {
      id: 'unknown-1',
      type: 'order.confirmed',
      data: { orderId: 'ord_00000000000000000000000000', erpOrderNumber: 'SO' },
    })
    assert.equal(response.status, 422)
    assert.equal(
      (
        await t.db
          .selectFrom('inbound_events')
          .select('event_id')
          .where('event_id', '=', 'unknown-1')
          .execute()
      ).length,
      0,
    )
  })

  test('credit.updated can put an account on hold, and ordering stops', async () => {
    const me = (await (await t.app.request('/v1/me', { headers: buyer })).json()) as {
      account: { id: string }
    }
    await sendErpEvent(t, {
      id: 'cr-1',
      type: 'credit.updated',
      data: {
        accountId: me.account.id,
        creditLimit: 100_000_00,
        onHold: true,
        holdReason: 'Mahnstufe 2',
      },
    })
    const credit = (await (await t.app.request('/v1/credit', { headers: buyer })).json()) as {
      onHold: boolean
      holdReason: string
      limit: number
    }
    assert.deepEqual(
      [credit.onHold, credit.holdReason, credit.limit],
      [true, 'Mahnstufe 2', 100_000_00],
    )
    await sendErpEvent(t, {
      id: 'cr-2',
      type: 'credit.updated',
      data: { accountId: me.account.id, creditLimit: 500_000_00, onHold: false },
    })
  })

  test('invoice.created adds an invoice and marks its orders invoiced', async () => {
    const order = await newOrder(1)
    const me = (await (await t.app.request('/v1/me', { headers: buyer })).json()) as {
      account: { id: string }
    }
    const creditBefore = (await (await t.app.request('/v1/credit', { headers: buyer })).json()) as {
      uninvoicedOrders: number
      openInvoices: number
    }
    const response = await sendErpEvent(t, {
      id: 'inv-1',
      type: 'invoice.created',
      data: {
        accountId: me.account.id,
        invoice: {
          number: 'RE-ERP-1',
          issueDate: '2026-11-20',
          dueDate: '2026-12-20',
          currency: 'EUR',
          orderIds: [order.id],
          lines: [{ description: 'Dichtungssatz', quantity: 1, unitPrice: 4250, taxRateBps: 1900 }],
        },
      },
    })
    assert.equal(response.status, 200)
    const list = (await (
      await t.app.request('/v1/invoices?limit=100', { headers: buyer })
    ).json()) as { data: Array<{ number: string; total: number }> }
    const created = list.data.find((i) => i.number === 'RE-ERP-1')!
    assert.equal(created.total, 4250 + 808)
    const creditAfter = (await (await t.app.request('/v1/credit', { headers: buyer })).json()) as {
      uninvoicedOrders: number
      openInvoices: number
    }
    assert.ok(creditAfter.uninvoicedOrders < creditBefore.uninvoicedOrders)
  })

  test('pricelist.updated replaces the contract and the catalog shows it at once (no stale cache)', async () => {
    const before = (
      (await (await t.app.request('/v1/catalog?q=HP-200', { headers: buyer })).json()) as {
        data: Product[]
      }
    ).data
    const pump = before.find((p) => p.sku === 'HP-200')!
    const me = (await (await t.app.request('/v1/me', { headers: buyer })).json()) as {
      account: { id: string }
    }
    const response = await sendErpEvent(t, {
      id: 'pl-1',
      type: 'pricelist.updated',
      data: {
        accountId: me.account.id,
        priceList: {
          reference: 'ERP-PL-2027',
          name: 'Rahmenvertrag 2027',
          currency: 'EUR',
          validFrom: t.clock.now().toISOString().slice(0, 10),
          items: [{ sku: 'HP-200', minQuantity: 1, unitPrice: pump.unitPrice - 5000 }],
        },
      },
    })
    assert.equal(response.status, 200, await response.clone().text())
    const after = (await (await t.app.request('/v1/catalog', { headers: buyer })).json()) as {
      data: Product[]
      priceList: { name: string }
    }
    assert.equal(after.priceList.name, 'Rahmenvertrag 2027')
    assert.deepEqual(
      after.data.map((p) => [p.sku, p.unitPrice]),
      [['HP-200', pump.unitPrice - 5000]],
    )
  })
})
