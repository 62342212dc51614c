import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js'
import { newId } from '../src/lib/ids.js'
import { startChildServer, type ChildServer } from '../src/testing/child-server.js'
import { TEMPLATE_ENV, testDatabaseFromTemplate } from '../src/testing/postgres.js'

// Replicas share a PostgreSQL database; SQLite is one process by design.
const onPostgres = Boolean(process.env[TEMPLATE_ENV])
const SECRET = 'replica-test-secret-not-for-production-0123456789'
const OUTBOX_ITEMS = 1_000

/** A stand-in ERP that records every delivery, and which replica made it (by path). */
function recordingErp() {
  const deliveries: Array<{ replica: string; eventId: string }> = []
  const server: Server = createServer((request: IncomingMessage, response) => {
    request.resume()
    request.on('end', () => {
      deliveries.push({
        replica: request.url!.split('/')[1]!,
        eventId: String(request.headers['webhook-id']),
      })
      response.writeHead(201).end('{}')
    })
  })
  return {
    deliveries,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('two API replicas on one database', { skip: !onPostgres && 'SQLite run' }, () => {
  let database: Awaited<ReturnType<typeof testDatabaseFromTemplate>>
  let owner: DatabaseHandle
  const erp = recordingErp()
  const replicas: ChildServer[] = []

  before(async () => {
    database = await testDatabaseFromTemplate(process.env[TEMPLATE_ENV]!)
    owner = openDatabase(database.ownerUrl, { poolSize: 2 })
    const erpUrl = await erp.listen()
    for (const name of ['r1', 'r2']) {
      replicas.push(
        await startChildServer({
          name,
          script: 'src/server.ts',
          env: {
            NODE_ENV: 'production',
            DATABASE_URL: database.appUrl,
            DATABASE_MIGRATION_URL: database.ownerUrl,
            PORTICO_SECRET: SECRET,
            PORTICO_ERP_URL: `${erpUrl}/${name}`,
            LOG_LEVEL: 'error',
            HOST: '127.0.0.1',
            PORT: '0',
          },
          ready: /running at http:\/\/localhost:(\d+)/,
        }),
      )
    }
  })
  after(async () => {
    await Promise.all(replicas.map((r) => r.stop()))
    await erp.close()
    await owner?.close()
    await database?.drop()
  })

  test('an event caused on replica 2 reaches a stream on replica 1 within 200 ms', async () => {
    const [r1, r2] = replicas as [ChildServer, ChildServer]
    const login = await fetch(`${r1.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'einkauf@brandt-maschinenbau.de', password: 'portico-demo' }),
    })
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `Bearer ${token}` }
    const catalog = (await (
      await fetch(`${r2.url}/v1/catalog?limit=5`, { headers: auth })
    ).json()) as {
      data: Array<{ id: string; minOrderQuantity: number }>
    }

    const stream = new AbortController()
    const response = await fetch(`${r1.url}/v1/events/stream?types=order.placed`, {
      headers: auth,
      signal: stream.signal,
    })
    assert.equal(response.status, 200)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    const arrived = new Map<string, number>()
    const reading = (async () => {
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: '', done: true }))
        if (done) return
        buffer += value
        for (const match of buffer.matchAll(/"orderId":"(ord_\w+)"/g)) {
          if (!arrived.has(match[1]!)) arrived.set(match[1]!, performance.now())
        }
      }
    })()

    try {
      const latencies: number[] = []
      const endToEnd: number[] = []
      for (let i = 0; i < 5; i++) {
        const sentAt = performance.now()
        const placed = await fetch(`${r2.url}/v1/orders`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `rep-${i}` },
          body: JSON.stringify({
            lines: [
              { productId: catalog.data[i]!.id, quantity: catalog.data[i]!.minOrderQuantity },
            ],
          }),
        })
        // The 201 leaves replica 2 after COMMIT: the event exists from then on.
        // (It often reaches the stream before the 201 is read: 0 ms.)
        const committedBy = performance.now()
        assert.equal(placed.status, 201, await placed.clone().text())
        const { id } = (await placed.json()) as { id: string }
        while (!arrived.has(id) && performance.now() - committedBy < 2_000) {
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
        assert.ok(arrived.has(id), `order ${id} never reached replica 1's stream`)
        latencies.push(Math.max(0, arrived.get(id)! - committedBy))
        endToEnd.push(arrived.get(id)! - sentAt)
      }
      const worst = Math.max(...latencies)
      process.stdout.write(
        `# replica 2's 201 → event on replica 1's stream: ${latencies.map((l) => l.toFixed(1)).join(', ')} ms` +
          ` (from sending the order: ${endToEnd.map((l) => l.toFixed(1)).join(', ')} ms)\n`,
      )
      assert.ok(worst <= 200, `an event took ${worst.toFixed(1)} ms to cross replicas`)
    } finally {
      stream.abort()
      await reading
    }
  })

  test(`${OUTBOX_ITEMS} outbox items drained by both replicas' workers are delivered exactly once each`, async () => {
    const before = erp.deliveries.length
    const [account] = await owner.db.selectFrom('accounts').select('id').limit(1).execute()
    const now = new Date()
    // Written as the owner in one transaction: the workers see all at once.
    const eventIds = await owner.db.transaction().execute(async (trx) => {
      const ids: string[] = []
      for (let i = 0; i < OUTBOX_ITEMS; i += 100) {
        const rows = Array.from({ length: Math.min(100, OUTBOX_ITEMS - i) }, () => {
          const orderId = newId('ord')
          return { id: newId('evt'), orderId }
        })
        await trx
          .insertInto('events')
          .values(
            rows.map((r) => ({
              id: r.id,
              account_id: account!.id,
              type: 'order.placed',
              subject_id: r.orderId,
              data: JSON.stringify({ orderId: r.orderId }),
              created_at: now.toISOString(),
            })),
          )
          .execute()
        await trx
          .insertInto('outbox_deliveries')
          .values(
            rows.map((r) => ({
              event_id: r.id,
              consumer: 'erp',
              account_id: account!.id,
              state: 'pending' as const,
              attempts: 0,
              next_attempt_at: now.toISOString(),
              claimed_until: null,
              last_error: null,
              delivered_at: null,
              created_at: now.toISOString(),
            })),
          )
          .execute()
        ids.push(...rows.map((r) => r.id))
      }
      return ids
    })

    const expected = new Set(eventIds)
    const deadline = Date.now() + 60_000
    const ours = () => erp.deliveries.slice(before).filter((d) => expected.has(d.eventId))
    while (new Set(ours().map((d) => d.eventId)).size < OUTBOX_ITEMS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // A little longer: a duplicate would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const delivered = ours()
    const perEvent = new Map<string, number>()
    for (const d of delivered) perEvent.set(d.eventId, (perEvent.get(d.eventId) ?? 0) + 1)
    const byReplica = { r1: 0, r2: 0 } as Record<string, number>
    for (const d of delivered) byReplica[d.replica] = (byReplica[d.replica] ?? 0) + 1
    process.stdout.write(
      `# outbox of ${OUTBOX_ITEMS}: r1 delivered ${byReplica.r1}, r2 ${byReplica.r2}\n`,
    )
    assert.equal(perEvent.size, OUTBOX_ITEMS, 'every item delivered')
    assert.deepEqual(
      [...perEvent].filter(([, n]) => n > 1),
      [],
      'no item delivered twice',
    )
    assert.ok(byReplica.r1! > 0 && byReplica.r2! > 0, 'both drained')
    const pending = await owner.db
      .selectFrom('outbox_deliveries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('event_id', 'in', eventIds)
      .where('state', '!=', 'delivered')
      .executeTakeFirstOrThrow()
    assert.equal(Number(pending.n), 0)
  })
})
