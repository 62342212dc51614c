import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { openDatabase } from '../db/connect.js'
import { appendEvent } from '../db/events.js'
import { transaction, withTenant } from '../db/scope.js'
import { createLogger } from '../lib/logger.js'
import { createTestApp, type TestApp } from '../testing.js'
import { EventHub, type HubListener } from './event-hub.js'
import type { StoredEvent } from './stored-event.js'
import type { WakeTrigger } from './wake-trigger.js'

/** A trigger the test fires by hand, so every read is deliberate. */
function manualTrigger(): WakeTrigger & { started: boolean; fire(): void } {
  let wake: (() => void) | undefined
  return {
    started: false,
    start(w) {
      wake = w
      this.started = true
    },
    stop() {
      wake = undefined
      this.started = false
    },
    fire() {
      wake?.()
    },
  }
}

function recorder(): HubListener & { events: StoredEvent[]; closed: boolean } {
  return {
    events: [],
    closed: false,
    deliver(event) {
      this.events.push(event)
    },
    close() {
      this.closed = true
    },
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 2_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('EventHub', () => {
  let t: TestApp
  let accountA: string
  let accountB: string
  const logger = createLogger('silent')

  before(async () => {
    t = await createTestApp()
    const accounts = await t.db.selectFrom('accounts').select('id').orderBy('id').execute()
    accountA = accounts[0]!.id
    accountB = accounts[1]!.id
  })
  after(() => t.close())

  // Written as the owner (any account), read by the hub as the app role.
  const append = (accountId: string | null, type = 'invoice.paid') =>
    t.db
      .transaction()
      .execute((trx) =>
        appendEvent(trx, { accountId, type, subjectId: null, data: { n: 1 }, now: new Date() }),
      )

  test('reads only while someone listens, starting at the latest event', async () => {
    const trigger = manualTrigger()
    const hub = new EventHub({ db: t.appDb, logger, trigger })
    assert.equal(hub.polling, false)
    await append(accountA) // before anyone listens: not delivered
    const listener = recorder()
    const { position, unsubscribe } = await hub.subscribe(accountA, listener)
    assert.equal(position, await hub.latestSeq())
    assert.ok(hub.polling && trigger.started)
    trigger.fire()
    await new Promise((resolve) => setTimeout(resolve, 20))
    assert.deepEqual(listener.events, [])
    unsubscribe()
    unsubscribe() // idempotent
    assert.equal(hub.listenerCount, 0)
    assert.ok(!hub.polling && !trigger.started)
    await hub.stop()
  })

  test("fans each account's events out to that account's listeners only, in order", async () => {
    const hub = new EventHub({ db: t.appDb, logger, trigger: manualTrigger(), batchSize: 3 })
    const a1 = recorder()
    const a2 = recorder()
    const b = recorder()
    await hub.subscribe(accountA, a1)
    await hub.subscribe(accountA, a2)
    await hub.subscribe(accountB, b)
    const ids: string[] = []
    for (let n = 0; n < 10; n++) ids.push(await append(n % 2 ? accountB : accountA))
    await append(null, 'operator.note') // no account: nobody's
    hub.wake() // one wake reads every full batch until the table is drained
    await until(() => a1.events.length + b.events.length === 10, 'ten deliveries')
    assert.deepEqual(
      a1.events.map((e) => e.id),
      ids.filter((_, n) => n % 2 === 0),
    )
    assert.deepEqual(a2.events, a1.events)
    assert.deepEqual(
      b.events.map((e) => e.id),
      ids.filter((_, n) => n % 2 === 1),
    )
    const seqs = a1.events.map((e) => e.seq)
    assert.deepEqual(
      seqs,
      [...seqs].sort((x, y) => x - y),
    )
    await hub.stop()
    assert.ok(a1.closed && a2.closed && b.closed, 'stop() closes every listener')
    await assert.rejects(hub.subscribe(accountA, recorder()), /stopped/)
  })

  test('picks up events another process commits to the same database file', async () => {
    const hub = new EventHub({ db: t.appDb, logger, pollMs: 5 })
    const listener = recorder()
    await hub.subscribe(accountA, listener)
    const other = openDatabase(t.config.databaseUrl)
    try {
      const id = await withTenant(other.db, accountA, (db) =>
        transaction(db, (trx) =>
          appendEvent(trx, {
            accountId: accountA,
            type: 'order.shipped',
            subjectId: null,
            data: {},
            now: new Date(),
          }),
        ),
      )
      await until(() => listener.events.some((e) => e.id === id), 'the other handle’s event')
    } finally {
      await other.close()
      await hub.stop()
    }
  })

  test('a listener that throws does not keep the others from their events', async () => {
    const hub = new EventHub({ db: t.appDb, logger, trigger: manualTrigger() })
    await hub.subscribe(accountA, {
      deliver() {
        throw new Error('broken listener')
      },
      close() {},
    })
    const healthy = recorder()
    await hub.subscribe(accountA, healthy)
    await append(accountA)
    hub.wake()
    await until(() => healthy.events.length === 1, 'the healthy listener’s event')
    await hub.stop()
  })
})
