import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, startTestServer, type TestApp } from '../src/testing.js'
import { bodyText, sampleValidRequest } from './support/arbitraries.js'
import { isFileProperty } from './support/body-encoding.js'
import { sessionFor } from './support/credentials.js'
import { harvestIds, idsForParams } from './support/harvest.js'
import { reportGate } from './support/report.js'
import { listOperations, operations, type Operation } from './support/spec.js'

/**
 * Gate 4 — resource consumption and misconfiguration (OWASP API4/API8):
 * body size limits, list page caps, rate limits with Retry-After, slow-client
 * timeouts, CSP on the portal and exact-origin CORS — for every operation.
 */
const USER = 'admin@brandt-maschinenbau.de'

describe('gate: resource consumption', () => {
  let t: TestApp
  let seed = 1
  const stats = { checks: 0 }

  before(async () => {
    t = await createTestApp({
      PORTICO_EMBED_MINTS_PER_MINUTE: '3',
      // Small enough to send over it quickly; the rule is the same at 25 MiB.
      PORTICO_UPLOAD_LIMIT_BYTES: '1500000',
      PORTICO_CASE_ATTACHMENT_LIMIT_BYTES: '1500000',
    })
  })
  after(async () => {
    reportGate('resource limits', { checks: stats.checks })
    await t.close()
  })

  async function credentialFor(op: Operation): Promise<Record<string, string>> {
    if (op.permission === 'public') return {}
    if (op.permission === 'operator') return { authorization: `Bearer ${t.operatorKey}` }
    return { authorization: `Bearer ${await sessionFor(t.db, USER, t.clock.now())}` }
  }

  for (const op of operations().filter(
    (o) => o.body && o.body.mediaType !== 'multipart/form-data',
  )) {
    test(`${op.name}: a body over 1 MB → 413 problem+json, and nothing is stored`, async () => {
      stats.checks++
      const { path, headers } = sampleValidRequest(op, seed++)
      const eventsBefore = await t.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      const response = await t.app.request(path, {
        method: op.method,
        headers: { ...headers, ...(await credentialFor(op)), 'content-type': 'application/json' },
        body: JSON.stringify({ padding: 'x'.repeat(1_100_000) }),
      })
      assert.equal(response.status, 413)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
      const eventsAfter = await t.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      assert.equal(Number(eventsAfter.n), Number(eventsBefore.n))
    })
  }

  /** Files under the document store's folder: an upload refused must leave none behind. */
  function storedFiles(): number {
    const settings = t.config.documentStore
    if (settings.kind !== 'filesystem' || !existsSync(settings.dir)) return 0
    return readdirSync(settings.dir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length
  }

  /**
   * Real IDs of the user's own for an upload's path (a case still open to
   * files), so the request reaches the body and its limit instead of a 404.
   */
  async function ownPathIds(op: Operation): Promise<Record<string, string>> {
    const headers = await credentialFor(op)
    if (op.permission === 'operator') return {}
    const open = new Set(
      (await t.db.selectFrom('cases').select('id').where('status', '!=', 'closed').execute()).map(
        (row) => row.id,
      ),
    )
    const known = idsForParams(op, await harvestIds(t.app, headers))
    return Object.fromEntries(
      Object.entries(known).flatMap(([param, ids]) => {
        const id = ids.find((candidate) => open.has(candidate)) ?? ids[0]
        return id ? [[param, id]] : []
      }),
    )
  }

  // Uploads stream their bodies and have their own, larger limit: each is sent
  // a valid request whose file is one byte over it — once announced by
  // Content-Length (refused before it is read), once streamed without one
  // (refused when the count passes the limit).
  for (const op of operations().filter((o) => o.body?.mediaType === 'multipart/form-data')) {
    for (const framing of ['with Content-Length', 'streamed, no Content-Length'] as const) {
      test(`${op.name}: an upload over PORTICO_UPLOAD_LIMIT_BYTES (${framing}) → 413, nothing stored`, async () => {
        stats.checks++
        const { path, headers } = sampleValidRequest(op, seed++, await ownPathIds(op))
        const account = await t.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()
        const schema = op.body!.schema
        const body: Record<string, unknown> = {}
        for (const name of schema.required ?? []) {
          const property = schema.properties![name]!
          body[name] = isFileProperty(property)
            ? `%PDF-1.7\n${'x'.repeat(t.config.uploadLimitBytes)}`
            : name === 'accountId'
              ? account.id
              : (property.enum?.[0] ?? `gate-${seed}`)
        }
        const text = bodyText(op, body)!
        const before = {
          events: await count('events'),
          documents: await count('documents'),
          attachments: await count('case_attachments'),
          files: storedFiles(),
        }
        const response = await t.app.request(path, {
          method: op.method,
          headers: { ...headers, ...(await credentialFor(op)) },
          ...(framing === 'with Content-Length'
            ? { body: text }
            : { body: new Blob([text]).stream(), duplex: 'half' }),
        } as RequestInit)
        assert.equal(response.status, 413, await response.clone().text())
        assert.equal(response.headers.get('content-type'), 'application/problem+json')
        assert.deepEqual(
          {
            events: await count('events'),
            documents: await count('documents'),
            attachments: await count('case_attachments'),
            files: storedFiles(),
          },
          before,
        )
      })
    }
  }

  async function count(
    table: 'events' | 'documents' | 'case_attachments' | 'orders',
    db = t.db,
  ): Promise<number> {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  for (const op of listOperations()) {
    test(`${op.name}: limit is capped at its documented maximum`, async () => {
      stats.checks++
      const max = op.parameters.find((p) => p.name === 'limit')?.schema.maximum
      assert.ok(max && max <= 100, `${op.name} documents no limit cap ≤ 100`)
      const credential = await credentialFor(op)
      const over = await t.app.request(`${op.path}?limit=${max + 1}`, { headers: credential })
      assert.equal(over.status, 400)
      const at = await t.app.request(`${op.path}?limit=${max}`, { headers: credential })
      assert.equal(at.status, 200)
      assert.ok(((await at.json()) as { data: unknown[] }).data.length <= max)
    })
  }

  test('embed-session minting is rate-limited per operator key, with Retry-After', async () => {
    stats.checks++
    const mint = (n: number) =>
      t.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${t.operatorKey}`,
          'idempotency-key': `rl-${n}`,
        },
        body: JSON.stringify({ email: USER, allowedOrigins: ['https://intranet.example'] }),
      })
    for (let n = 0; n < 3; n++) assert.equal((await mint(n)).status, 201)
    const limited = await mint(3)
    assert.equal(limited.status, 429)
    assert.ok(Number(limited.headers.get('retry-after')) > 0)
    t.clock.advance(61_000)
    assert.equal((await mint(4)).status, 201)
  })

  test('sign-in failures are rate-limited, with Retry-After', async () => {
    stats.checks++
    let last: Response | undefined
    for (let n = 0; n <= t.config.loginMaxFailures; n++) {
      last = await t.app.request('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@cascadefab.com', password: `wrong-${n}` }),
      })
    }
    assert.equal(last?.status, 429)
    assert.ok(Number(last?.headers.get('retry-after')) > 0)
  })

  for (const op of operations().filter((o) => o.permission !== 'public')) {
    test(`${op.name}: CORS never answers a foreign origin, never with a wildcard`, async () => {
      stats.checks++
      const { path, headers, body } = sampleValidRequest(op, seed++)
      const response = await t.app.request(path, {
        method: op.method,
        headers: { ...headers, ...(await credentialFor(op)), origin: 'https://evil.example' },
        body: bodyText(op, body),
      })
      assert.equal(response.headers.get('access-control-allow-origin'), null)
      const preflight = await t.app.request(path, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': op.method },
      })
      assert.equal(preflight.headers.get('access-control-allow-origin'), null)
    })
  }

  test('the portal pages carry a strict Content-Security-Policy', async () => {
    stats.checks++
    const dir = mkdtempSync(join(tmpdir(), 'portico-shell-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Portal</title>')
    const portal = await createTestApp({ PORTICO_SHELL_DIR: dir })
    try {
      for (const path of ['/', '/invoices/inv_01jd4h7c2m8x3v9q5t6w2n4k8r']) {
        const response = await portal.app.request(path)
        assert.equal(response.status, 200, path)
        const csp = response.headers.get('content-security-policy') ?? ''
        assert.match(csp, /script-src 'self'(;|$)/)
        assert.match(csp, /frame-ancestors 'none'/)
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
      }
    } finally {
      await portal.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a client that sends its headers too slowly is cut off (slow loris)', async () => {
    stats.checks++
    const server = await startTestServer({
      env: { PORTICO_HEADERS_TIMEOUT_MS: '500', PORTICO_REQUEST_TIMEOUT_MS: '1000' },
    })
    try {
      const { port } = new URL(server.baseUrl)
      const started = Date.now()
      let answer = ''
      const closedAfter = await new Promise<number>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write('GET /v1/me HTTP/1.1\r\nHost: localhost\r\n'),
        )
        // Never finish the headers; the server must give up on us.
        socket.on('data', (chunk) => (answer += chunk.toString()))
        socket.on('close', () => resolve(Date.now() - started))
        socket.on('error', reject)
        setTimeout(() => {
          socket.destroy()
          reject(new Error('the server kept a slow client open for 5 s'))
        }, 5_000).unref()
      })
      assert.ok(closedAfter < 3_000, `closed after ${closedAfter} ms`)
      assert.match(answer, /^HTTP\/1\.1 408/)
    } finally {
      await server.close()
    }
  })

  // Over a socket the declared Content-Length is the size (Node's parser
  // reads exactly that many bytes), so a body within it is read straight from
  // the socket; one over it is refused before it is read, and a chunked body
  // is counted as it streams.
  test('over a socket: a body over 1 MB → 413 with or without Content-Length; one within it is placed, and replayed byte for byte', async () => {
    stats.checks++
    const server = await startTestServer()
    try {
      const token = await sessionFor(
        server.db,
        'einkauf@brandt-maschinenbau.de',
        server.clock.now(),
      )
      const catalog = (await (
        await fetch(`${server.baseUrl}/v1/catalog?limit=1`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { data: Array<{ id: string; minOrderQuantity: number }> }
      const product = catalog.data[0]!
      const orders = () => count('orders', server.db)
      const before = await orders()
      const post = (
        key: string,
        body: string | ReadableStream,
        extra: Record<string, string> = {},
      ) =>
        fetch(`${server.baseUrl}/v1/orders`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
            ...extra,
          },
          body,
          duplex: 'half',
        } as RequestInit)
      const oversized = JSON.stringify({ padding: 'x'.repeat(1_100_000) })
      for (const body of [oversized, new Blob([oversized]).stream()]) {
        const refused = await post(`big-${seed++}`, body)
        assert.equal(refused.status, 413)
        assert.equal(refused.headers.get('content-type'), 'application/problem+json')
      }
      const order = JSON.stringify({
        lines: [{ productId: product.id, quantity: product.minOrderQuantity }],
      })
      const placed = await post('socket-order', order)
      assert.equal(placed.status, 201, await placed.clone().text())
      const replayed = await post('socket-order', order)
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true')
      assert.equal(await replayed.text(), await placed.text())
      assert.equal(await orders(), before + 1)
    } finally {
      await server.close()
    }
  })
})
