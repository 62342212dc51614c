import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { newId } from '../../lib/ids.js'
import { createTestApp, problemWithoutRequestId, signIn, type TestApp } from '../../testing.js'
import { insertOpenInvoice, signedSandboxWebhook } from '../../testing/payments.js'
import type { Payment } from './schemas.js'

const AP = 'ap@brandt-maschinenbau.de'
const RETURN_URL = 'http://localhost:8787/invoices?paid=1'

type Problem = { code: string; errors?: Array<{ field: string; code: string; message: string }> }

describe('POST /v1/payments', () => {
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string
  let key = 0

  before(async () => {
    t = await createTestApp()
    ;({ headers: auth, accountId } = await signIn(t.app, AP))
  })
  after(() => t.close())

  const create = (body: unknown, headers = auth, idempotencyKey = `pay-${key++}`) =>
    t.app.request('/v1/payments', {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify(body),
    })

  /** Open invoices of the account with nothing reserved on them yet, largest balance first. */
  async function openInvoices(count: number, account = accountId) {
    const rows = await t.db
      .selectFrom('invoices')
      .select(['id', 'number', 'currency', 'total', 'amount_paid'])
      .where('account_id', '=', account)
      .where('status', '=', 'open')
      .where('id', 'not in', t.db.selectFrom('payment_allocations').select('invoice_id'))
      .orderBy('total', 'desc')
      .limit(count)
      .execute()
    assert.equal(rows.length, count, `${count} open invoices`)
    return rows.map((r) => ({ ...r, balance: Number(r.total) - Number(r.amount_paid) }))
  }

  async function invoiceOf(id: string) {
    return t.db
      .selectFrom('invoices')
      .select(['status', 'amount_paid', 'total'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  }

  /** What a refused request must leave as it was. */
  async function footprint() {
    const count = async (table: 'payments' | 'payment_allocations' | 'events') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const paid = await t.db
      .selectFrom('invoices')
      .select((eb) => eb.fn.sum<number>('amount_paid').as('paid'))
      .executeTakeFirstOrThrow()
    return {
      payments: await count('payments'),
      allocations: await count('payment_allocations'),
      events: await count('events'),
      paid: Number(paid.paid),
    }
  }

  /** Pays through the sandbox's webhook, as its hosted page would. */
  async function succeed(payment: Payment, overrides: Partial<{ amount: number }> = {}) {
    const webhook = signedSandboxWebhook(t.config.sandboxPaymentSecret, {
      type: 'payment.succeeded',
      reference: payment.id,
      amount: overrides.amount ?? payment.amount,
      currency: payment.currency,
    })
    return t.app.request('/v1/webhooks/payments/sandbox', { method: 'POST', ...webhook })
  }

  test('the demo comes with payment history: part payments add up to what the invoices show paid', async () => {
    const history = (await (
      await t.app.request('/v1/payments?limit=100', { headers: auth })
    ).json()) as { data: Payment[] }
    assert.deepEqual([...new Set(history.data.map((p) => p.status))].sort(), [
      'cancelled',
      'failed',
      'succeeded',
    ])
    const partlyPaid = await t.db
      .selectFrom('invoices')
      .select(['id', 'amount_paid'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'open')
      .where('amount_paid', '>', 0)
      .execute()
    assert.ok(partlyPaid.length > 0)
    for (const invoice of partlyPaid) {
      const paid = history.data
        .filter((p) => p.status === 'succeeded')
        .flatMap((p) => p.allocations)
        .filter((a) => a.invoiceId === invoice.id)
        .reduce((sum, a) => sum + a.amount, 0)
      assert.equal(paid, Number(invoice.amount_paid))
    }
  })

  test('accounts payable pays an open invoice in full: a pending payment and where to pay it', async () => {
    const [invoice] = await openInvoices(1)
    const before = await invoiceOf(invoice!.id)
    const response = await create({
      allocations: [{ invoiceId: invoice!.id, amount: invoice!.balance }],
      returnUrl: RETURN_URL,
    })
    assert.equal(response.status, 201, await response.clone().text())
    const payment = (await response.json()) as Payment
    assert.equal(response.headers.get('location'), `/v1/payments/${payment.id}`)
    assert.match(payment.id, /^pay_/)
    assert.equal(payment.status, 'pending')
    assert.equal(payment.provider, 'sandbox')
    assert.equal(payment.amount, invoice!.balance)
    assert.equal(payment.currency, 'EUR')
    assert.deepEqual(payment.allocations, [
      { invoiceId: invoice!.id, invoiceNumber: invoice!.number, amount: invoice!.balance },
    ])
    assert.ok(payment.redirectUrl?.startsWith(`${t.config.publicOrigin}/sandbox/pay/`))
    assert.deepEqual(await invoiceOf(invoice!.id), before, 'the invoice waits for the provider')

    const fetched = await t.app.request(`/v1/payments/${payment.id}`, { headers: auth })
    assert.deepEqual(await fetched.json(), payment)
  })

  test('one payment settles several invoices, each in full or in part', async () => {
    const [a, b] = await openInvoices(2)
    const response = await create({
      allocations: [
        { invoiceId: a!.id, amount: a!.balance },
        { invoiceId: b!.id, amount: Math.floor(b!.balance / 3) },
      ],
      returnUrl: RETURN_URL,
    })
    assert.equal(response.status, 201)
    const payment = (await response.json()) as Payment
    assert.equal(payment.amount, a!.balance + Math.floor(b!.balance / 3))
    assert.equal(payment.allocations.length, 2)
  })

  test('the same Idempotency-Key replays the payment instead of creating another', async () => {
    const [invoice] = await openInvoices(1)
    const body = { allocations: [{ invoiceId: invoice!.id, amount: 100 }], returnUrl: RETURN_URL }
    const first = await create(body, auth, 'pay-replayed')
    const second = await create(body, auth, 'pay-replayed')
    assert.equal(second.headers.get('idempotent-replayed'), 'true')
    assert.deepEqual(await second.json(), await first.json())
  })

  test("another account's invoice is a 404 identical to a missing one, and nothing is created", async () => {
    const [foreign] = await openInvoices(1, (await signIn(t.app, 'ap@cascadefab.com')).accountId)
    const before = await footprint()
    const theirs = await create({
      allocations: [{ invoiceId: foreign!.id, amount: 100 }],
      returnUrl: RETURN_URL,
    })
    const missing = await create({
      allocations: [{ invoiceId: newId('inv'), amount: 100 }],
      returnUrl: RETURN_URL,
    })
    assert.equal(theirs.status, 404)
    assert.equal(theirs.headers.get('content-type'), 'application/problem+json')
    assert.equal(await problemWithoutRequestId(theirs), await problemWithoutRequestId(missing))
    assert.deepEqual(await footprint(), before)
  })

  for (const status of ['paid', 'void'] as const) {
    test(`a ${status} invoice cannot be paid: 422, nothing created`, async () => {
      const invoice = await t.db
        .selectFrom('invoices')
        .select('id')
        .where('account_id', '=', accountId)
        .where('status', '=', status)
        .executeTakeFirstOrThrow()
      const before = await footprint()
      const response = await create({
        allocations: [{ invoiceId: invoice.id, amount: 100 }],
        returnUrl: RETURN_URL,
      })
      assert.equal(response.status, 422)
      const problem = (await response.json()) as Problem
      assert.equal(problem.code, 'invoice_not_payable')
      assert.equal(problem.errors?.[0]?.code, `invoice_${status}`)
      assert.deepEqual(await footprint(), before)
    })
  }

  test('an amount above the open balance is 422 naming the allocation, nothing created', async () => {
    const [invoice] = await openInvoices(1)
    const before = await footprint()
    const response = await create({
      allocations: [{ invoiceId: invoice!.id, amount: invoice!.balance + 1 }],
      returnUrl: RETURN_URL,
    })
    assert.equal(response.status, 422)
    const problem = (await response.json()) as Problem
    assert.equal(problem.code, 'amount_exceeds_balance')
    assert.equal(problem.errors?.[0]?.field, 'body.allocations.0.amount')
    assert.deepEqual(await footprint(), before)
  })

  for (const [label, amount] of [
    ['zero', 0],
    ['negative', -500],
    ['fractional', 10.5],
  ] as const) {
    test(`a ${label} amount is a 400 validation problem, nothing created`, async () => {
      const [invoice] = await openInvoices(1)
      const before = await footprint()
      const response = await create({
        allocations: [{ invoiceId: invoice!.id, amount }],
        returnUrl: RETURN_URL,
      })
      assert.equal(response.status, 400)
      const problem = (await response.json()) as Problem
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        ['body.allocations.0.amount'],
      )
      assert.deepEqual(await footprint(), before)
    })
  }

  test('invoices in two currencies cannot share a payment: 422, nothing created', async () => {
    const [eur] = await openInvoices(1)
    const usd = await insertOpenInvoice(t.db, {
      accountId,
      number: 'RE-USD-1',
      currency: 'USD',
      total: 10_000,
      now: t.clock.now(),
    })
    const before = await footprint()
    const response = await create({
      allocations: [
        { invoiceId: eur!.id, amount: 100 },
        { invoiceId: usd, amount: 100 },
      ],
      returnUrl: RETURN_URL,
    })
    assert.equal(response.status, 422)
    assert.equal(((await response.json()) as Problem).code, 'mixed_currencies')
    assert.deepEqual(await footprint(), before)
  })

  test('the same invoice twice, or a return URL off the portal, is a 400', async () => {
    const [invoice] = await openInvoices(1)
    const twice = await create({
      allocations: [
        { invoiceId: invoice!.id, amount: 100 },
        { invoiceId: invoice!.id, amount: 100 },
      ],
      returnUrl: RETURN_URL,
    })
    assert.equal(twice.status, 400)
    assert.equal(
      ((await twice.json()) as Problem).errors?.[0]?.field,
      'body.allocations.1.invoiceId',
    )
    for (const returnUrl of [
      'https://evil.example/phish',
      'javascript:alert(1)',
      '//evil.example/',
    ]) {
      const response = await create({
        allocations: [{ invoiceId: invoice!.id, amount: 100 }],
        returnUrl,
      })
      assert.equal(response.status, 400, returnUrl)
      assert.equal(((await response.json()) as Problem).errors?.[0]?.field, 'body.returnUrl')
    }
  })

  test('a buyer may not pay invoices (payments:write)', async () => {
    const buyer = await signIn(t.app, 'einkauf@brandt-maschinenbau.de')
    const [invoice] = await openInvoices(1)
    const response = await create(
      { allocations: [{ invoiceId: invoice!.id, amount: 100 }], returnUrl: RETURN_URL },
      buyer.headers,
    )
    assert.equal(response.status, 403)
  })

  test('payments in flight reserve the balance: together they can never exceed it', async () => {
    const [invoice] = await openInvoices(1)
    const sixty = Math.floor(invoice!.balance * 0.6)
    const first = await create({
      allocations: [{ invoiceId: invoice!.id, amount: sixty }],
      returnUrl: RETURN_URL,
    })
    assert.equal(first.status, 201)
    const second = await create({
      allocations: [{ invoiceId: invoice!.id, amount: sixty }],
      returnUrl: RETURN_URL,
    })
    assert.equal(second.status, 422)
    const problem = (await second.json()) as Problem
    assert.equal(problem.code, 'amount_exceeds_balance')
    assert.match(problem.errors?.[0]?.message ?? '', /in a payment in progress/)
    const rest = await create({
      allocations: [{ invoiceId: invoice!.id, amount: invoice!.balance - sixty }],
      returnUrl: RETURN_URL,
    })
    assert.equal(rest.status, 201)
  })

  test('concurrent payments of one whole balance: exactly one is created', async () => {
    const [invoice] = await openInvoices(1)
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        create({
          allocations: [{ invoiceId: invoice!.id, amount: invoice!.balance }],
          returnUrl: RETURN_URL,
        }),
      ),
    )
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, ...Array(7).fill(422)])
  })

  test('a lapsed reservation frees the balance; the late success is kept unapplied, never overpaid', async () => {
    const [invoice] = await openInvoices(1)
    const body = {
      allocations: [{ invoiceId: invoice!.id, amount: invoice!.balance }],
      returnUrl: RETURN_URL,
    }
    const late = (await (await create(body)).json()) as Payment
    const started = t.clock.now()
    t.clock.advance((t.config.paymentExpiryMinutes + 1) * 60_000)
    try {
      ;({ headers: auth } = await signIn(t.app, AP))
      const shown = (await (
        await t.app.request(`/v1/payments/${late.id}`, { headers: auth })
      ).json()) as Payment
      assert.equal(shown.status, 'expired')
      assert.equal(shown.redirectUrl, null)
      const next = await create(body)
      assert.equal(next.status, 201, 'the lapsed reservation no longer counts')
      assert.equal((await succeed((await next.json()) as Payment)).status, 200)
      assert.equal((await succeed(late)).status, 200)
    } finally {
      t.clock.set(started)
      ;({ headers: auth } = await signIn(t.app, AP))
    }
    const after = await invoiceOf(invoice!.id)
    assert.equal(after.status, 'paid')
    assert.equal(Number(after.amount_paid), Number(after.total))
    const recorded = (await (
      await t.app.request(`/v1/payments/${late.id}`, { headers: auth })
    ).json()) as Payment
    assert.equal(recorded.status, 'succeeded')
    assert.equal(recorded.unappliedAmount, late.amount)
    assert.equal(recorded.allocations[0]!.amount, 0)
  })

  test('GET /v1/payments lists newest first, by invoice and by status, page by page', async () => {
    const all: Payment[] = []
    let cursor: string | null = null
    do {
      const response = await t.app.request(
        `/v1/payments?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: auth },
      )
      assert.equal(response.status, 200)
      const page = (await response.json()) as { data: Payment[]; nextCursor: string | null }
      all.push(...page.data)
      cursor = page.nextCursor
    } while (cursor)
    assert.equal(new Set(all.map((p) => p.id)).size, all.length)
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.createdAt >= all[i]!.createdAt)

    const some = all.find((p) => p.allocations.length > 0)!
    const byInvoice = (await (
      await t.app.request(`/v1/payments?invoiceId=${some.allocations[0]!.invoiceId}`, {
        headers: auth,
      })
    ).json()) as { data: Payment[] }
    assert.ok(byInvoice.data.some((p) => p.id === some.id))
    for (const p of byInvoice.data)
      assert.ok(p.allocations.some((a) => a.invoiceId === some.allocations[0]!.invoiceId))

    const succeeded = (await (
      await t.app.request('/v1/payments?status=succeeded&limit=100', { headers: auth })
    ).json()) as { data: Payment[] }
    assert.ok(succeeded.data.length > 0)
    for (const p of succeeded.data) assert.equal(p.status, 'succeeded')

    const other = await signIn(t.app, 'ap@cascadefab.com')
    const theirs = (await (
      await t.app.request('/v1/payments?limit=100', { headers: other.headers })
    ).json()) as { data: Payment[] }
    const mine = new Set(all.map((p) => p.id))
    for (const p of theirs.data) assert.ok(!mine.has(p.id))
  })

  test('with payments off, POST /v1/payments answers 503 and creates nothing', async () => {
    const off = await createTestApp({ PORTICO_PAYMENT_PROVIDER: 'none' })
    try {
      const session = await signIn(off.app, AP)
      const invoice = await off.db
        .selectFrom('invoices')
        .select('id')
        .where('account_id', '=', session.accountId)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow()
      const response = await off.app.request('/v1/payments', {
        method: 'POST',
        headers: {
          ...session.headers,
          'content-type': 'application/json',
          'idempotency-key': 'off',
        },
        body: JSON.stringify({
          allocations: [{ invoiceId: invoice.id, amount: 1 }],
          returnUrl: RETURN_URL,
        }),
      })
      assert.equal(response.status, 503)
      assert.equal(((await response.json()) as Problem).code, 'payments_not_configured')
      const sandbox = await off.app.request('/sandbox/pay/anything')
      assert.equal(sandbox.status, 404, 'no sandbox page without the sandbox provider')
    } finally {
      await off.close()
    }
  })
})
