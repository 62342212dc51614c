import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { appendEvent } from '../../db/events.js'
import { startTestServer, signIn } from '../../testing.js'

type TestServer = Awaited<ReturnType<typeof startTestServer>>

/** One parsed SSE message: fields, or a comment. */
interface SseMessage {
  id?: string
  event?: string
  data?: string
  retry?: string
  comment?: string
}

/**
 * A bare SSE client over a real socket: every message the server sends, in
 * order, parsed the way the WHATWG spec reads them (one field per line, a
 * blank line ends a message, a line starting with `:` is a comment).
 */
async function connect(
  server: TestServer,
  headers: Record<string, string>,
  query = '',
): Promise<{
  response: Response
  messages: SseMessage[]
  /** The messages carrying an event, their `data` parsed. */
  events(): Array<{ seq: number; type: string; data: Record<string, unknown> }>
  waitFor(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>
  ended: Promise<void>
  close(): void
}> {
  const controller = new AbortController()
  const response = await fetch(`${server.baseUrl}/v1/events/stream${query}`, {
    headers,
    signal: controller.signal,
  })
  const messages: SseMessage[] = []
  let done = false
  const ended = (async () => {
    if (!response.body || response.status !== 200) return
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message: SseMessage = {}
          for (const line of buffer.slice(0, end).split('\n')) {
            if (line.startsWith(':')) message.comment = line.slice(1).trim()
            else {
              const colon = line.indexOf(':')
              const field = line.slice(0, colon) as keyof SseMessage
              message[field] = line.slice(colon + 1).replace(/^ /, '')
            }
          }
          messages.push(message)
          buffer = buffer.slice(end + 2)
        }
      }
    } catch {
      // aborted by close()
    } finally {
      done = true
    }
  })()
  const events = () =>
    messages
      .filter((m) => m.event)
      .map((m) => ({
        seq: Number(m.id),
        type: m.event!,
        data: JSON.parse(m.data!) as Record<string, unknown>,
      }))
  return {
    response,
    messages,
    events,
    ended,
    close: () => controller.abort(),
    async waitFor(condition, what, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs
      while (!condition()) {
        if (done && !condition()) throw new Error(`the stream ended before ${what}`)
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const ORIGIN = 'https://intranet.brandt-maschinenbau.de'

describe('GET /v1/events/stream', () => {
  let server: TestServer
  let brandt: { headers: Record<string, string>; accountId: string }
  let cascade: { headers: Record<string, string>; accountId: string }

  before(async () => {
    server = await startTestServer({ env: { PORTICO_EVENTS_HEARTBEAT_MS: '100' } })
    brandt = await signIn(server.app, 'admin@brandt-maschinenbau.de')
    cascade = await signIn(server.app, 'admin@cascadefab.com')
  })
  after(() => server.close())

  const append = (accountId: string, type: string, data: Record<string, unknown> = {}) =>
    server.db
      .transaction()
      .execute((trx) =>
        appendEvent(trx, { accountId, type, subjectId: null, data, now: new Date() }),
      )

  test('an account’s events reach its streams, never another account’s', async () => {
    const a = await connect(server, brandt.headers)
    const b = await connect(server, cascade.headers)
    try {
      assert.equal(a.response.status, 200)
      assert.equal(a.response.headers.get('content-type'), 'text/event-stream')
      assert.equal(a.response.headers.get('cache-control'), 'no-store')
      const forA = await append(brandt.accountId, 'invoice.paid', { invoiceId: 'inv_a' })
      const forB = await append(cascade.accountId, 'invoice.paid', { invoiceId: 'inv_b' })
      await a.waitFor(() => a.events().length === 1, 'Brandt’s event')
      await b.waitFor(() => b.events().length === 1, 'Cascade’s event')
      const [event] = a.events()
      assert.equal(event?.type, 'invoice.paid')
      assert.deepEqual(Object.keys(event!.data).sort(), [
        'createdAt',
        'data',
        'id',
        'subjectId',
        'type',
      ])
      assert.equal(event?.data.id, forA)
      assert.deepEqual(event?.data.data, { invoiceId: 'inv_a' })
      assert.equal(b.events()[0]?.data.id, forB)
      // Give a stray delivery time to show up.
      await new Promise((resolve) => setTimeout(resolve, 100))
      assert.equal(a.events().length, 1)
      assert.equal(b.events().length, 1)
    } finally {
      a.close()
      b.close()
    }
  })

  test('without Last-Event-ID a stream starts now: history is not replayed', async () => {
    const stream = await connect(server, brandt.headers)
    try {
      const marker = await append(brandt.accountId, 'order.placed')
      await stream.waitFor(() => stream.events().length > 0, 'the marker')
      assert.deepEqual(
        stream.events().map((e) => e.data.id),
        [marker],
      )
    } finally {
      stream.close()
    }
  })

  test('events nobody may stream (sign-ins, embed sessions) never leave the server', async () => {
    const stream = await connect(server, brandt.headers)
    try {
      await signIn(server.app, 'einkauf@brandt-maschinenbau.de') // appends session.created
      await append(brandt.accountId, 'embed_session.created')
      await append(brandt.accountId, 'invoicing.secret') // a lookalike noun
      const marker = await append(brandt.accountId, 'order.placed')
      await stream.waitFor(() => stream.events().length > 0, 'the marker')
      assert.deepEqual(
        stream.events().map((e) => [e.type, e.data.id]),
        [['order.placed', marker]],
      )
    } finally {
      stream.close()
    }
  })

  test('a secret without invoices:read or payments:read gets no invoice or payment events; CORS allows its origin', async () => {
    const minted = await server.app.request('/v1/embed-sessions', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.operatorKey}`,
        'content-type': 'application/json',
        'idempotency-key': 'events-narrowed-viewer',
      },
      body: JSON.stringify({
        email: 'viewer@brandt-maschinenbau.de',
        allowedOrigins: [ORIGIN],
        permissions: ['events:read', 'orders:read'],
      }),
    })
    assert.equal(minted.status, 201, await minted.clone().text())
    const { clientSecret } = (await minted.json()) as { clientSecret: string }
    const stream = await connect(server, {
      authorization: `Bearer ${clientSecret}`,
      origin: ORIGIN,
    })
    try {
      assert.equal(stream.response.status, 200)
      assert.equal(stream.response.headers.get('access-control-allow-origin'), ORIGIN)
      await append(brandt.accountId, 'invoice.created')
      await append(brandt.accountId, 'payment.received')
      const shipped = await append(brandt.accountId, 'order.shipped')
      await stream.waitFor(() => stream.events().length > 0, 'the order event')
      await new Promise((resolve) => setTimeout(resolve, 50))
      assert.deepEqual(
        stream.events().map((e) => [e.type, e.data.id]),
        [['order.shipped', shipped]],
      )
    } finally {
      stream.close()
    }

    const foreign = await fetch(`${server.baseUrl}/v1/events/stream`, {
      headers: { authorization: `Bearer ${clientSecret}`, origin: 'https://evil.example' },
    })
    assert.equal(foreign.status, 401)
    assert.equal(foreign.headers.get('access-control-allow-origin'), null)
  })

  test('?types= streams only the listed types and nouns', async () => {
    const stream = await connect(server, brandt.headers, '?types=order.shipped,invoice.*')
    try {
      await append(brandt.accountId, 'order.placed')
      const shipped = await append(brandt.accountId, 'order.shipped')
      const paid = await append(brandt.accountId, 'invoice.paid')
      await append(brandt.accountId, 'payment.received')
      const voided = await append(brandt.accountId, 'invoice.voided')
      await stream.waitFor(() => stream.events().length === 3, 'three events')
      assert.deepEqual(
        stream.events().map((e) => e.data.id),
        [shipped, paid, voided],
      )
    } finally {
      stream.close()
    }
  })

  for (const [label, query, headers, field] of [
    ['a type nobody may stream', '?types=session.created', {}, 'query.types'],
    [
      'more than 20 types',
      `?types=${Array(21).fill('order.shipped').join(',')}`,
      {},
      'query.types',
    ],
    ['an empty type', '?types=order.shipped,', {}, 'query.types'],
    ['a malformed lastEventId', '?lastEventId=12a', {}, 'query.lastEventId'],
    ['an unknown parameter', '?since=12', {}, 'query'],
    ['a malformed Last-Event-ID', '', { 'last-event-id': 'evt_1' }, 'header.last-event-id'],
  ] as const) {
    test(`${label} is a 400 problem naming the field`, async () => {
      const response = await fetch(`${server.baseUrl}/v1/events/stream${query}`, {
        headers: { ...brandt.headers, ...headers },
      })
      assert.equal(response.status, 400)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
      const problem = (await response.json()) as { code: string; errors: Array<{ field: string }> }
      assert.equal(problem.code, 'validation_failed')
      assert.ok(
        problem.errors.some((e) => e.field.startsWith(field)),
        JSON.stringify(problem.errors),
      )
    })
  }

  test('no credential is 401', async () => {
    const response = await fetch(`${server.baseUrl}/v1/events/stream`)
    assert.equal(response.status, 401)
  })

  test('a heartbeat comment arrives while nothing happens', async () => {
    const stream = await connect(server, brandt.headers)
    try {
      await stream.waitFor(() => stream.messages.length > 0, 'the first message')
      assert.deepEqual(
        stream.messages[0],
        { retry: '1000' },
        'the stream opens with its retry delay',
      )
      await stream.waitFor(
        () => stream.messages.some((m) => m.comment === 'keep-alive'),
        'a heartbeat',
        1_000,
      )
    } finally {
      stream.close()
    }
  })

  test('a disconnected client releases its subscription, and the hub stops reading', async () => {
    await until(() => server.eventHub.listenerCount === 0, 'earlier streams to go')
    const streams = await Promise.all([
      connect(server, brandt.headers),
      connect(server, cascade.headers),
    ])
    assert.equal(server.eventHub.listenerCount, 2)
    assert.equal(server.eventHub.polling, true)
    for (const stream of streams) stream.close()
    await until(() => server.eventHub.listenerCount === 0, 'the subscriptions to go')
    assert.equal(server.eventHub.polling, false)
  })

  test('Last-Event-ID resumes across reconnects while events keep coming: nothing missed, nothing twice', async () => {
    const start = await server.eventHub.latestSeq()
    let writing = true
    const writer = (async () => {
      for (let n = 0; n < 400 && writing; n++) {
        await append(brandt.accountId, n % 3 ? 'invoice.paid' : 'order.shipped', { n })
        if (n % 4 === 0) await append(cascade.accountId, 'invoice.paid', { n }) // not ours
        if (n % 5 === 0) await append(brandt.accountId, 'session.created', { n }) // never streamed
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    })()

    const received: number[] = []
    let lastEventId = String(start)
    try {
      // Five connections, each dropped after a few events (or right after
      // opening), resuming from the last id it saw.
      for (const take of [20, 1, 35, 0, 50]) {
        const stream = await connect(server, { ...brandt.headers, 'last-event-id': lastEventId })
        assert.equal(stream.response.status, 200)
        await stream.waitFor(() => stream.events().length >= take, `${take} events`)
        stream.close()
        await stream.ended
        for (const event of stream.events()) received.push(event.seq)
        if (received.length) lastEventId = String(received[received.length - 1])
      }
      // The last one stays until the writer is done and it has everything.
      await writer
      writing = false
      const stream = await connect(server, brandt.headers, `?lastEventId=${lastEventId}`)
      const expected = (
        await server.db
          .selectFrom('events')
          .select('seq')
          .where('account_id', '=', brandt.accountId)
          .where('seq', '>', start)
          .where('type', 'in', ['invoice.paid', 'order.shipped'])
          .orderBy('seq')
          .execute()
      ).map((row) => Number(row.seq))
      const last = expected[expected.length - 1]!
      await stream.waitFor(
        () => stream.events().some((e) => e.seq === last),
        'the last event',
        10_000,
      )
      stream.close()
      for (const event of stream.events()) received.push(event.seq)
      assert.equal(new Set(received).size, received.length, 'no event twice')
      assert.deepEqual(received, expected, 'every event, in order')
    } finally {
      writing = false
      await writer
    }
  })

  test('an id beyond the end of the log (another database) starts the stream now', async () => {
    const stream = await connect(server, { ...brandt.headers, 'last-event-id': '999999999' })
    try {
      const marker = await append(brandt.accountId, 'order.placed')
      await stream.waitFor(() => stream.events().length > 0, 'the marker')
      assert.equal(stream.events()[0]?.data.id, marker)
    } finally {
      stream.close()
    }
  })
})

describe('event streams end, and clients resume', () => {
  let server: TestServer
  let brandt: { headers: Record<string, string>; accountId: string }

  before(async () => {
    server = await startTestServer({ env: { PORTICO_EVENTS_STREAM_MAX_SECONDS: '1' } })
    brandt = await signIn(server.app, 'admin@brandt-maschinenbau.de')
  })
  after(() => server.close())

  test('a stream ends after its lifetime, so the credential is checked again on resume', async () => {
    const stream = await connect(server, brandt.headers)
    const started = Date.now()
    await stream.ended
    const lived = Date.now() - started
    assert.ok(lived >= 850 && lived < 2_000, `lived ${lived} ms`)
    await until(() => server.eventHub.listenerCount === 0, 'the subscription to go')
  })

  test('stopping the hub (shutdown) ends every stream', async () => {
    const stream = await connect(server, brandt.headers)
    assert.equal(server.eventHub.listenerCount, 1)
    await server.eventHub.stop()
    await stream.ended
    assert.equal(server.eventHub.listenerCount, 0)
  })
})
