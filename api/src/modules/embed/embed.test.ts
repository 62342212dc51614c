import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../../testing.js'

const INTRANET = 'https://intranet.brandt-maschinenbau.de'

describe('embed sessions', () => {
  let t: TestApp
  let operator: Record<string, string>
  let n = 0
  const mint = (body: unknown, headers: Record<string, string> = operator) =>
    t.app.request('/v1/embed-sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `key-${++n}`, ...headers },
      body: JSON.stringify(body),
    })
  const mintSecret = async (body: Record<string, unknown> = {}) => {
    const response = await mint({
      email: 'ap@brandt-maschinenbau.de',
      allowedOrigins: [INTRANET],
      ...body,
    })
    assert.equal(response.status, 201)
    return (await response.json()) as { clientSecret: string; expiresAt: string; id: string }
  }

  before(async () => {
    t = await createTestApp()
    operator = { authorization: `Bearer ${t.operatorKey}` }
  })
  after(() => t.close())

  test('an operator mints a ≤15-minute secret for one user, stored hashed', async () => {
    const session = await mintSecret()
    assert.match(session.clientSecret, /^pes_/)
    const ttl = Date.parse(session.expiresAt) - t.clock.now().getTime()
    assert.ok(ttl > 0 && ttl <= 15 * 60 * 1000)
    const row = await t.db
      .selectFrom('embed_sessions')
      .selectAll()
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow()
    assert.notEqual(row.secret_hash, session.clientSecret)
  })

  test('only an operator key may mint: a user session gets 401', async () => {
    const user = await signIn(t.app, 'admin@cascadefab.com')
    const response = await mint(
      { email: 'ap@brandt-maschinenbau.de', allowedOrigins: [INTRANET] },
      user.headers,
    )
    assert.equal(response.status, 401)
    const forged = await mint(
      { email: 'ap@brandt-maschinenbau.de', allowedOrigins: [INTRANET] },
      { authorization: 'Bearer sk_forged' },
    )
    assert.equal(forged.status, 401)
  })

  for (const [name, body, field] of [
    ['a TTL over 15 minutes', { ttlSeconds: 3600 }, 'body.ttlSeconds'],
    ['an origin with a path', { allowedOrigins: [`${INTRANET}/portal`] }, 'body.allowedOrigins.0'],
    ['a wildcard origin', { allowedOrigins: ['*'] }, 'body.allowedOrigins.0'],
    ['no origins', { allowedOrigins: [] }, 'body.allowedOrigins'],
    [
      'a permission name that does not exist',
      { permissions: ['everything'] },
      'body.permissions.0',
    ],
  ] as const) {
    test(`${name} → 400 naming ${field}`, async () => {
      const response = await mint({
        email: 'ap@brandt-maschinenbau.de',
        allowedOrigins: [INTRANET],
        ...body,
      })
      assert.equal(response.status, 400)
      const problem = (await response.json()) as { errors: Array<{ field: string }> }
      assert.ok(
        problem.errors.some((e) => e.field === field),
        JSON.stringify(problem.errors),
      )
    })
  }

  test('an unknown user → 422', async () => {
    const response = await mint({
      email: 'ghost@brandt-maschinenbau.de',
      allowedOrigins: [INTRANET],
    })
    assert.equal(response.status, 422)
  })

  test('the secret works from its bound origin, with CORS for exactly that origin', async () => {
    const { clientSecret } = await mintSecret()
    const response = await t.app.request('/v1/invoices?limit=2', {
      headers: { authorization: `Bearer ${clientSecret}`, origin: INTRANET },
    })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('access-control-allow-origin'), INTRANET)
    assert.equal(response.headers.get('access-control-allow-credentials'), null)
  })

  test('the secret is refused from another origin, or without one', async () => {
    const { clientSecret } = await mintSecret()
    for (const origin of [
      'https://evil.example',
      'https://intranet.brandt-maschinenbau.de:8443',
      undefined,
    ]) {
      const response = await t.app.request('/v1/invoices', {
        headers: { authorization: `Bearer ${clientSecret}`, ...(origin ? { origin } : {}) },
      })
      assert.equal(response.status, 401, String(origin))
      assert.equal(response.headers.get('access-control-allow-origin'), null)
    }
  })

  test('an expired secret → 401 (readable by the bound page, so it can re-mint)', async () => {
    const { clientSecret } = await mintSecret({ ttlSeconds: 60 })
    t.clock.advance(61 * 1000)
    const response = await t.app.request('/v1/me', {
      headers: { authorization: `Bearer ${clientSecret}`, origin: INTRANET },
    })
    assert.equal(response.status, 401)
    assert.equal(response.headers.get('access-control-allow-origin'), INTRANET)
  })

  test('an unknown secret from a bound origin → 401 the page can read', async () => {
    await mintSecret()
    const response = await t.app.request('/v1/me', {
      headers: { authorization: 'Bearer pes_made-up', origin: INTRANET },
    })
    assert.equal(response.status, 401)
    assert.equal(response.headers.get('access-control-allow-origin'), INTRANET)
  })

  test('a narrowed secret cannot exceed its permissions', async () => {
    const { clientSecret } = await mintSecret({ permissions: ['profile:read'] })
    const headers = { authorization: `Bearer ${clientSecret}`, origin: INTRANET }
    assert.equal((await t.app.request('/v1/me', { headers })).status, 200)
    assert.equal((await t.app.request('/v1/invoices', { headers })).status, 403)
  })

  test('CORS preflight: allowed for a bound origin, never for another', async () => {
    await mintSecret()
    const preflight = (origin: string) =>
      t.app.request('/v1/invoices', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      })
    const allowed = await preflight(INTRANET)
    assert.equal(allowed.status, 204)
    assert.equal(allowed.headers.get('access-control-allow-origin'), INTRANET)
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Authorization/)
    const refused = await preflight('https://evil.example')
    assert.equal(refused.headers.get('access-control-allow-origin'), null)
  })

  describe('Idempotency-Key', () => {
    const body = { email: 'ap@brandt-maschinenbau.de', allowedOrigins: [INTRANET] }
    const post = (key: string | undefined, payload: unknown = body) =>
      t.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...operator,
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(payload),
      })

    test('is required', async () => {
      const response = await post(undefined)
      assert.equal(response.status, 400)
      const problem = (await response.json()) as { errors: Array<{ field: string }> }
      assert.equal(problem.errors[0]!.field, 'header.idempotency-key')
    })

    test('a replay returns the stored response and creates nothing', async () => {
      const first = await post('replay-1')
      const before = await t.db
        .selectFrom('embed_sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      const second = await post('replay-1')
      const afterCount = await t.db
        .selectFrom('embed_sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      assert.equal(second.status, 201)
      assert.equal(second.headers.get('idempotent-replayed'), 'true')
      assert.equal(await second.text(), await first.text())
      assert.equal(Number(afterCount.n), Number(before.n))
    })

    test('the same key with a different body → 422', async () => {
      await post('reuse-1')
      const response = await post('reuse-1', { ...body, ttlSeconds: 120 })
      assert.equal(response.status, 422)
      assert.equal(((await response.json()) as { code: string }).code, 'idempotency_key_reused')
    })

    test('a request still in flight → 409', async () => {
      const now = t.clock.now()
      const principalScope = (
        await t.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow()
      ).id
      await t.db
        .insertInto('idempotency_keys')
        .values({
          scope: `operator:${principalScope}:POST:/v1/embed-sessions`,
          key: 'inflight-1',
          request_hash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
          state: 'in_flight',
          response_status: null,
          response_body: null,
          response_content_type: null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + 60_000).toISOString(),
        })
        .execute()
      const response = await post('inflight-1')
      assert.equal(response.status, 409)
      assert.equal(((await response.json()) as { code: string }).code, 'idempotency_key_in_use')
    })

    test('two identical requests racing: one runs, the other is 409 or a replay', async () => {
      const [a, b] = await Promise.all([post('race-1'), post('race-1')])
      const statuses = [a.status, b.status].sort()
      assert.ok(
        (statuses[0] === 201 && statuses[1] === 201) ||
          (statuses[0] === 201 && statuses[1] === 409),
        statuses.join(),
      )
      const rows = await t.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('key', '=', 'race-1')
        .execute()
      assert.equal(rows.length, 1)
    })

    test('a request rejected by validation stores nothing, so a corrected retry runs', async () => {
      const bad = await post('fix-1', { ...body, ttlSeconds: 5 })
      assert.equal(bad.status, 400)
      const good = await post('fix-1')
      assert.equal(good.status, 201)
      assert.equal(good.headers.get('idempotent-replayed'), null)
    })

    test('keys are scoped per principal: another operator key with the same key runs anew', async () => {
      const first = await post('scoped-1')
      const { createApiKey } = await import('../auth/api-keys.js')
      await createApiKey(t.db, { name: 'second', key: 'sk_second_operator', now: t.clock.now() })
      const other = await t.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer sk_second_operator',
          'idempotency-key': 'scoped-1',
        },
        body: JSON.stringify(body),
      })
      assert.equal(other.status, 201)
      assert.notEqual(
        ((await other.json()) as { id: string }).id,
        ((await first.json()) as { id: string }).id,
      )
    })
  })
})
