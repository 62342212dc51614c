import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { PERMISSIONS, permissionsOf } from '../src/http/permissions.js'
import { createTestApp, type TestApp } from '../src/testing.js'
import { bodyText, sampleValidRequest } from './support/arbitraries.js'
import { sessionFor } from './support/credentials.js'
import { harvestIds, idsForParams } from './support/harvest.js'
import { reportGate } from './support/report.js'
import { operations, type Operation } from './support/spec.js'

/**
 * Gate 3 — authentication and authorization (OWASP API1/2/3/5), for every
 * operation of the spec: missing, forged, expired, revoked and wrong-audience
 * credentials are 401; an embed secret from a foreign origin is refused; a
 * role or secret lacking the operation's permission is 403; extra body
 * properties (`accountId`, `role`, …) are never applied.
 */
const ORIGIN = 'https://intranet.brandt-maschinenbau.de'
const USER = 'admin@brandt-maschinenbau.de'

describe('gate: authentication and authorization', () => {
  let t: TestApp
  let pathIds: Record<string, Record<string, string>>
  let seed = 1
  const stats = { operations: 0, requests: 0, failures: 0 }

  before(async () => {
    t = await createTestApp({ PORTICO_EMBED_MINTS_PER_MINUTE: '100000' })
    const ids = await harvestIds(t.app, {
      authorization: `Bearer ${await sessionFor(t.db, USER, t.clock.now())}`,
    })
    pathIds = Object.fromEntries(
      operations().map((op) => [
        op.name,
        Object.fromEntries(
          Object.entries(idsForParams(op, ids))
            .filter(([, v]) => v.length > 0)
            .map(([k, v]) => [k, v[0]!]),
        ),
      ]),
    )
  })
  after(async () => {
    reportGate('access control', {
      'operations checked': stats.operations,
      'requests sent': stats.requests,
      'holes found': stats.failures,
    })
    await t.close()
  })

  /** Sends a valid request for `op` with the given credential headers. */
  async function send(
    op: Operation,
    credential: Record<string, string>,
    bodyExtras: Record<string, unknown> = {},
  ) {
    const { path, headers, body } = sampleValidRequest(op, seed++, pathIds[op.name])
    stats.requests++
    const payload = body ? { ...body, ...bodyExtras } : undefined
    return t.app.request(path, {
      method: op.method,
      headers: { ...headers, ...credential },
      body: bodyText(op, payload),
    })
  }

  async function mintEmbed(email: string, permissions?: string[]) {
    const response = await t.app.request('/v1/embed-sessions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${t.operatorKey}`,
        'idempotency-key': `mint-${seed++}`,
      },
      body: JSON.stringify({
        email,
        allowedOrigins: [ORIGIN],
        ...(permissions ? { permissions } : {}),
      }),
    })
    assert.equal(response.status, 201, await response.clone().text())
    return ((await response.json()) as { clientSecret: string }).clientSecret
  }

  async function expectStatus(
    op: Operation,
    label: string,
    credential: Record<string, string>,
    expected: number,
  ) {
    const response = await send(op, credential)
    if (response.status !== expected) {
      stats.failures++
      assert.fail(
        `${op.name} with ${label}: expected ${expected}, got ${response.status} ${(await response.text()).slice(0, 200)}`,
      )
    }
    if (expected === 401)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
  }

  for (const op of operations().filter((o) => o.permission !== 'public')) {
    test(`${op.name} (${op.permission}) refuses every bad credential`, async () => {
      stats.operations++
      const forged = {
        'no credential': {},
        'an empty bearer': { authorization: 'Bearer ' },
        'a forged session token': {
          authorization: 'Bearer pst_0000000000000000000000000000000000000000000',
        },
        'a forged embed secret': {
          authorization: 'Bearer pes_0000000000000000000000000000000000000000000',
          origin: ORIGIN,
        },
        'a forged operator key': { authorization: 'Bearer sk_0000000000000000' },
        'a Basic credential': { authorization: 'Basic YWRtaW46YWRtaW4=' },
        'a cookie with a forged session': { cookie: 'portico_session=pst_forged' },
      }
      for (const [label, credential] of Object.entries(forged))
        await expectStatus(op, label, credential, 401)

      if (op.permission === 'operator') {
        await expectStatus(
          op,
          "a user's session token (wrong audience)",
          { authorization: `Bearer ${await sessionFor(t.db, USER, t.clock.now())}` },
          401,
        )
        await expectStatus(
          op,
          'an embed secret (wrong audience)',
          { authorization: `Bearer ${await mintEmbed(USER)}`, origin: ORIGIN },
          401,
        )
        return
      }

      await expectStatus(
        op,
        'the operator key (wrong audience)',
        { authorization: `Bearer ${t.operatorKey}` },
        401,
      )

      const revoked = await sessionFor(t.db, USER, t.clock.now())
      await t.app.request('/v1/auth/logout', {
        method: 'POST',
        headers: { authorization: `Bearer ${revoked}` },
      })
      await expectStatus(op, 'a revoked session', { authorization: `Bearer ${revoked}` }, 401)

      const secret = await mintEmbed(USER)
      await expectStatus(
        op,
        'an embed secret from a foreign origin',
        { authorization: `Bearer ${secret}`, origin: 'https://evil.example' },
        401,
      )
      await expectStatus(
        op,
        'an embed secret with no origin (a server)',
        { authorization: `Bearer ${secret}` },
        401,
      )
      const ok = await send(op, { authorization: `Bearer ${secret}`, origin: ORIGIN })
      assert.ok(
        ![401, 403].includes(ok.status),
        `${op.name} refused a valid embed secret: ${ok.status}`,
      )

      const idle = await sessionFor(t.db, USER, t.clock.now())
      const started = t.clock.now()
      t.clock.advance(31 * 60 * 1000)
      try {
        await expectStatus(
          op,
          'a session idle for 31 minutes',
          { authorization: `Bearer ${idle}` },
          401,
        )
        await expectStatus(
          op,
          'an embed secret past its expiry',
          { authorization: `Bearer ${secret}`, origin: ORIGIN },
          401,
        )
      } finally {
        t.clock.set(started)
      }
    })

    if (op.permission === 'operator') continue

    test(`${op.name} is 403 for a role or a secret without ${op.permission}`, async () => {
      const roles = (['admin', 'buyer', 'accounts_payable', 'viewer'] as const).filter(
        (r) => !permissionsOf(r).includes(op.permission as never),
      )
      for (const role of roles) {
        const user = await t.db
          .selectFrom('users')
          .select('email')
          .where('role', '=', role)
          .executeTakeFirst()
        if (!user) continue
        await expectStatus(
          op,
          `the ${role} role`,
          { authorization: `Bearer ${await sessionFor(t.db, user.email, t.clock.now())}` },
          403,
        )
      }
      const others = PERMISSIONS.filter((p) => p !== op.permission)
      if (others.length) {
        const narrowed = await mintEmbed(USER, others)
        await expectStatus(
          op,
          `a secret narrowed to ${others.join(', ')}`,
          { authorization: `Bearer ${narrowed}`, origin: ORIGIN },
          403,
        )
      }
    })
  }

  for (const op of operations().filter((o) => o.body?.schema.properties)) {
    test(`${op.name} never applies injected properties (mass assignment)`, async () => {
      const credential: Record<string, string> =
        op.permission === 'public'
          ? {}
          : {
              authorization: `Bearer ${op.permission === 'operator' ? t.operatorKey : await sessionFor(t.db, USER, t.clock.now())}`,
            }
      const injected = {
        accountId: 'acct_injected00000000000000000',
        role: 'admin',
        status: 'paid',
        id: 'inv_injected000000000000000000',
      }
      const response = await send(op, credential, injected)
      const text = await response.text()
      if (response.status >= 200 && response.status < 300) {
        for (const value of Object.values(injected))
          assert.ok(!text.includes(value), `${op.name} applied an injected ${value}`)
      } else {
        assert.equal(response.status, 400, `${op.name}: ${response.status} ${text.slice(0, 200)}`)
        const fields = (
          (JSON.parse(text) as { errors?: Array<{ field: string; message: string }> }).errors ?? []
        ).map((e) => `${e.field} ${e.message}`)
        assert.ok(
          fields.some((f) => /accountId|role|status|\bid\b|Unrecognized/.test(f)),
          `${op.name} did not name the injected keys: ${fields.join('; ')}`,
        )
      }
    })
  }
})
