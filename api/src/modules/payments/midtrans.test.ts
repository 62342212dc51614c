import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import {
  insertOpenInvoice,
  signedMidtransNotification,
  startFakeMidtrans,
  type MidtransNotificationInput,
} from '../../testing/payments.js'
import type { Payment, PaymentWebhookResult } from './schemas.js'

const SERVER_KEY = 'SB-Mid-server-portico-test-key'
const AP = 'ap@sinarjaya.co.id'
const RETURN_URL = 'http://localhost:8787/invoices'

describe('the Midtrans provider (Snap), against a local server speaking its API', () => {
  let t: TestApp
  let midtrans: Awaited<ReturnType<typeof startFakeMidtrans>>
  let auth: Record<string, string>
  let accountId: string
  let key = 0

  before(async () => {
    midtrans = await startFakeMidtrans(SERVER_KEY)
    t = await createTestApp({
      PORTICO_PAYMENT_PROVIDER: 'midtrans',
      PORTICO_MIDTRANS_SERVER_KEY: SERVER_KEY,
      PORTICO_MIDTRANS_SNAP_URL: midtrans.snapUrl,
    })
    ;({ headers: auth, accountId } = await signIn(t.app, AP))
  })
  after(async () => {
    await t.close()
    await midtrans.close()
  })

  const freshInvoice = (total = 1_665_000) =>
    insertOpenInvoice(t.db, {
      accountId,
      number: `SJD-MT-${++key}`,
      currency: 'IDR',
      total,
      now: t.clock.now(),
    })

  const create = (body: unknown, headers = auth) =>
    t.app.request('/v1/payments', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `mt-${key++}` },
      body: JSON.stringify(body),
    })

  async function pendingPayment(amount = 1_665_000) {
    const invoiceId = await freshInvoice()
    const response = await create({ allocations: [{ invoiceId, amount }], returnUrl: RETURN_URL })
    assert.equal(response.status, 201, await response.clone().text())
    return { payment: (await response.json()) as Payment, invoiceId }
  }

  const notify = (body: string) =>
    t.app.request('/v1/webhooks/payments/midtrans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })

  const notification = (payment: Payment, input: Partial<MidtransNotificationInput> = {}) =>
    signedMidtransNotification(SERVER_KEY, {
      orderId: payment.id,
      grossAmount: payment.amount,
      transactionStatus: 'settlement',
      ...input,
    })

  async function stateOf(paymentId: string, invoiceId: string) {
    const payment = await t.db
      .selectFrom('payments')
      .select(['status', 'method', 'provider_transaction_id'])
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow()
    const invoice = await t.db
      .selectFrom('invoices')
      .select(['status', 'amount_paid'])
      .where('id', '=', invoiceId)
      .executeTakeFirstOrThrow()
    const succeeded = await t.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('subject_id', '=', paymentId)
      .where('type', '=', 'payment.succeeded')
      .executeTakeFirstOrThrow()
    return {
      payment: payment.status,
      method: payment.method,
      invoice: invoice.status,
      amountPaid: Number(invoice.amount_paid),
      succeededEvents: Number(succeeded.n),
    }
  }

  test('creates a Snap transaction: order_id is the payment, items add up, Basic auth with the server key', async () => {
    const { payment } = await pendingPayment(1_000_000)
    const sent = midtrans.requests.at(-1)!
    assert.equal(sent.authorization, `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`)
    assert.deepEqual(sent.body.transaction_details, {
      order_id: payment.id,
      gross_amount: 1_000_000,
    })
    assert.deepEqual(
      sent.body.item_details?.map((i) => [i.price, i.quantity]),
      [[1_000_000, 1]],
    )
    assert.equal(sent.body.customer_details?.email, AP)
    assert.equal(sent.body.callbacks?.finish, RETURN_URL)
    assert.deepEqual(sent.body.expiry, { unit: 'minutes', duration: t.config.paymentExpiryMinutes })
    assert.equal(payment.provider, 'midtrans')
    assert.equal(payment.providerToken, `snap-${payment.id}`)
    assert.equal(
      payment.redirectUrl,
      `https://app.sandbox.midtrans.com/snap/v4/redirection/snap-${payment.id}`,
    )
  })

  test('Midtrans takes rupiah only: a euro invoice is refused before Midtrans is asked', async () => {
    const brandt = await signIn(t.app, 'ap@brandt-maschinenbau.de')
    const invoice = await t.db
      .selectFrom('invoices')
      .select('id')
      .where('account_id', '=', brandt.accountId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
    const asked = midtrans.requests.length
    const response = await create(
      { allocations: [{ invoiceId: invoice.id, amount: 100 }], returnUrl: RETURN_URL },
      brandt.headers,
    )
    assert.equal(response.status, 422)
    assert.equal(((await response.json()) as { code: string }).code, 'currency_not_supported')
    assert.equal(midtrans.requests.length, asked)
  })

  test('Midtrans down: 502 with Retry-After, nothing created, and the same key works once it is back', async () => {
    const invoiceId = await freshInvoice()
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('payments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const request = () =>
      t.app.request('/v1/payments', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'mt-down' },
        body: JSON.stringify({
          allocations: [{ invoiceId, amount: 5_000 }],
          returnUrl: RETURN_URL,
        }),
      })
    midtrans.state.unavailable = true
    try {
      const down = await request()
      assert.equal(down.status, 502)
      assert.equal(down.headers.get('retry-after'), '5')
      assert.equal(((await down.json()) as { code: string }).code, 'payment_provider_unavailable')
      assert.equal(await count(), before)
    } finally {
      midtrans.state.unavailable = false
    }
    assert.equal((await request()).status, 201)
  })

  test('a wrong server key is the operator’s problem: 502, nothing created', async () => {
    const wrong = await createTestApp({
      PORTICO_PAYMENT_PROVIDER: 'midtrans',
      PORTICO_MIDTRANS_SERVER_KEY: 'SB-Mid-server-wrong',
      PORTICO_MIDTRANS_SNAP_URL: midtrans.snapUrl,
    })
    try {
      const session = await signIn(wrong.app, AP)
      const seeded = (await wrong.db.selectFrom('payments').select('id').execute()).length
      const invoice = await wrong.db
        .selectFrom('invoices')
        .select(['id'])
        .where('account_id', '=', session.accountId)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow()
      const response = await wrong.app.request('/v1/payments', {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/json', 'idempotency-key': 'k' },
        body: JSON.stringify({
          allocations: [{ invoiceId: invoice.id, amount: 1 }],
          returnUrl: RETURN_URL,
        }),
      })
      assert.equal(response.status, 502)
      assert.equal((await wrong.db.selectFrom('payments').select('id').execute()).length, seeded)
    } finally {
      await wrong.close()
    }
  })

  test('settlement before pending, 10× concurrently: one payment recorded, it ends succeeded', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const settlement = notification(payment, { transactionStatus: 'settlement' })
    const pending = notification(payment, { transactionStatus: 'pending' })
    // The settlement ten times at once, then — out of order — the pending
    // that Midtrans sent before it, three times at once.
    const settled = await Promise.all(Array.from({ length: 10 }, () => notify(settlement)))
    const late = await Promise.all(Array.from({ length: 3 }, () => notify(pending)))
    assert.deepEqual(
      [...settled, ...late].map((r) => r.status),
      Array(13).fill(200),
    )
    const settlements = (await Promise.all(settled.map((r) => r.json()))) as PaymentWebhookResult[]
    assert.equal(settlements.filter((r) => r.outcome === 'applied' && !r.duplicate).length, 1)
    assert.ok(settlements.every((r) => r.status === 'succeeded'))
    const pendings = (await Promise.all(late.map((r) => r.json()))) as PaymentWebhookResult[]
    assert.ok(
      pendings.every((r) => r.outcome === 'stale' && r.status === 'succeeded'),
      JSON.stringify(pendings),
    )
    assert.deepEqual(await stateOf(payment.id, invoiceId), {
      payment: 'succeeded',
      method: 'bank_transfer',
      invoice: 'paid',
      amountPaid: 1_665_000,
      succeededEvents: 1,
    })
    // Later notifications of lesser statuses are replays of the past: nothing moves.
    for (const status of ['pending', 'expire', 'cancel', 'deny']) {
      const late = await notify(notification(payment, { transactionStatus: status }))
      assert.equal(((await late.json()) as PaymentWebhookResult).outcome, 'stale', status)
    }
    assert.equal((await stateOf(payment.id, invoiceId)).payment, 'succeeded')
  })

  test('pending (a virtual account) records how the customer pays; settlement then records the money', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const first = await notify(
      notification(payment, { transactionStatus: 'pending', paymentType: 'echannel' }),
    )
    assert.equal(((await first.json()) as PaymentWebhookResult).outcome, 'applied')
    assert.deepEqual(await stateOf(payment.id, invoiceId), {
      payment: 'pending',
      method: 'echannel',
      invoice: 'open',
      amountPaid: 0,
      succeededEvents: 0,
    })
    await notify(
      notification(payment, { transactionStatus: 'settlement', paymentType: 'echannel' }),
    )
    assert.equal((await stateOf(payment.id, invoiceId)).invoice, 'paid')
  })

  test('a card capture under fraud review waits; accepted, it succeeds; expire fails a pending one', async () => {
    const { payment, invoiceId } = await pendingPayment()
    await notify(notification(payment, { transactionStatus: 'capture', fraudStatus: 'challenge' }))
    assert.equal((await stateOf(payment.id, invoiceId)).payment, 'pending')
    await notify(notification(payment, { transactionStatus: 'capture', fraudStatus: 'accept' }))
    assert.equal((await stateOf(payment.id, invoiceId)).payment, 'succeeded')

    const other = await pendingPayment()
    await notify(notification(other.payment, { transactionStatus: 'expire' }))
    const expired = (await (
      await t.app.request(`/v1/payments/${other.payment.id}`, { headers: auth })
    ).json()) as Payment
    assert.equal(expired.status, 'expired')
    assert.equal(expired.failureReason, 'expire')
  })

  test('refused notifications change nothing: bad signature, altered amount or status, unknown order, wrong amount', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const before = await stateOf(payment.id, invoiceId)
    const genuine = JSON.parse(notification(payment, { transactionStatus: 'pending' })) as Record<
      string,
      string
    >
    const cases: Array<[string, string, number, string]> = [
      [
        'a bad signature',
        JSON.stringify({ ...genuine, signature_key: 'a'.repeat(128) }),
        401,
        'invalid_signature',
      ],
      [
        'a signature with another server key',
        signedMidtransNotification('SB-Mid-server-other', {
          orderId: payment.id,
          grossAmount: payment.amount,
          transactionStatus: 'settlement',
        }),
        401,
        'invalid_signature',
      ],
      [
        'an altered gross_amount',
        JSON.stringify({ ...genuine, gross_amount: '1.00' }),
        401,
        'invalid_signature',
      ],
      [
        'a pending notification turned into a settlement (the status is not signed, its code is)',
        JSON.stringify({ ...genuine, transaction_status: 'settlement' }),
        401,
        'invalid_signature',
      ],
      [
        'an unknown order id, genuinely signed',
        signedMidtransNotification(SERVER_KEY, {
          orderId: 'ORDER-FROM-ANOTHER-SHOP',
          grossAmount: payment.amount,
          transactionStatus: 'settlement',
        }),
        422,
        'unknown_payment',
      ],
      [
        'a genuine signature over another amount',
        notification(payment, { grossAmount: payment.amount - 1 }),
        422,
        'amount_mismatch',
      ],
      ['not JSON', '{"order_id":', 400, 'malformed_webhook'],
      ['fields missing', JSON.stringify({ order_id: payment.id }), 400, 'malformed_webhook'],
    ]
    for (const [label, body, status, code] of cases) {
      const response = await notify(body)
      assert.equal(response.status, status, label)
      assert.equal(((await response.json()) as { code: string }).code, code, label)
    }
    assert.deepEqual(await stateOf(payment.id, invoiceId), before)
  })

  test('a refund notification is acknowledged and changes nothing', async () => {
    const { payment, invoiceId } = await pendingPayment()
    await notify(notification(payment))
    const refund = await notify(
      notification(payment, { transactionStatus: 'refund', statusCode: '200' }),
    )
    assert.equal(refund.status, 200)
    assert.equal(((await refund.json()) as PaymentWebhookResult).outcome, 'ignored')
    assert.equal((await stateOf(payment.id, invoiceId)).amountPaid, 1_665_000)
  })
})
