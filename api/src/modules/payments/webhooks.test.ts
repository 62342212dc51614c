import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import {
  insertOpenInvoice,
  signedSandboxWebhook,
  type SandboxWebhookInput,
} from '../../testing/payments.js'
import type { Payment, PaymentWebhookResult } from './schemas.js'

const AP = 'ap@brandt-maschinenbau.de'
const RETURN_URL = 'http://localhost:8787/invoices?from=payment'

describe('the sandbox provider: hosted page and signed webhooks', () => {
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string
  let key = 0

  before(async () => {
    t = await createTestApp()
    ;({ headers: auth, accountId } = await signIn(t.app, AP))
  })
  after(() => t.close())

  /** A fresh open invoice of the account (so tests never share one), and a payment of `part` of it. */
  async function pendingPayment(part = 1) {
    const number = `RE-WH-${key}`
    const invoiceId = await insertOpenInvoice(t.db, {
      accountId,
      number,
      currency: 'EUR',
      total: 119_000,
      taxTotal: 19_000,
      now: t.clock.now(),
    })
    const response = await t.app.request('/v1/payments', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `wh-${key++}` },
      body: JSON.stringify({
        allocations: [{ invoiceId, amount: Math.round(119_000 * part) }],
        returnUrl: RETURN_URL,
      }),
    })
    assert.equal(response.status, 201, await response.clone().text())
    return { payment: (await response.json()) as Payment, invoiceId, number }
  }

  const deliver = (webhook: { body: string; headers: Record<string, string> }) =>
    t.app.request('/v1/webhooks/payments/sandbox', { method: 'POST', ...webhook })

  const webhookFor = (payment: Payment, input: Partial<SandboxWebhookInput> = {}) =>
    signedSandboxWebhook(t.config.sandboxPaymentSecret, {
      type: 'payment.succeeded',
      reference: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      ...input,
    })

  async function state(paymentId: string, invoiceId: string) {
    const payment = await t.db
      .selectFrom('payments')
      .select(['status', 'unapplied_amount'])
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow()
    const invoice = await t.db
      .selectFrom('invoices')
      .select(['status', 'amount_paid'])
      .where('id', '=', invoiceId)
      .executeTakeFirstOrThrow()
    const events = await t.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', 'in', [paymentId, invoiceId])
      .orderBy('seq')
      .execute()
    const outbox = await t.db
      .selectFrom('outbox_deliveries')
      .innerJoin('events', 'events.id', 'outbox_deliveries.event_id')
      .select(['events.type', 'outbox_deliveries.consumer'])
      .where('events.subject_id', '=', paymentId)
      .execute()
    return {
      payment: payment.status,
      invoice: invoice.status,
      amountPaid: Number(invoice.amount_paid),
      events: events.map((e) => e.type),
      outbox: outbox.map((o) => `${o.consumer}:${o.type}`),
    }
  }

  test('the hosted page shows the checkout in the account’s language, with no script', async () => {
    const { payment, number } = await pendingPayment()
    const page = await t.app.request(new URL(payment.redirectUrl!).pathname)
    assert.equal(page.status, 200)
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/)
    const csp = page.headers.get('content-security-policy') ?? ''
    assert.match(csp, /default-src 'none'/)
    assert.doesNotMatch(csp, /script-src/)
    assert.match(csp, /form-action 'self' http:\/\/localhost:8787/)
    const html = await page.text()
    assert.doesNotMatch(html, /<script/i)
    assert.match(html, /<html lang="de">/)
    assert.match(html, /1\.190,00\s€/)
    assert.ok(html.includes(number))
    for (const action of ['pay', 'decline', 'abandon'])
      assert.match(html, new RegExp(`<button type="submit" name="action" value="${action}">`))
  })

  test('Pay: the webhook records the payment, the invoice is paid, events and the ERP posting follow, back to the return URL', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const response = await t.app.request(new URL(payment.redirectUrl!).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
    })
    assert.equal(response.status, 303)
    const back = new URL(response.headers.get('location')!)
    assert.equal(`${back.origin}${back.pathname}`, 'http://localhost:8787/invoices')
    assert.equal(back.searchParams.get('from'), 'payment')
    assert.equal(back.searchParams.get('payment'), payment.id)
    assert.equal(back.searchParams.get('status'), 'succeeded')
    assert.deepEqual(await state(payment.id, invoiceId), {
      payment: 'succeeded',
      invoice: 'paid',
      amountPaid: 119_000,
      events: ['payment.created', 'payment.succeeded', 'invoice.paid'],
      outbox: ['erp:payment.succeeded'],
    })
    const detail = (await (
      await t.app.request(`/v1/invoices/${invoiceId}`, { headers: auth })
    ).json()) as { status: string; amountDue: number }
    assert.equal(detail.status, 'paid')
    assert.equal(detail.amountDue, 0)
  })

  test('a part payment leaves the invoice partially paid, with what is still due', async () => {
    const { payment, invoiceId } = await pendingPayment(0.25)
    assert.equal((await deliver(webhookFor(payment))).status, 200)
    const detail = (await (
      await t.app.request(`/v1/invoices/${invoiceId}`, { headers: auth })
    ).json()) as { status: string; amountPaid: number; amountDue: number }
    assert.deepEqual(
      { status: detail.status, amountPaid: detail.amountPaid, amountDue: detail.amountDue },
      { status: 'partially_paid', amountPaid: 29_750, amountDue: 89_250 },
    )
    assert.deepEqual((await state(payment.id, invoiceId)).events, [
      'payment.created',
      'payment.succeeded',
      'invoice.partially_paid',
    ])
  })

  test('Decline fails the payment and frees the balance; paying it afterwards still records it', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const path = new URL(payment.redirectUrl!).pathname
    const post = (action: string) =>
      t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `action=${action}`,
      })
    const declined = await post('decline')
    assert.equal(new URL(declined.headers.get('location')!).searchParams.get('status'), 'failed')
    assert.equal((await state(payment.id, invoiceId)).amountPaid, 0)
    const paid = await post('pay')
    assert.equal(new URL(paid.headers.get('location')!).searchParams.get('status'), 'succeeded')
    const after = await state(payment.id, invoiceId)
    assert.equal(after.payment, 'succeeded')
    assert.equal(after.amountPaid, 119_000)
  })

  test('Abandon cancels the payment: its reservation is released for a new one', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const abandoned = await t.app.request(new URL(payment.redirectUrl!).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=abandon',
    })
    assert.equal(
      new URL(abandoned.headers.get('location')!).searchParams.get('status'),
      'cancelled',
    )
    const again = await t.app.request('/v1/payments', {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/json',
        'idempotency-key': `wh-again-${key}`,
      },
      body: JSON.stringify({
        allocations: [{ invoiceId, amount: 119_000 }],
        returnUrl: RETURN_URL,
      }),
    })
    assert.equal(again.status, 201)
  })

  test('the same webhook 10× at once, and a cancellation after the success: one payment recorded, status right', async () => {
    const { payment, invoiceId } = await pendingPayment(0.5)
    const success = webhookFor(payment)
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(success)))
    const results = (await Promise.all(responses.map((r) => r.json()))) as PaymentWebhookResult[]
    assert.deepEqual(
      responses.map((r) => r.status),
      Array(10).fill(200),
    )
    assert.equal(results.filter((r) => !r.duplicate).length, 1)
    // Out of order: the customer's "abandon" arrives after the payment went through.
    const late = await deliver(webhookFor(payment, { type: 'payment.cancelled' }))
    assert.deepEqual(await late.json(), {
      duplicate: false,
      outcome: 'stale',
      paymentId: payment.id,
      status: 'succeeded',
    })
    // A second success under another message ID cannot record the money twice either.
    const again = await deliver(webhookFor(payment, { id: 'msg_other_delivery' }))
    assert.equal(((await again.json()) as PaymentWebhookResult).outcome, 'stale')
    assert.deepEqual(await state(payment.id, invoiceId), {
      payment: 'succeeded',
      invoice: 'open',
      amountPaid: 59_500,
      events: ['payment.created', 'payment.succeeded', 'invoice.partially_paid'],
      outbox: ['erp:payment.succeeded'],
    })
  })

  test('refused webhooks change nothing: bad signature, altered amount, wrong amount, unknown payment, stale replay', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const inbound = async () =>
      Number(
        (
          await t.db
            .selectFrom('inbound_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = { ...(await state(payment.id, invoiceId)), inbound: await inbound() }
    const genuine = webhookFor(payment)
    const cases: Array<
      [string, { body: string; headers: Record<string, string> }, number, string]
    > = [
      [
        'a bad signature',
        { ...genuine, headers: { ...genuine.headers, 'webhook-signature': 'v1,AAAA' } },
        401,
        'invalid_signature',
      ],
      [
        'another secret',
        signedSandboxWebhook('whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==', {
          type: 'payment.succeeded',
          reference: payment.id,
          amount: payment.amount,
          currency: 'EUR',
        }),
        401,
        'invalid_signature',
      ],
      [
        'an amount altered after signing',
        { ...genuine, body: genuine.body.replace(`"amount":${payment.amount}`, '"amount":1') },
        401,
        'invalid_signature',
      ],
      [
        'a signed amount that is not the payment’s',
        webhookFor(payment, { amount: 1 }),
        422,
        'amount_mismatch',
      ],
      [
        'a signed currency that is not the payment’s',
        webhookFor(payment, { currency: 'USD' }),
        422,
        'amount_mismatch',
      ],
      [
        'an unknown payment',
        webhookFor(payment, { reference: 'pay_00000000000000000000000000' }),
        422,
        'unknown_payment',
      ],
      [
        'a replay signed ten minutes ago',
        webhookFor(payment, { signedAt: new Date(Date.now() - 10 * 60_000) }),
        401,
        'invalid_signature',
      ],
      [
        'a timestamp ten minutes ahead',
        webhookFor(payment, { signedAt: new Date(Date.now() + 10 * 60_000) }),
        401,
        'invalid_signature',
      ],
      [
        'no signature at all',
        { body: genuine.body, headers: { 'content-type': 'application/json' } },
        401,
        'invalid_signature',
      ],
    ]
    for (const [label, webhook, status, code] of cases) {
      const response = await deliver(webhook)
      assert.equal(response.status, status, label)
      assert.equal(response.headers.get('content-type'), 'application/problem+json', label)
      assert.equal(((await response.json()) as { code: string }).code, code, label)
    }
    assert.deepEqual({ ...(await state(payment.id, invoiceId)), inbound: await inbound() }, before)
    const wrongProvider = await t.app.request('/v1/webhooks/payments/midtrans', {
      method: 'POST',
      ...genuine,
    })
    assert.equal(wrongProvider.status, 404)
  })

  test('forged, tampered and expired page links show an error, never a checkout', async () => {
    const { payment } = await pendingPayment()
    const path = new URL(payment.redirectUrl!).pathname
    const [body, mac] = path.slice('/sandbox/pay/'.length).split('.')
    const checkout = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { amount: number }
    checkout.amount = 1
    const tampered = `/sandbox/pay/${Buffer.from(JSON.stringify(checkout)).toString('base64url')}.${mac}`
    for (const link of [tampered, '/sandbox/pay/garbage', `${path}x`]) {
      const response = await t.app.request(link)
      assert.equal(response.status, 404, link)
      const posted = await t.app.request(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=pay',
      })
      assert.equal(posted.status, 404, link)
    }
    const started = t.clock.now()
    t.clock.advance((t.config.paymentExpiryMinutes + 1) * 60_000)
    try {
      assert.equal((await t.app.request(path)).status, 410)
    } finally {
      t.clock.set(started)
    }
  })

  test('payment.succeeded and invoice.paid go out over the event stream', async () => {
    const { payment, invoiceId } = await pendingPayment()
    const controller = new AbortController()
    const stream = await t.app.request('/v1/events/stream?types=payment.*,invoice.*', {
      headers: auth,
      signal: controller.signal,
    })
    assert.equal(stream.status, 200)
    const reader = stream.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    // The stream opens with `retry:`; what follows is live.
    text += decoder.decode((await reader.read()).value)
    assert.equal((await deliver(webhookFor(payment))).status, 200)
    const deadline = Date.now() + 5_000
    while (!(text.includes('event: payment.succeeded') && text.includes('event: invoice.paid'))) {
      if (Date.now() > deadline) assert.fail(`no payment events on the stream: ${text}`)
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ value: undefined }>((resolve) =>
          setTimeout(() => resolve({ value: undefined }), 200),
        ),
      ])
      if (chunk.value) text += decoder.decode(chunk.value)
    }
    controller.abort()
    await reader.cancel().catch(() => {})
    assert.ok(text.includes(`"subjectId":"${invoiceId}"`))
    assert.ok(text.includes(`"subjectId":"${payment.id}"`))
  })
})
