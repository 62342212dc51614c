import assert from 'node:assert/strict'
import { after, beforeEach, describe, test } from 'node:test'
import { createTestApp, problemWithoutRequestId, signIn, type TestApp } from '../../testing.js'

type Product = {
  id: string
  sku: string
  minOrderQuantity: number
  orderMultiple: number
  unitPrice: number
  priceBreaks: Array<{ minQuantity: number; unitPrice: number }>
}
type Order = {
  id: string
  status: string
  total: number
  subtotal: number
  taxTotal: number
  lines: Array<{ unitPrice: number; quantity: number; amount: number }>
  timeline: Array<{ status: string }>
}

describe('ordering', () => {
  let t: TestApp
  let buyer: Record<string, string>
  let catalog: Product[]
  let key = 0

  const place = (body: unknown, headers = buyer, idempotencyKey = `order-${++key}`) =>
    t.app.request('/v1/orders', {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify(body),
    })
  const credit = async (headers = buyer) =>
    (await (await t.app.request('/v1/credit', { headers })).json()) as {
      available: number
      limit: number
      outstanding: number
      uninvoicedOrders: number
      taxRate: number
    }
  const countOrders = async () =>
    Number(
      (
        await t.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeEach(async () => {
    t = await createTestApp()
    buyer = (await signIn(t.app, 'einkauf@brandt-maschinenbau.de')).headers
    catalog = (
      (await (await t.app.request('/v1/catalog?limit=100', { headers: buyer })).json()) as {
        data: Product[]
      }
    ).data
  })
  after(() => t.close())

  test('the catalog shows only this account’s products at its contracted prices', async () => {
    assert.ok(catalog.length >= 5)
    assert.ok(
      catalog.some((p) => p.sku === 'HP-200-BR'),
      'the product restricted to this account is visible to it',
    )
    const other = (await signIn(t.app, 'buyer@cascadefab.com')).headers
    const theirs = (
      (await (await t.app.request('/v1/catalog?limit=100', { headers: other })).json()) as {
        data: Product[]
      }
    ).data
    assert.ok(!theirs.some((p) => p.sku === 'HP-200-BR'), 'a restricted product stays private')
    const mine = new Set(catalog.map((p) => p.id))
    assert.ok(!theirs.some((p) => mine.has(p.id)), 'another account sees none of these prices')
  })

  test('catalog search matches SKU and name, case-insensitively', async () => {
    const response = await t.app.request('/v1/catalog?q=hydraulik', { headers: buyer })
    const found = ((await response.json()) as { data: Product[] }).data
    assert.ok(found.length >= 1 && found.every((p) => /HP-200/.test(p.sku)))
    const bySku = (
      (await (await t.app.request('/v1/catalog?q=lg-6205', { headers: buyer })).json()) as {
        data: Product[]
      }
    ).data
    assert.deepEqual(
      bySku.map((p) => p.sku),
      ['LG-6205-2RS'],
    )
  })

  test('an order is priced by the server from the contract, quantity breaks included', async () => {
    const product = catalog.find((p) => p.sku === 'LG-6205-2RS')!
    const big = product.priceBreaks[1]!
    const response = await place({
      lines: [{ productId: product.id, quantity: big.minQuantity }],
      poNumber: 'PO-T-1',
    })
    assert.equal(response.status, 201)
    assert.match(response.headers.get('location') ?? '', /^\/v1\/orders\/ord_/)
    const order = (await response.json()) as Order
    assert.equal(order.status, 'placed')
    assert.equal(order.lines[0]!.unitPrice, big.unitPrice)
    assert.equal(order.subtotal, big.unitPrice * big.minQuantity)
    assert.equal(order.taxTotal, Math.round((order.subtotal * 1900) / 10_000))
    assert.equal(order.total, order.subtotal + order.taxTotal)
    assert.deepEqual(
      order.timeline.map((e) => e.status),
      ['placed'],
    )
    const events = await t.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', order.id)
      .execute()
    assert.deepEqual(
      events.map((e) => e.type),
      ['order.placed'],
    )
    const outbox = await t.db
      .selectFrom('outbox_deliveries')
      .selectAll()
      .where('consumer', '=', 'erp')
      .where('state', '=', 'pending')
      .execute()
    assert.equal(outbox.length, 1, 'the ERP delivery was queued in the same transaction')
  })

  for (const [name, line, code] of [
    [
      'an unknown product',
      () => ({ productId: 'prod_00000000000000000000000000', quantity: 10 }),
      'product_not_orderable',
    ],
    [
      'another account’s product',
      () => ({ productId: 'OTHER', quantity: 10 }),
      'product_not_orderable',
    ],
    [
      'a quantity below the minimum',
      () => ({ productId: catalog.find((p) => p.sku === 'LG-6205-2RS')!.id, quantity: 5 }),
      'below_minimum_quantity',
    ],
    [
      'a quantity not a multiple',
      () => ({ productId: catalog.find((p) => p.sku === 'LG-6205-2RS')!.id, quantity: 15 }),
      'not_order_multiple',
    ],
  ] as const) {
    test(`${name} → 422 naming the line, nothing written`, async () => {
      let productLine: { productId: string; quantity: number } = line()
      if (productLine.productId === 'OTHER') {
        const other = (await signIn(t.app, 'buyer@cascadefab.com')).headers
        const theirs = (
          (await (await t.app.request('/v1/catalog', { headers: other })).json()) as {
            data: Product[]
          }
        ).data
        productLine = { productId: theirs[0]!.id, quantity: theirs[0]!.minOrderQuantity }
      }
      const before = await countOrders()
      const response = await place({ lines: [productLine] })
      assert.equal(response.status, 422)
      const problem = (await response.json()) as {
        code: string
        errors: Array<{ field: string; code: string }>
      }
      assert.equal(problem.errors[0]!.code, code)
      assert.match(problem.errors[0]!.field, /^body\.lines\.0\./)
      assert.equal(await countOrders(), before)
    })
  }

  for (const [name, quantity] of [
    ['zero', 0],
    ['negative', -5],
    ['fractional', 2.5],
    ['huge', 1e12],
    ['a string', '10'],
  ] as const) {
    test(`a ${name} quantity → 400 naming the field`, async () => {
      const response = await place({ lines: [{ productId: catalog[0]!.id, quantity }] })
      assert.equal(response.status, 400)
      const problem = (await response.json()) as { errors: Array<{ field: string }> }
      assert.equal(problem.errors[0]!.field, 'body.lines.0.quantity')
    })
  }

  test('a requested date that has passed everywhere → 400 on body.requestedDate; today anywhere is fine', async () => {
    const product = catalog.find((p) => p.sku === 'DZ-M12-50')!
    const lines = [{ productId: product.id, quantity: 1 }]
    const day = (offset: number, from: Date) =>
      new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
    const today = t.clock.now().toISOString().slice(0, 10)
    // 10:00 UTC: in UTC−12 it is still yesterday, so yesterday has not passed everywhere.
    // Moving the clock can idle out the buyer's session, so each move signs in afresh.
    const at = async (time: string) => {
      t.clock.set(new Date(`${today}T${time}Z`))
      buyer = (await signIn(t.app, 'einkauf@brandt-maschinenbau.de')).headers
    }
    await at('10:00:00')
    const morning = t.clock.now()
    assert.equal((await place({ lines, requestedDate: day(-1, morning) })).status, 201)
    assert.equal((await place({ lines, requestedDate: today })).status, 201)
    const before = await countOrders()
    const refused = await place({ lines, requestedDate: day(-2, morning) })
    assert.equal(refused.status, 400)
    const problem = (await refused.json()) as {
      code: string
      errors: Array<{ field: string; code: string; message: string }>
    }
    assert.equal(problem.code, 'validation_failed')
    assert.deepEqual(
      problem.errors.map(({ field, code }) => ({ field, code })),
      [{ field: 'body.requestedDate', code: 'date_in_past' }],
    )
    assert.match(problem.errors[0]!.message, new RegExp(`the earliest is ${day(-1, morning)}`))
    // From 12:00 UTC yesterday is over everywhere.
    await at('12:00:00')
    assert.equal((await place({ lines, requestedDate: day(-1, morning) })).status, 400)
    assert.equal(await countOrders(), before)
  })

  test('a delivery address is stored trimmed; a field of spaces is refused', async () => {
    const product = catalog.find((p) => p.sku === 'DZ-M12-50')!
    const lines = [{ productId: product.id, quantity: 1 }]
    const address = {
      name: ' Brandt Maschinenbau GmbH — Werk 2 ',
      line1: 'Hafenstraße 7',
      postalCode: '70327 ',
      city: 'Stuttgart',
      country: 'DE',
    }
    const response = await place({ lines, deliveryAddress: address })
    assert.equal(response.status, 201)
    const order = (await response.json()) as { deliveryAddress: Record<string, string> }
    assert.deepEqual(order.deliveryAddress, {
      ...address,
      name: 'Brandt Maschinenbau GmbH — Werk 2',
      postalCode: '70327',
    })
    const blank = await place({ lines, deliveryAddress: { ...address, city: '   ' } })
    assert.equal(blank.status, 400)
    const problem = (await blank.json()) as { errors: Array<{ field: string }> }
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ['body.deliveryAddress.city'],
    )
  })

  test("the credit position tells the tax rate, so a client knows an order's total before placing it", async () => {
    const { taxRate, available } = await credit()
    assert.equal(taxRate, 1900)
    const pump = catalog.find((p) => p.sku === 'HP-200')!
    const response = await place({ lines: [{ productId: pump.id, quantity: 3 }] })
    assert.equal(response.status, 201)
    const order = (await response.json()) as { subtotal: number; taxTotal: number; total: number }
    assert.equal(order.taxTotal, Math.round((order.subtotal * taxRate) / 10_000))
    assert.equal(order.total, order.subtotal + order.taxTotal)
    assert.equal((await credit()).available, available - order.total)
  })

  test('an order over the available credit → 422 credit_limit_exceeded telling what is available', async () => {
    const { available } = await credit()
    const pump = catalog.find((p) => p.sku === 'HP-200')!
    const quantity = Math.ceil(available / pump.unitPrice) + 1
    const before = await countOrders()
    const response = await place({ lines: [{ productId: pump.id, quantity }] })
    assert.equal(response.status, 422)
    const problem = (await response.json()) as {
      code: string
      available: number
      currency: string
      detail: string
    }
    assert.equal(problem.code, 'credit_limit_exceeded')
    assert.equal(problem.available, available)
    assert.equal(problem.currency, 'EUR')
    assert.match(problem.detail, /available credit of €/)
    assert.equal(await countOrders(), before)
  })

  test('50 concurrent orders never together exceed the available credit', async () => {
    const { available } = await credit()
    const pump = catalog.find((p) => p.sku === 'HP-200')!
    // Each order takes about a tenth of the credit, so at most ~10 fit.
    const quantity = Math.max(1, Math.floor(available / 10 / (pump.unitPrice * 1.19)))
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => place({ lines: [{ productId: pump.id, quantity }] })),
    )
    const accepted = responses.filter((r) => r.status === 201)
    const refused = responses.filter((r) => r.status === 422)
    assert.equal(accepted.length + refused.length, 50)
    assert.ok(accepted.length >= 1 && refused.length >= 1, `${accepted.length} accepted`)
    const totals = await Promise.all(accepted.map(async (r) => ((await r.json()) as Order).total))
    assert.ok(totals.reduce((a, b) => a + b, 0) <= available)
    assert.ok((await credit()).available >= 0)
  })

  test('100 concurrent POSTs with one Idempotency-Key → exactly one order, identical responses', async () => {
    const product = catalog.find((p) => p.sku === 'DZ-M12-50')!
    const body = { lines: [{ productId: product.id, quantity: 3 }] }
    const before = await countOrders()
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => place(body, buyer, 'same-key')),
    )
    assert.equal(await countOrders(), before + 1)
    const created = responses.filter((r) => r.status === 201)
    const conflicts = responses.filter((r) => r.status === 409)
    assert.equal(created.length + conflicts.length, 100)
    const texts = new Set(await Promise.all(created.map((r) => r.text())))
    assert.equal(texts.size, 1, 'every replay carries the same body')
    const replay = await place(body, buyer, 'same-key')
    assert.equal(replay.status, 201)
    assert.equal(replay.headers.get('idempotent-replayed'), 'true')
    const different = await place(
      { lines: [{ productId: product.id, quantity: 4 }] },
      buyer,
      'same-key',
    )
    assert.equal(different.status, 422)
  })

  test('an account on credit hold cannot order at all', async () => {
    const rossi = (await signIn(t.app, 'acquisti@officinerossi.it')).headers
    const products = (
      (await (await t.app.request('/v1/catalog', { headers: rossi })).json()) as { data: Product[] }
    ).data
    const response = await place(
      { lines: [{ productId: products[0]!.id, quantity: products[0]!.minOrderQuantity }] },
      rossi,
    )
    assert.equal(response.status, 422)
    const problem = (await response.json()) as { code: string; detail: string }
    assert.equal(problem.code, 'credit_hold')
    assert.match(problem.detail, /contact your account manager/)
  })

  test('a viewer may look but not order', async () => {
    const viewer = (await signIn(t.app, 'viewer@brandt-maschinenbau.de')).headers
    assert.equal((await t.app.request('/v1/orders', { headers: viewer })).status, 200)
    const response = await place(
      { lines: [{ productId: catalog[0]!.id, quantity: catalog[0]!.minOrderQuantity }] },
      viewer,
    )
    assert.equal(response.status, 403)
  })

  test('cancel: allowed before the ERP confirms, idempotent, refused after', async () => {
    const product = catalog.find((p) => p.sku === 'DZ-M12-50')!
    const order = (await (
      await place({ lines: [{ productId: product.id, quantity: 2 }] })
    ).json()) as Order
    const before = await credit()
    const cancel = (id: string) =>
      t.app.request(`/v1/orders/${id}/cancel`, { method: 'POST', headers: buyer })
    const first = await cancel(order.id)
    assert.equal(first.status, 200)
    assert.equal(((await first.json()) as Order).status, 'cancelled')
    const again = await cancel(order.id)
    assert.equal(again.status, 200)
    const timeline = ((await again.json()) as Order).timeline.map((e) => e.status)
    assert.deepEqual(timeline, ['placed', 'cancelled'])
    assert.equal(
      (await credit()).uninvoicedOrders,
      before.uninvoicedOrders - order.total,
      'a cancelled order frees its credit',
    )
    const list = (await (
      await t.app.request('/v1/orders?status=confirmed', { headers: buyer })
    ).json()) as { data: Order[] }
    const confirmed = await cancel(list.data[0]!.id)
    assert.equal(confirmed.status, 409)
  })

  test("another account's order is a 404 identical to a missing one", async () => {
    const other = (await signIn(t.app, 'buyer@cascadefab.com')).headers
    const theirs = (await (
      await t.app.request('/v1/orders?limit=1', { headers: other })
    ).json()) as { data: Order[] }
    const foreign = await t.app.request(`/v1/orders/${theirs.data[0]!.id}`, { headers: buyer })
    const missing = await t.app.request('/v1/orders/ord_00000000000000000000000000', {
      headers: buyer,
    })
    assert.equal(foreign.status, 404)
    assert.equal(await problemWithoutRequestId(foreign), await problemWithoutRequestId(missing))
  })
})
