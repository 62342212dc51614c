import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { createTestApp, problemWithoutRequestId, signIn, type TestApp } from '../../testing.js'

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('POST /v1/auth/login', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('signs in, returns the token and sets an HttpOnly SameSite cookie', async () => {
    const response = await t.app.request(
      '/v1/auth/login',
      json({ email: 'AP@Brandt-Maschinenbau.de', password: 'portico-demo' }),
    )
    assert.equal(response.status, 200)
    const body = (await response.json()) as {
      token: string
      user: { role: string }
      account: { currency: string }
    }
    assert.match(body.token, /^pst_[\w-]{43}$/)
    assert.equal(body.user.role, 'accounts_payable')
    assert.equal(body.account.currency, 'EUR')
    const cookie = response.headers.get('set-cookie') ?? ''
    assert.match(cookie, /^portico_session=pst_/)
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Strict/)
    // The token is stored hashed: the database never holds it.
    const rows = await t.db.selectFrom('sessions').select('token_hash').execute()
    assert.ok(rows.every((r) => r.token_hash !== body.token && /^[0-9a-f]{64}$/.test(r.token_hash)))
  })

  test('the cookie alone authenticates the portal', async () => {
    const response = await t.app.request(
      '/v1/auth/login',
      json({ email: 'ap@cascadefab.com', password: 'portico-demo' }),
    )
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
    const me = await t.app.request('/v1/me', { headers: { cookie } })
    assert.equal(me.status, 200)
  })

  test('a wrong password and an unknown email get the same 401', async () => {
    const wrong = await t.app.request(
      '/v1/auth/login',
      json({ email: 'ap@cascadefab.com', password: 'nope' }),
    )
    const unknown = await t.app.request(
      '/v1/auth/login',
      json({ email: 'nobody@cascadefab.com', password: 'nope' }),
    )
    assert.equal(wrong.status, 401)
    assert.equal(unknown.status, 401)
    assert.equal(await problemWithoutRequestId(wrong), await problemWithoutRequestId(unknown))
  })

  test('repeated failures are refused with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      const r = await t.app.request(
        '/v1/auth/login',
        json({ email: 'ap@cascadefab.com', password: `guess-${i}` }),
      )
      assert.equal(r.status, 401)
    }
    const blocked = await t.app.request(
      '/v1/auth/login',
      json({ email: 'ap@cascadefab.com', password: 'portico-demo' }),
    )
    assert.equal(blocked.status, 429)
    assert.ok(Number(blocked.headers.get('retry-after')) > 0)
    assert.equal(((await blocked.json()) as { code: string }).code, 'too_many_attempts')
    t.clock.advance(t.config.loginWindowSeconds * 1000 + 1)
    const later = await t.app.request(
      '/v1/auth/login',
      json({ email: 'ap@cascadefab.com', password: 'portico-demo' }),
    )
    assert.equal(later.status, 200)
  })

  for (const [name, body, field] of [
    ['malformed JSON', '{"email": "a@b.c", ', 'body'],
    ['a wrong type', { email: 'ap@cascadefab.com', password: 42 }, 'body.password'],
    ['a missing field', { email: 'ap@cascadefab.com' }, 'body.password'],
    ['an invalid email', { email: 'not-an-email', password: 'x' }, 'body.email'],
    ['an unknown property', { email: 'ap@cascadefab.com', password: 'x', role: 'admin' }, 'body'],
  ] as const) {
    test(`${name} → 400 naming ${field}`, async () => {
      const response = await t.app.request('/v1/auth/login', json(body))
      assert.equal(response.status, 400)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
      const problem = (await response.json()) as { errors: Array<{ field: string }> }
      assert.ok(
        problem.errors.some((e) => e.field === field),
        JSON.stringify(problem.errors),
      )
    })
  }

  test('a body over 1 MB → 413', async () => {
    const response = await t.app.request(
      '/v1/auth/login',
      json({ email: 'ap@cascadefab.com', password: 'x'.repeat(1_100_000) }),
    )
    assert.equal(response.status, 413)
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
  })

  test('a non-JSON body → 415', async () => {
    const response = await t.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a',
    })
    assert.equal(response.status, 415)
  })
})

describe('sessions', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  for (const [name, authorization] of [
    ['no credential', undefined],
    ['a forged session token', 'Bearer pst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a token of an unknown kind', 'Bearer abc123'],
    ['a malformed header', 'Basic dXNlcjpwYXNz'],
  ] as const) {
    test(`${name} → 401 with WWW-Authenticate`, async () => {
      const response = await t.app.request('/v1/me', {
        headers: authorization ? { authorization } : {},
      })
      assert.equal(response.status, 401)
      assert.equal(response.headers.get('www-authenticate'), 'Bearer')
      assert.equal(((await response.json()) as { code: string }).code, 'unauthenticated')
    })
  }

  test('logout revokes the session', async () => {
    const { headers } = await signIn(t.app, 'buyer@cascadefab.com')
    assert.equal((await t.app.request('/v1/me', { headers })).status, 200)
    assert.equal((await t.app.request('/v1/auth/logout', { method: 'POST', headers })).status, 204)
    assert.equal((await t.app.request('/v1/me', { headers })).status, 401)
  })

  test('a session expires after 30 idle minutes', async () => {
    const { headers } = await signIn(t.app, 'buyer@cascadefab.com')
    t.clock.advance(29 * 60 * 1000)
    assert.equal(
      (await t.app.request('/v1/me', { headers })).status,
      200,
      'use within 30 min keeps it alive',
    )
    t.clock.advance(29 * 60 * 1000)
    assert.equal((await t.app.request('/v1/me', { headers })).status, 200)
    t.clock.advance(31 * 60 * 1000)
    assert.equal((await t.app.request('/v1/me', { headers })).status, 401)
  })

  test('a session ends 12 hours after sign-in however busy', async () => {
    const { headers } = await signIn(t.app, 'buyer@cascadefab.com')
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advance(20 * 60 * 1000)
      assert.equal((await t.app.request('/v1/me', { headers })).status, 200)
    }
    t.clock.advance(40 * 60 * 1000)
    assert.equal((await t.app.request('/v1/me', { headers })).status, 401)
  })

  test('GET /v1/me returns user, account and permissions', async () => {
    const { headers } = await signIn(t.app, 'viewer@brandt-maschinenbau.de')
    const me = (await (await t.app.request('/v1/me', { headers })).json()) as {
      user: { role: string }
      account: { name: string; locale: string }
      permissions: string[]
    }
    assert.equal(me.user.role, 'viewer')
    assert.equal(me.account.name, 'Brandt Maschinenbau GmbH')
    assert.equal(me.account.locale, 'de')
    assert.deepEqual(me.permissions, [
      'cases:read',
      'catalog:read',
      'documents:read',
      'events:read',
      'invoices:read',
      'notifications:read',
      'orders:read',
      'payments:read',
      'profile:read',
    ])
  })
})
