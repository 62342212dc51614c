import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { createLogger } from '../lib/logger.js'
import { slaDueTimes } from '../modules/cases/sla.js'
import { startSalesforceTestApp, type SalesforceTestApp } from '../testing/salesforce-app.js'
import { markSlaBreaches } from './case-sla.js'
import { createCrmReconcile } from './crm-reconcile.js'

const SECRET = 'whsec_c2FsZXNmb3JjZS10ZXN0LXNlY3JldC0xMjM0NTY3OA=='

describe('the reconcile of what agents changed in Salesforce', () => {
  let s: SalesforceTestApp
  let reconcile: ReturnType<typeof createCrmReconcile>
  const newReconcile = () =>
    createCrmReconcile({
      db: s.t.appDb,
      connector: s.connector,
      sla: s.t.config,
      clock: s.t.clock,
      logger: createLogger('silent'),
    })

  before(async () => {
    s = await startSalesforceTestApp({ SALESFORCE_WEBHOOK_SECRET: SECRET })
    reconcile = newReconcile()
  })
  after(() => s.close())
  beforeEach(async () => {
    s.sf.down = false
    // Every earlier change read: each test counts only its own.
    await reconcile.reconcileOnce()
  })

  const eventsOf = (caseId: string, type: string) =>
    s.t.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('subject_id', '=', caseId)
      .where('type', '=', type)
      .execute()

  test('priority, subject and description an agent changed reach the portal once', async () => {
    const created = await s.raise('Pump leaks')
    await reconcile.reconcileOnce()
    s.sf.put('Case', {
      Id: s.caseRecord(created.id).Id,
      Priority: 'High',
      Subject: 'Pump leaks at the seal',
      Description: 'Seal kit ordered.',
    })
    assert.equal(await reconcile.reconcileOnce(), 1)
    const thread = await s.thread(created.id)
    assert.equal(thread.priority, 'high')
    assert.equal(thread.subject, 'Pump leaks at the seal')
    assert.equal(thread.description, 'Seal kit ordered.')
    const updates = await eventsOf(created.id, 'case.updated')
    assert.equal(updates.length, 1)
    assert.deepEqual((JSON.parse(updates[0]!.data) as { changed: string[] }).changed, [
      'priority',
      'subject',
      'description',
    ])
    assert.equal(await reconcile.reconcileOnce(), 0, 'nothing applies twice')
    assert.equal(await newReconcile().reconcileOnce(), 0, 'nor after a restart re-reads it')
    assert.equal((await eventsOf(created.id, 'case.updated')).length, 1)
  })

  test('a priority an agent changed moves the running SLA clocks to its targets', async () => {
    const created = await s.raise('Gauge drifts')
    const before = await s.thread(created.id)
    assert.equal(before.priority, 'normal')
    await reconcile.reconcileOnce()
    s.sf.put('Case', { Id: s.caseRecord(created.id).Id, Priority: 'High' })
    assert.equal(await reconcile.reconcileOnce(), 1)
    const after = await s.thread(created.id)
    const high = slaDueTimes(s.t.config, 'high', new Date(before.createdAt))
    assert.equal(after.firstResponseDueAt, high.firstResponseDueAt)
    assert.equal(after.resolutionDueAt, high.resolutionDueAt)
    assert.ok(
      after.resolutionDueAt! < before.resolutionDueAt!,
      'an escalation shortens the time left',
    )
  })

  test('an urgent case Salesforce holds as High stays urgent', async () => {
    const response = await s.post('/v1/cases', {
      subject: 'Line stopped',
      description: 'Nothing moves.',
      category: 'maintenance',
      priority: 'urgent',
    })
    const created = (await response.json()) as { id: string }
    assert.equal(s.caseRecord(created.id).Priority, 'High')
    s.sf.put('Case', { Id: s.caseRecord(created.id).Id, Subject: 'Line 2 stopped' })
    assert.equal(await reconcile.reconcileOnce(), 1)
    const thread = await s.thread(created.id)
    assert.equal(thread.priority, 'urgent')
    assert.equal(thread.subject, 'Line 2 stopped')
  })

  test('an agent’s published comment arrives once; internal notes and Portico’s own comments do not', async () => {
    const created = await s.raise('Certificate missing')
    const parentId = s.caseRecord(created.id).Id
    const mine = await s.post(`/v1/cases/${created.id}/comments`, { body: 'For batch B-7.' })
    assert.equal(mine.status, 201)
    const ana = s.sf.put('User', { Name: 'Ana Agent' })
    const answer = s.sf.put('CaseComment', {
      ParentId: parentId,
      CommentBody: 'Attached to the delivery note.',
      IsPublished: true,
      CreatedById: ana.Id,
    })
    s.sf.put('CaseComment', {
      ParentId: parentId,
      CommentBody: 'Customer asked twice already.',
      IsPublished: false,
      CreatedById: ana.Id,
    })
    s.t.clock.advance(60_000)
    assert.equal(await reconcile.reconcileOnce(), 1)
    const thread = await s.thread(created.id)
    assert.deepEqual(
      thread.comments.map((c) => [c.author.kind, c.author.name, c.body]),
      [
        ['customer', thread.comments[0]!.author.name, 'For batch B-7.'],
        ['agent', 'Ana Agent', 'Attached to the delivery note.'],
      ],
    )
    assert.equal(thread.status, 'open', 'an agent’s first answer opens the case')
    assert.equal(await reconcile.reconcileOnce(), 0)
    assert.equal(await newReconcile().reconcileOnce(), 0, 'a restart re-reads, adds nothing')

    // The same comment from Salesforce's flow, under its own event ID: still one.
    const body = JSON.stringify({
      id: 'flow-evt-77',
      type: 'case.commented',
      occurredAt: new Date().toISOString(),
      data: {
        caseId: created.id,
        commentId: answer.Id,
        body: 'Attached to the delivery note.',
        authorName: 'Ana Agent',
        isPublished: true,
      },
    })
    const at = new Date()
    const response = await s.t.app.request('/v1/integrations/salesforce/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${s.t.operatorKey}`,
        'webhook-id': 'flow-evt-77',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(SECRET).sign('flow-evt-77', at, body),
      },
      body,
    })
    assert.equal(response.status, 200, await response.clone().text())
    assert.deepEqual(await response.json(), {
      id: 'flow-evt-77',
      duplicate: false,
      outcome: 'ignored',
    })
    assert.equal((await s.thread(created.id)).comments.length, 2)
  })

  test('an answer the reconcile finds late keeps the time the agent wrote it, and lifts a breach it came in time for', async () => {
    const created = await s.raise('Seal wears fast')
    const dueAt = Date.parse(created.firstResponseDueAt!)
    const ana = s.sf.put('User', { Name: 'Ana Agent' })
    const answer = s.sf.put('CaseComment', {
      ParentId: s.caseRecord(created.id).Id,
      CommentBody: 'A harder seal ships tomorrow.',
      IsPublished: true,
      CreatedById: ana.Id,
    })
    // Written in Salesforce a minute before the target; Portico hears of it
    // only an hour after, when the breach job has already marked the miss.
    const writtenAt = new Date(dueAt - 60_000).toISOString()
    answer.CreatedDate = writtenAt
    const now = s.t.clock.now()
    s.t.clock.set(new Date(dueAt + 3_600_000))
    try {
      await markSlaBreaches({ db: s.t.appDb, clock: s.t.clock })
      const row = () =>
        s.t.db
          .selectFrom('cases')
          .select(['first_responded_at', 'first_response_breached_at'])
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow()
      assert.notEqual((await row()).first_response_breached_at, null)
      assert.equal(await reconcile.reconcileOnce(), 1)
      assert.deepEqual(await row(), {
        first_responded_at: writtenAt,
        first_response_breached_at: null,
      })
      const comments = await s.t.db
        .selectFrom('case_comments')
        .select(['body', 'created_at'])
        .where('case_id', '=', created.id)
        .execute()
      assert.deepEqual(comments, [{ body: 'A harder seal ships tomorrow.', created_at: writtenAt }])
    } finally {
      s.t.clock.set(now)
    }
  })

  test('a comment stamped before its case or in the future lands within the case’s life', async () => {
    const created = await s.raise('Valve sticks')
    const ana = s.sf.put('User', { Name: 'Ana Agent' })
    for (const [body, createdDate] of [
      ['Checked the drawings.', '2001-01-01T00:00:00.000Z'],
      ['Spare valve on its way.', '2999-01-01T00:00:00.000Z'],
    ] as const) {
      const comment = s.sf.put('CaseComment', {
        ParentId: s.caseRecord(created.id).Id,
        CommentBody: body,
        IsPublished: true,
        CreatedById: ana.Id,
      })
      comment.CreatedDate = createdDate
    }
    // A minute on: the case's life has a beginning and a now apart.
    s.t.clock.advance(60_000)
    const before = s.t.clock.now().toISOString()
    assert.equal(await reconcile.reconcileOnce(), 2)
    const thread = await s.thread(created.id)
    assert.deepEqual(
      thread.comments.map((c) => c.body),
      ['Checked the drawings.', 'Spare valve on its way.'],
    )
    assert.equal(thread.comments[0]!.createdAt, created.createdAt)
    assert.equal(thread.firstRespondedAt, created.createdAt)
    assert.ok(
      thread.comments[1]!.createdAt >= before &&
        thread.comments[1]!.createdAt <= s.t.clock.now().toISOString(),
    )
  })

  test('closing and reopening in Salesforce move the case', async () => {
    const created = await s.raise('Wrong invoice address')
    const id = s.caseRecord(created.id).Id
    s.sf.put('Case', { Id: id, Status: 'Closed' })
    assert.equal(await reconcile.reconcileOnce(), 1)
    assert.equal((await s.thread(created.id)).status, 'closed')
    s.sf.put('Case', { Id: id, Status: 'Working' })
    assert.equal(await reconcile.reconcileOnce(), 1)
    assert.equal((await s.thread(created.id)).status, 'open', 'reopened by the agent there')
    const moves = await eventsOf(created.id, 'case.status_changed')
    assert.deepEqual(
      moves.map((m) => (JSON.parse(m.data) as { to: string }).to),
      ['closed', 'open'],
    )
  })

  test('a case whose own change is still on its way to Salesforce is left as Portico has it', async () => {
    const created = await s.raise('Closed by the customer')
    s.sf.down = true
    const closed = await s.post(`/v1/cases/${created.id}/close`, {})
    assert.equal(closed.status, 200, await closed.clone().text())
    s.sf.down = false
    // Salesforce still says New, and an agent touches the Case meanwhile.
    s.sf.put('Case', { Id: s.caseRecord(created.id).Id, Status: 'Working' })
    assert.equal(await reconcile.reconcileOnce(), 0)
    const thread = await s.thread(created.id)
    assert.equal(thread.status, 'closed')
    assert.equal(thread.syncStatus, 'syncing')
  })
})
