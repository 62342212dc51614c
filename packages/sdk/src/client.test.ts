import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestServer } from '@portico/api/testing'
import { createPortalClient, paginate, PortalApiError, unwrap, type PortalClient } from './index.js'

describe('@portico/sdk against the real API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let portal: PortalClient

  before(async () => {
    server = await startTestServer()
    const anonymous = createPortalClient({ baseUrl: server.baseUrl })
    const session = await unwrap(
      anonymous.POST('/v1/auth/login', {
        body: { email: 'ap@cascadefab.com', password: 'portico-demo' },
      }),
    )
    portal = createPortalClient({ baseUrl: server.baseUrl, token: session.token })
  })
  after(() => server.close())

  test('a signed-in client reads its user and account', async () => {
    const me = await unwrap(portal.GET('/v1/me'))
    assert.equal(me.user.email, 'ap@cascadefab.com')
    assert.equal(me.account.currency, 'USD')
  })

  test('paginate walks every page exactly once, newest first', async () => {
    const seen: string[] = []
    let previous = '9999-12-31'
    for await (const invoice of paginate(portal, '/v1/invoices', { query: { limit: 7 } })) {
      assert.ok(invoice.issueDate <= previous, 'newest first')
      previous = invoice.issueDate
      seen.push(invoice.id)
    }
    assert.equal(seen.length, 110)
    assert.equal(new Set(seen).size, seen.length)
  })

  test('a problem becomes a PortalApiError naming the field', async () => {
    const error = await unwrap(
      portal.GET('/v1/invoices', { params: { query: { limit: 1000 } } }),
    ).catch((e) => e)
    assert.ok(error instanceof PortalApiError)
    assert.equal(error.status, 400)
    assert.equal(error.code, 'validation_failed')
    assert.deepEqual(
      error.errors.map((e) => e.field),
      ['query.limit'],
    )
    assert.match(error.requestId ?? '', /^req_/)
  })

  test('a missing invoice is a not_found error', async () => {
    const error = await unwrap(
      portal.GET('/v1/invoices/{id}', { params: { path: { id: 'inv_doesnotexist' } } }),
    ).catch((e) => e)
    assert.equal(error.code, 'not_found')
  })

  test('a bad token is unauthenticated', async () => {
    const stranger = createPortalClient({ baseUrl: server.baseUrl, token: 'pst_forged' })
    const error = await unwrap(stranger.GET('/v1/me')).catch((e) => e)
    assert.equal(error.status, 401)
    assert.equal(error.code, 'unauthenticated')
  })

  test('an unreachable server is a network_error', async () => {
    const offline = createPortalClient({ baseUrl: 'http://127.0.0.1:9', retry: { retries: 0 } })
    const error = await unwrap(offline.GET('/v1/me')).catch((e) => e)
    assert.equal(error.code, 'network_error')
    assert.equal(error.status, 0)
  })

  test('POSTs get an Idempotency-Key automatically; a chosen key replays', async () => {
    const operator = createPortalClient({ baseUrl: server.baseUrl, token: server.operatorKey })
    const body = { email: 'ap@cascadefab.com', allowedOrigins: ['https://intranet.cascadefab.com'] }
    const first = await unwrap(operator.POST('/v1/embed-sessions', { body }))
    const second = await unwrap(operator.POST('/v1/embed-sessions', { body }))
    assert.notEqual(first.id, second.id, 'each call is a new operation')

    const header = { 'idempotency-key': 'sdk-test-key-1' }
    const a = await operator.POST('/v1/embed-sessions', { body, params: { header } })
    const b = await operator.POST('/v1/embed-sessions', { body, params: { header } })
    assert.equal(a.data?.id, b.data?.id)
    assert.equal(b.response.headers.get('idempotent-replayed'), 'true')
  })

  test('GETs are retried on 503 and honour Retry-After', async () => {
    let calls = 0
    const flaky = createPortalClient({
      baseUrl: server.baseUrl,
      token: 'pst_unused',
      fetch: async () => {
        calls++
        if (calls === 1)
          return new Response(null, { status: 503, headers: { 'retry-after': '0.01' } })
        return new Response(JSON.stringify({ ok: true }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      },
    })
    const { response } = await flaky.GET('/v1/me')
    assert.equal(response.status, 200)
    assert.equal(calls, 2)
  })

  test('documents and contracts: list, ask for a download link, follow it', async () => {
    const contracts = await unwrap(portal.GET('/v1/contracts'))
    assert.ok(contracts.data.length > 0)
    const contract = contracts.data[0]!
    assert.ok(contract.document, 'the contract document')
    const link = await unwrap(
      portal.POST('/v1/documents/{id}/download-link', {
        params: { path: { id: contract.document.id } },
      }),
    )
    const file = await fetch(new URL(link.url, server.baseUrl))
    assert.equal(file.status, 200)
    assert.equal(file.headers.get('content-type'), 'application/pdf')
    assert.equal(Number(file.headers.get('content-length')), contract.document.sizeBytes)
    assert.equal(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    )
    const seen: string[] = []
    for await (const document of paginate(portal, '/v1/documents', { query: { limit: 2 } }))
      seen.push(document.id)
    assert.ok(seen.includes(contract.document.id))
  })
})
