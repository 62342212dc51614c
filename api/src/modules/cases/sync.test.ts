import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { CaseConnector, CaseOutboxEvent } from '../../connectors/crm/case-connector.js'
import { builtInCaseConnector } from '../../connectors/crm/built-in.js'
import { PermanentDeliveryError } from '../../connectors/erp/erp-connector.js'
import { CRM_CONSUMER } from '../../db/outbox.js'
import { withTenant } from '../../db/scope.js'
import { permissionsOf } from '../../http/permissions.js'
import { caseDeliveryConnector } from '../../jobs/case-sync.js'
import { createOutboxWorker } from '../../jobs/outbox-worker.js'
import { createLogger } from '../../lib/logger.js'
import { createTestApp, type TestApp } from '../../testing.js'
import { addCustomerComment, createCase, type CaseContext } from './service.js'

/**
 * A CRM that is "down": it accepts every change and has it only when the
 * outbox delivers — the path a remote connector takes when it cannot write
 * at once (see connectors/crm/case-connector.ts).
 */
function acceptingCrm(refuse = false) {
  const delivered: CaseOutboxEvent[] = []
  const connector: CaseConnector = {
    ...builtInCaseConnector,
    name: 'test-crm',
    createCase: async () => ({ state: 'accepted' }),
    addComment: async () => ({ state: 'accepted' }),
    async deliver(_ctx, event) {
      if (refuse) throw new PermanentDeliveryError('the CRM refused the case')
      delivered.push(event)
      return { externalId: '500Qy00000ABCDE' }
    },
  }
  return { connector, delivered }
}

describe('a case the CRM accepted but does not have yet', () => {
  let t: TestApp
  let accountId: string
  let userId: string

  before(async () => {
    t = await createTestApp()
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'account_id'])
      .where('email', '=', 'einkauf@brandt-maschinenbau.de')
      .executeTakeFirstOrThrow()
    accountId = user.account_id
    userId = user.id
  })
  after(() => t.close())

  const asCustomer = <T>(connector: CaseConnector, fn: (ctx: CaseContext) => Promise<T>) =>
    withTenant(t.appDb, accountId, (db) =>
      fn({
        db,
        accountId,
        userId,
        permissions: new Set(permissionsOf('buyer')),
        clock: t.clock,
        secret: t.config.secret,
        connector,
        sla: t.config,
      }),
    )
  const worker = (connector: CaseConnector) =>
    createOutboxWorker({
      db: t.appDb,
      connector: caseDeliveryConnector(t.appDb, connector, t.clock),
      consumer: CRM_CONSUMER,
      clock: t.clock,
      logger: createLogger('silent'),
      maxAttempts: 3,
    })
  const input = {
    subject: 'Please send the certificate',
    description: 'For batch B-7.',
    category: 'question' as const,
    priority: 'normal' as const,
  }

  test('is stored syncing, queued for the CRM, then synced with its ID and case.synced', async () => {
    const crm = acceptingCrm()
    const created = await asCustomer(crm.connector, (ctx) => createCase(ctx, input))
    assert.equal(created.syncStatus, 'syncing')
    await asCustomer(crm.connector, (ctx) => addCustomerComment(ctx, created.id, 'Any news?'))
    const queued = await t.db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .select(['e.type', 'd.state'])
      .where('d.consumer', '=', CRM_CONSUMER)
      .where('e.subject_id', '=', created.id)
      .orderBy('e.seq')
      .execute()
    assert.deepEqual(queued, [
      { type: 'case.created', state: 'pending' },
      { type: 'case.commented', state: 'pending' },
    ])

    const outbox = worker(crm.connector)
    await outbox.runOnce()
    const row = () =>
      t.db
        .selectFrom('cases')
        .select(['sync_status', 'external_id'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow()
    // In order; the case is synced (and says so, once) only when its last change is delivered.
    assert.deepEqual(
      crm.delivered.map((e) => e.type),
      ['case.created', 'case.commented'],
    )
    assert.deepEqual(await row(), { sync_status: 'synced', external_id: '500Qy00000ABCDE' })
    const synced = await t.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'case.synced')
      .where('subject_id', '=', created.id)
      .execute()
    assert.equal(synced.length, 1)
    assert.equal(JSON.parse(synced[0]!.data).caseId, created.id)
  })

  test('a CRM that refuses for good leaves the case failed and the delivery dead', async () => {
    const crm = acceptingCrm(true)
    const created = await asCustomer(crm.connector, (ctx) => createCase(ctx, input))
    await worker(crm.connector).runOnce()
    const row = await t.db
      .selectFrom('cases')
      .select('sync_status')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.sync_status, 'failed')
    const delivery = await t.db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .select('d.state')
      .where('e.subject_id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.equal(delivery.state, 'dead')
  })
})
