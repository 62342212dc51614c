import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../src/testing.js'

describe('HTTP hygiene on every response', () => {
  let t: TestApp
  let auth: Record<string, string>
  before(async () => {
    t = await createTestApp()
    auth = (await signIn(t.app, 'ap@cascadefab.com')).headers
  })
  after(() => t.close())

  for (const [name, path, init] of [
    ['a JSON response', '/v1/me', {}],
    ['a problem response', '/v1/invoices?limit=0', {}],
    ['an unknown route', '/v1/nothing-here', {}],
    ['the spec', '/openapi.json', {}],
  ] as const) {
    test(`${name} carries security headers and a request id`, async () => {
      const response = await t.app.request(path, { headers: auth, ...init })
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin')
      assert.equal(response.headers.get('x-powered-by'), null)
      assert.match(response.headers.get('x-request-id') ?? '', /^req_/)
    })
  }

  test('API responses are never cached', async () => {
    const response = await t.app.request('/v1/me', { headers: auth })
    assert.equal(response.headers.get('cache-control'), 'no-store')
  })

  test('an unknown route is a 404 problem, not HTML', async () => {
    const response = await t.app.request('/v1/nothing-here', { headers: auth })
    assert.equal(response.status, 404)
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
  })

  test('an unexpected failure is a bare 500 problem: no stack, no message leak', async () => {
    const broken = await createTestApp()
    await broken.appDb.destroy() // every query of the app now throws inside the handler
    const response = await broken.app.request('/v1/me', { headers: auth })
    await broken.close().catch(() => {})
    assert.equal(response.status, 500)
    const text = await response.text()
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
    assert.doesNotMatch(text, /at \w+ \(|node_modules|Kysely|driver/i)
    assert.equal((JSON.parse(text) as { code: string }).code, 'internal_error')
  })

  test('a NUL character in the path, the query or a JSON body is a 400 naming where', async () => {
    const problemField = async (response: Response) => {
      assert.equal(response.status, 400)
      return ((await response.json()) as { errors: Array<{ field: string }> }).errors[0]!.field
    }
    assert.equal(
      await problemField(await t.app.request('/v1/invoices/inv_%00x', { headers: auth })),
      'path',
    )
    assert.equal(
      await problemField(await t.app.request('/v1/invoices?cursor=a%00', { headers: auth })),
      'query',
    )
    const post = (body: string) =>
      t.app.request('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    assert.equal(
      await problemField(await post('{"email":"a\\u0000@example.com","password":"x"}')),
      'body',
    )
    // The escaped text "\\u0000" is no NUL: an ordinary (wrong) sign-in.
    assert.equal((await post('{"email":"nobody@example.com","password":"\\\\u0000"}')).status, 401)
  })

  test('the request id of a client is echoed when well-formed', async () => {
    const response = await t.app.request('/v1/me', {
      headers: { ...auth, 'x-request-id': 'client-trace-123' },
    })
    assert.equal(response.headers.get('x-request-id'), 'client-trace-123')
  })

  test('the API docs page and its script are served locally, without a CDN', async () => {
    const page = await t.app.request('/docs')
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.doesNotMatch(html, /https?:\/\//)
    assert.match(html, /\/docs\/assets\/standalone\.js/)
    const script = await t.app.request('/docs/assets/standalone.js')
    assert.equal(script.status, 200)
    assert.ok((await script.arrayBuffer()).byteLength > 100_000)
  })
})
