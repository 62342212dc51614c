import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { createHttpErpConnector } from '../connectors/erp/http-erp.js'
import { createSimulatedErp } from '../connectors/erp/simulated-erp.js'
import { createLogger } from '../lib/logger.js'
import { ERP_CONSUMER } from '../db/outbox.js'
import { createTestApp, openSession, signIn, type TestApp } from '../testing.js'
import { createOutboxWorker } from './outbox-worker.js'

/**
 * A fake ERP speaking the HTTP contract: verifies signatures, keeps one
 * sales order per Idempotency-Key, and can be told to fail.
 */
function fakeErp(secret: string) {
  const orders = new Map<string, unknown>()
  const paths = new Map<string, string>()
  const state = { failuresLeft: 0, refuse: false, requests: 0, badSignatures: 0 }
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      state.requests++
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>)
      } catch {
        state.badSignatures++
        res.writeHead(401).end()
        return
      }
      if (state.failuresLeft > 0) {
        state.failuresLeft--
        res.writeHead(503).end('maintenance')
        return
      }
      if (state.refuse) {
        res
          .writeHead(422, { 'content-type': 'application/json' })
          .end('{"error":"customer blocked in ERP"}')
        return
      }
      const key = String(req.headers['idempotency-key'])
      if (!orders.has(key)) orders.set(key, JSON.parse(body))
      paths.set(key, req.url ?? '')
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}')
    })
  })
  return {
    orders,
    paths,
    state,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('outbox → ERP', () => {
  let t: TestApp
  let erp: ReturnType<typeof fakeErp>
  let erpUrl: string
  let buyer: Record<string, string>
  let productId: string
  let n = 0

  before(async () => {
    t = await createTestApp()
    erp = fakeErp(t.config.erpWebhookSecret)
    erpUrl = await erp.start()
    buyer = (await signIn(t.app, 'einkauf@brandt-maschinenbau.de')).headers
    const catalog = (await (
      await t.app.request('/v1/catalog?q=DZ-M12', { headers: buyer })
    ).json()) as { data: Array<{ id: string }> }
    productId = catalog.data[0]!.id
  })
  after(async () => {
    await erp.close()
    await t.close()
  })
  beforeEach(async () => {
    // Each test starts with an empty outbox.
    await t.db
      .updateTable('outbox_deliveries')
      .set({ state: 'delivered' })
      .where('state', '=', 'pending')
      .execute()
    erp.orders.clear()
    Object.assign(erp.state, { failuresLeft: 0, refuse: false })
  })

  const placeOrder = async () => {
    buyer = {
      authorization: `Bearer ${await openSession(t.db, 'einkauf@brandt-maschinenbau.de', t.clock.now())}`,
    }
    const response = await t.app.request('/v1/orders', {
      method: 'POST',
      headers: { ...buyer, 'content-type': 'application/json', 'idempotency-key': `ob-${++n}` },
      body: JSON.stringify({ lines: [{ productId, quantity: 1 }] }),
    })
    assert.equal(response.status, 201)
    return ((await response.json()) as { id: string }).id
  }
  const worker = (maxAttempts = 10) =>
    createOutboxWorker({
      db: t.appDb,
      connector: createHttpErpConnector({
        baseUrl: erpUrl,
        signingSecret: t.config.erpWebhookSecret,
      }),
      consumer: ERP_CONSUMER,
      clock: t.clock,
      logger: createLogger('silent'),
      maxAttempts,
      claimTtlMs: 30_000,
    })
  /** Runs the worker until nothing is due, moving time past every back-off. */
  async function drain(w: ReturnType<typeof worker>) {
    for (let round = 0; round < 50; round++) {
      await w.runOnce()
      const pending = await t.db
        .selectFrom('outbox_deliveries')
        .select('event_id')
        .where('state', '=', 'pending')
        .execute()
      if (pending.length === 0) return
      t.clock.advance(15 * 60 * 1000)
    }
  }

  test('the ERP down for the first attempts: every order arrives once it recovers, none twice', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, placeOrder))
    erp.state.failuresLeft = 7
    await drain(worker())
    assert.equal(erp.state.badSignatures, 0, 'every request was signed')
    assert.deepEqual([...erp.orders.keys()].sort(), ids.map((id) => `order.placed:${id}`).sort())
    const rows = await t.db
      .selectFrom('outbox_deliveries')
      .select(['state', 'attempts'])
      .where('state', '!=', 'pending')
      .execute()
    assert.ok(rows.every((r) => r.state === 'delivered'))
  })

  test('a worker killed mid-delivery: the claim expires and the next worker delivers', async () => {
    const id = await placeOrder()
    // A worker claimed the row, then died before recording anything.
    await t.db
      .updateTable('outbox_deliveries')
      .set({ claimed_until: new Date(t.clock.now().getTime() + 30_000).toISOString() })
      .where('state', '=', 'pending')
      .execute()
    const next = worker()
    assert.equal(await next.runOnce(), 0, 'a live claim is respected')
    t.clock.advance(31_000)
    assert.equal(await next.runOnce(), 1)
    assert.ok(erp.orders.has(`order.placed:${id}`))
  })

  test('a permanent refusal is dead-lettered at once, with the reason', async () => {
    await placeOrder()
    erp.state.refuse = true
    await worker().runOnce()
    const row = await t.db
      .selectFrom('outbox_deliveries')
      .selectAll()
      .where('state', '=', 'dead')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal(row.attempts, 1)
    assert.match(row.last_error ?? '', /422.*customer blocked/)
  })

  test('after the maximum attempts a delivery is dead-lettered', async () => {
    const id = await placeOrder()
    erp.state.failuresLeft = 1000
    await drain(worker(3))
    const row = await t.db
      .selectFrom('outbox_deliveries')
      .innerJoin('events', 'events.id', 'outbox_deliveries.event_id')
      .selectAll('outbox_deliveries')
      .where('events.subject_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.state, 'dead')
    assert.equal(row.attempts, 3)
    assert.match(row.last_error ?? '', /503/)
  })

  test("an order's cancellation never overtakes its placement", async () => {
    const id = await placeOrder()
    assert.equal(
      (await t.app.request(`/v1/orders/${id}/cancel`, { method: 'POST', headers: buyer })).status,
      200,
    )
    erp.state.failuresLeft = 1
    const w = worker()
    await w.runOnce()
    assert.equal(erp.orders.size, 0, 'the cancellation waited for the failed placement')
    await drain(w)
    assert.deepEqual([...erp.orders.keys()], [`order.placed:${id}`, `order.cancelled:${id}`])
  })

  test('a succeeded payment is posted to accounts receivable once, with its allocations', async () => {
    const ap = await signIn(t.app, 'ap@brandt-maschinenbau.de')
    const invoice = await t.db
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('account_id', '=', ap.accountId)
      .where('status', '=', 'open')
      .orderBy('issue_date', 'desc')
      .executeTakeFirstOrThrow()
    const created = await t.app.request('/v1/payments', {
      method: 'POST',
      headers: { ...ap.headers, 'content-type': 'application/json', 'idempotency-key': 'ar-1' },
      body: JSON.stringify({
        allocations: [{ invoiceId: invoice.id, amount: 2_500 }],
        returnUrl: 'http://localhost:8787/invoices',
      }),
    })
    assert.equal(created.status, 201)
    const payment = (await created.json()) as { id: string; redirectUrl: string }
    const paid = await t.app.request(new URL(payment.redirectUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
    })
    assert.equal(paid.status, 303)
    erp.state.failuresLeft = 2
    await drain(worker())
    const key = `payment.succeeded:${payment.id}`
    assert.equal(erp.paths.get(key), '/ar-payments')
    const posting = erp.orders.get(key) as { type: string; data: Record<string, unknown> }
    assert.equal(posting.type, 'payment.succeeded')
    assert.equal(posting.data.accountId, ap.accountId)
    assert.equal(posting.data.amount, 2_500)
    assert.equal(posting.data.unappliedAmount, 0)
    assert.deepEqual(posting.data.allocations, [
      { invoiceId: invoice.id, invoiceNumber: invoice.number, amount: 2_500 },
    ])
    assert.equal(erp.state.badSignatures, 0)
  })

  test('the simulated ERP takes an order from placed to delivered', async () => {
    const id = await placeOrder()
    const key = 'sk_simulated_test_key'
    const { createApiKey } = await import('../modules/auth/api-keys.js')
    await createApiKey(t.db, { name: 'simulator', key, now: t.clock.now() })
    const simulator = createSimulatedErp({
      db: t.appDb,
      clock: t.clock,
      logger: createLogger('silent'),
      secret: t.config.erpWebhookSecret,
      speed: 1,
      send: async (body, headers) =>
        (
          await t.app.request('/v1/integrations/erp/events', {
            method: 'POST',
            body,
            headers: { ...headers, authorization: `Bearer ${key}` },
          })
        ).status,
    })
    const w = createOutboxWorker({
      db: t.appDb,
      connector: simulator.connector,
      consumer: ERP_CONSUMER,
      clock: t.clock,
      logger: createLogger('silent'),
      maxAttempts: 3,
    })
    await w.runOnce()
    const statuses: string[] = []
    for (let minute = 0; minute < 6; minute++) {
      t.clock.advance(60_000)
      // Each tick takes at most one step per order.
      for (let i = 0; i < 3; i++) await simulator.tick()
      statuses.push(
        (
          (await (await t.app.request(`/v1/orders/${id}`, { headers: buyer })).json()) as {
            status: string
          }
        ).status,
      )
    }
    assert.equal(statuses.at(-1), 'delivered', statuses.join(' → '))
  })
})
