import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestServer } from '@portico/api/testing'
import { createPortalClient, unwrap, type PortalApiError, type PortalEvent } from './index.js'

type TestServer = Awaited<ReturnType<typeof startTestServer>>

async function until(condition: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Signs in through the API and returns the session token. */
async function tokenFor(server: TestServer, email: string): Promise<string> {
  const anonymous = createPortalClient({ baseUrl: server.baseUrl })
  const session = await unwrap(
    anonymous.POST('/v1/auth/login', { body: { email, password: 'portico-demo' } }),
  )
  return session.token
}

let written = 0
/** Writes one event straight to the events table, as a service's transaction would. */
async function append(server: TestServer, accountId: string, type: string) {
  const id = `evt_sdktest${String(++written).padStart(17, '0')}`
  await server.db
    .insertInto('events')
    .values({
      id,
      account_id: accountId,
      type,
      subject_id: null,
      data: JSON.stringify({ n: written }),
      created_at: new Date().toISOString(),
    })
    .execute()
  return id
}

describe('portal.events.subscribe against the real API', () => {
  let server: TestServer
  let token: string
  let accountId: string

  before(async () => {
    // Streams end after a second, as a proxy or a restart would end them.
    server = await startTestServer({ env: { PORTICO_EVENTS_STREAM_MAX_SECONDS: '1' } })
    token = await tokenFor(server, 'ap@cascadefab.com')
    const portal = createPortalClient({ baseUrl: server.baseUrl, token })
    accountId = (await unwrap(portal.GET('/v1/me'))).account.id
  })
  after(() => server.close())

  test('delivers the account’s events, filtered by type', async () => {
    const portal = createPortalClient({ baseUrl: server.baseUrl, token })
    const received: PortalEvent[] = []
    let opened = 0
    const live = portal.events.subscribe(
      { types: ['invoice.*'], onOpen: () => opened++ },
      (event) => received.push(event),
    )
    try {
      await until(() => opened === 1, 'the stream to open')
      await append(server, accountId, 'order.shipped')
      const paid = await append(server, accountId, 'invoice.paid')
      await until(() => received.length === 1, 'the invoice event')
      assert.equal(received[0]?.id, paid)
      assert.equal(received[0]?.type, 'invoice.paid')
      assert.deepEqual(Object.keys(received[0]!.data), ['n'])
      assert.match(live.lastEventId ?? '', /^\d+$/)
    } finally {
      live.close()
    }
    assert.equal(live.closed, true)
    await until(() => server.eventHub.listenerCount === 0, 'the server to let go')
  })

  test('reconnects when the server ends the stream, and resumes without loss or repeats', async () => {
    const portal = createPortalClient({ baseUrl: server.baseUrl, token })
    const received: string[] = []
    let opened = 0
    const errors: PortalApiError[] = []
    const live = portal.events.subscribe(
      { onOpen: () => opened++, onError: (error) => errors.push(error) },
      (event) => received.push(event.id),
    )
    const sent: string[] = []
    try {
      await until(() => opened === 1, 'the stream to open')
      // ~3.5 s of writes: the server ends the stream three times meanwhile.
      const until3 = Date.now() + 3_500
      while (Date.now() < until3) {
        sent.push(await append(server, accountId, 'order.shipped'))
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      await until(() => received.length >= sent.length, 'every event', 10_000)
      assert.ok(opened >= 3, `reconnected ${opened - 1} times`)
      assert.deepEqual(received, sent)
      assert.deepEqual(errors, [], 'a stream the server ends is not an error')
    } finally {
      live.close()
    }
  })

  test('reconnects after the connection breaks mid-stream, with back-off, and resumes', async () => {
    let connections = 0
    const resumedWith: Array<string | null> = []
    // A network that cuts each connection after its second chunk.
    const flaky = async (request: Request) => {
      connections++
      resumedWith.push(request.headers.get('last-event-id'))
      const response = await fetch(request)
      if (!response.body) return response
      const reader = response.body.getReader()
      let chunks = 0
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (chunks++ === 2) {
            await reader.cancel()
            return controller.error(new TypeError('connection reset'))
          }
          const { done, value } = await reader.read()
          if (done) controller.close()
          else controller.enqueue(value)
        },
        cancel: (reason) => reader.cancel(reason),
      })
      return new Response(body, { status: response.status, headers: response.headers })
    }
    const portal = createPortalClient({ baseUrl: server.baseUrl, token, fetch: flaky })
    const received: string[] = []
    const errors: PortalApiError[] = []
    let opened = false
    const live = portal.events.subscribe(
      { onError: (e) => errors.push(e), onOpen: () => (opened = true) },
      (event) => received.push(event.id),
    )
    const sent: string[] = []
    try {
      await until(() => opened, 'the stream to open')
      for (let n = 0; n < 6; n++) {
        sent.push(await append(server, accountId, 'invoice.created'))
        await new Promise((resolve) => setTimeout(resolve, 60))
      }
      await until(() => received.length >= sent.length, 'every event', 15_000)
      assert.deepEqual(received, sent)
      assert.ok(connections >= 2, `${connections} connections`)
      assert.ok(errors.length >= 1 && errors.every((e) => e.code === 'network_error'))
      assert.ok(
        resumedWith.slice(1).some((id) => id !== null),
        'later connections send Last-Event-ID',
      )
    } finally {
      live.close()
    }
  })

  test('resumes from a kept lastEventId: what happened meanwhile arrives first', async () => {
    const portal = createPortalClient({ baseUrl: server.baseUrl, token })
    const before = await server.eventHub.latestSeq()
    const missed = [
      await append(server, accountId, 'invoice.paid'),
      await append(server, accountId, 'payment.received'),
    ]
    const received: string[] = []
    const live = portal.events.subscribe({ lastEventId: String(before) }, (event) =>
      received.push(event.id),
    )
    try {
      await until(() => received.length === 2, 'the missed events')
      assert.deepEqual(received, missed)
    } finally {
      live.close()
    }
  })

  test('a refused credential ends the subscription and reports the problem', async () => {
    let calls = 0
    const portal = createPortalClient({
      baseUrl: server.baseUrl,
      token: 'pst_forged',
      fetch: (request) => {
        calls++
        return fetch(request)
      },
    })
    const errors: PortalApiError[] = []
    const live = portal.events.subscribe({ onError: (e) => errors.push(e) }, () => {
      assert.fail('no event for a refused credential')
    })
    await until(() => live.closed, 'the subscription to end')
    assert.equal(errors.length, 1)
    assert.equal(errors[0]?.status, 401)
    assert.equal(errors[0]?.code, 'unauthenticated')
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    assert.equal(calls, 1, 'no retry after a refusal')
  })

  test('a secret without events:read is refused with 403, from its own origin', async () => {
    const origin = 'https://intranet.cascadefab.com'
    const operator = createPortalClient({ baseUrl: server.baseUrl, token: server.operatorKey })
    const { clientSecret } = await unwrap(
      operator.POST('/v1/embed-sessions', {
        body: {
          email: 'ap@cascadefab.com',
          allowedOrigins: [origin],
          ttlSeconds: 900,
          permissions: ['invoices:read'],
        },
      }),
    )
    // What a browser on that page sends.
    const fromPage = (request: Request) => {
      const headers = new Headers(request.headers)
      headers.set('origin', origin)
      return fetch(new Request(request, { headers }))
    }
    const portal = createPortalClient({
      baseUrl: server.baseUrl,
      token: clientSecret,
      fetch: fromPage,
    })
    const errors: PortalApiError[] = []
    const live = portal.events.subscribe({ onError: (e) => errors.push(e) }, () => {})
    await until(() => live.closed, 'the subscription to end')
    assert.equal(errors[0]?.status, 403)
    assert.equal(errors[0]?.code, 'forbidden')
  })

  test('bad types are a validation problem that ends the subscription', async () => {
    const portal = createPortalClient({ baseUrl: server.baseUrl, token })
    const errors: PortalApiError[] = []
    const live = portal.events.subscribe(
      { types: ['session.created'], onError: (e) => errors.push(e) },
      () => {},
    )
    await until(() => live.closed, 'the subscription to end')
    assert.equal(errors[0]?.code, 'validation_failed')
    assert.deepEqual(
      errors[0]?.errors.map((e) => e.field),
      ['query.types'],
    )
  })

  test('aborting the signal closes the subscription and the connection', async () => {
    const portal = createPortalClient({ baseUrl: server.baseUrl, token })
    const controller = new AbortController()
    let opened = false
    const live = portal.events.subscribe(
      { signal: controller.signal, onOpen: () => (opened = true) },
      () => {},
    )
    await until(() => opened, 'the stream to open')
    await until(() => server.eventHub.listenerCount === 1, 'the server to subscribe')
    controller.abort()
    assert.equal(live.closed, true)
    await until(() => server.eventHub.listenerCount === 0, 'the server to let go')

    const already = portal.events.subscribe({ signal: AbortSignal.abort() }, () => {})
    assert.equal(already.closed, true)
  })
})
