import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestServer } from '@portico/api/testing'
import { createPortalClient, paginate, PortalApiError, unwrap, type PortalClient } from './index.js'

describe('@portico/sdk: paying invoices', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let portal: PortalClient

  before(async () => {
    server = await startTestServer()
    const session = await unwrap(
      createPortalClient({ baseUrl: server.baseUrl }).POST('/v1/auth/login', {
        body: { email: 'ap@cascadefab.com', password: 'portico-demo' },
      }),
    )
    portal = createPortalClient({ baseUrl: server.baseUrl, token: session.token })
  })
  after(() => server.close())

  test('pay an open invoice in part through the sandbox: it becomes partially paid', async () => {
    const [invoice] = (
      await unwrap(portal.GET('/v1/invoices', { params: { query: { status: 'open', limit: 1 } } }))
    ).data
    assert.ok(invoice)
    const payment = await unwrap(
      portal.POST('/v1/payments', {
        body: {
          allocations: [{ invoiceId: invoice.id, amount: Math.floor(invoice.amountDue / 2) }],
          returnUrl: `${server.config.publicOrigin}/invoices/${invoice.id}`,
        },
      }),
    )
    assert.equal(payment.status, 'pending')
    assert.ok(payment.redirectUrl)

    // The customer presses Pay on the sandbox's hosted page.
    const page = new URL(new URL(payment.redirectUrl).pathname, server.baseUrl)
    const paid = await fetch(page, {
      method: 'POST',
      body: new URLSearchParams({ action: 'pay' }),
      redirect: 'manual',
    })
    assert.equal(paid.status, 303)
    assert.equal(new URL(paid.headers.get('location')!).searchParams.get('status'), 'succeeded')

    const after = await unwrap(
      portal.GET('/v1/invoices/{id}', { params: { path: { id: invoice.id } } }),
    )
    assert.equal(after.status, 'partially_paid')
    assert.equal(after.amountPaid, invoice.amountPaid + Math.floor(invoice.amountDue / 2))
    const recorded = await unwrap(
      portal.GET('/v1/payments/{id}', { params: { path: { id: payment.id } } }),
    )
    assert.equal(recorded.status, 'succeeded')
  })

  test('payment history pages like any list', async () => {
    let count = 0
    for await (const payment of paginate(portal, '/v1/payments', { query: { limit: 2 } })) {
      assert.match(payment.id, /^pay_/)
      count++
    }
    assert.ok(count > 2, 'the demo has past payments')
  })

  test('paying more than is open is a typed amount_exceeds_balance error', async () => {
    const [invoice] = (
      await unwrap(portal.GET('/v1/invoices', { params: { query: { status: 'open', limit: 1 } } }))
    ).data
    const error = await unwrap(
      portal.POST('/v1/payments', {
        body: {
          allocations: [{ invoiceId: invoice!.id, amount: invoice!.amountDue + 1 }],
          returnUrl: `${server.config.publicOrigin}/invoices`,
        },
      }),
    ).catch((e: unknown) => e)
    assert.ok(error instanceof PortalApiError)
    assert.equal(error.status, 422)
    assert.equal(error.code, 'amount_exceeds_balance')
    assert.deepEqual(
      error.errors.map((e) => e.field),
      ['body.allocations.0.amount'],
    )
  })
})
