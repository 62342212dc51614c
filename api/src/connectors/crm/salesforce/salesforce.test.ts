import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { withTenant } from '../../../db/scope.js'
import { caseDeliveryConnector } from '../../../jobs/case-sync.js'
import { createCrmReconcile } from '../../../jobs/crm-reconcile.js'
import { createOutboxWorker } from '../../../jobs/outbox-worker.js'
import { createLogger } from '../../../lib/logger.js'
import { createTestApp, signIn, type TestApp } from '../../../testing.js'
import { startFakeSalesforce, type FakeSalesforce } from '../../../testing/fake-salesforce.js'
import type { CaseConnector, CaseOutboxEvent } from '../case-connector.js'
import { caseConnectorFor } from '../connectors.js'

const BUYER = 'einkauf@brandt-maschinenbau.de'
const OTHER = 'buyer@cascadefab.com'
const SF_ACCOUNT = '001000000000AAA'
const SF_OTHER = '001000000000BBB'

type Problem = { code: string; status: number; detail: string }

describe('cases kept in Salesforce', () => {
  let sf: FakeSalesforce
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string
  let other: Record<string, string>
  let otherAccountId: string
  let key = 0

  before(async () => {
    sf = await startFakeSalesforce()
    t = await createTestApp({
      PORTICO_CRM: 'salesforce',
      SALESFORCE_LOGIN_URL: sf.url,
      SALESFORCE_USERNAME: 'integration@portico.example',
      SALESFORCE_PASSWORD: 'secret-and-token',
    })
    ;({ headers: auth, accountId } = await signIn(t.app, BUYER))
    ;({ headers: other, accountId: otherAccountId } = await signIn(t.app, OTHER))
    await t.db
      .updateTable('accounts')
      .set({ salesforce_account_id: SF_ACCOUNT })
      .where('id', '=', accountId)
      .execute()
    await t.db
      .updateTable('accounts')
      .set({ salesforce_account_id: SF_OTHER })
      .where('id', '=', otherAccountId)
      .execute()
  })
  after(async () => {
    await t.close()
    await sf.close()
  })
  beforeEach(() => {
    sf.down = false
    sf.limitExceeded = false
    sf.validationRule = undefined
    sf.loseNextResponse = false
    sf.delayMs = 0
  })

  const post = (path: string, body: unknown, headers = auth) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `sf-${key++}` },
      body: JSON.stringify(body),
    })
  const raise = (subject = 'Where is my delivery?', headers = auth) =>
    post(
      '/v1/cases',
      { subject, description: 'It was due yesterday.', category: 'delivery' },
      headers,
    )
  const cases = () => sf.records.get('Case') ?? []

  test('a new case becomes one Case under the Account, raised by a Contact created once', async () => {
    const response = await raise()
    assert.equal(response.status, 201, await response.clone().text())
    const created = (await response.json()) as { id: string; syncStatus: string }
    assert.equal(created.syncStatus, 'synced')
    const record = cases().find((c) => c.Portico_Case_Id__c === created.id)
    assert.ok(record)
    assert.equal(record.AccountId, SF_ACCOUNT)
    assert.equal(record.Subject, 'Where is my delivery?')
    assert.equal(record.Status, 'New')
    const contacts = sf.records.get('Contact') ?? []
    assert.equal(contacts.length, 1)
    assert.equal(contacts[0]!.Email, BUYER)
    assert.equal(record.ContactId, contacts[0]!.Id)
    const row = await t.db
      .selectFrom('cases')
      .select(['external_id', 'connector'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { external_id: record.Id, connector: 'salesforce' })

    assert.equal((await raise('A second question')).status, 201)
    assert.equal((sf.records.get('Contact') ?? []).length, 1, 'the Contact is reused')
  })

  test('an existing Contact with the user’s email is found, not duplicated', async () => {
    const known = sf.put('Contact', { AccountId: SF_OTHER, Email: OTHER, LastName: 'Known' })
    assert.equal((await raise('Found by email', other)).status, 201)
    const record = cases().find((c) => c.Subject === 'Found by email')
    assert.equal(record?.ContactId, known.Id)
    assert.equal((sf.records.get('Contact') ?? []).filter((c) => c.Email === OTHER).length, 1)
  })

  test('a comment becomes a published CaseComment on the Case', async () => {
    const created = (await (await raise('With a comment')).json()) as { id: string }
    const response = await post(`/v1/cases/${created.id}/comments`, {
      body: 'Any news? It’s "urgent".',
    })
    assert.equal(response.status, 201, await response.clone().text())
    const comment = (await response.json()) as { id: string; body: string }
    assert.equal(comment.body, 'Any news? It’s "urgent".', 'the portal shows it as written')
    const parent = cases().find((c) => c.Portico_Case_Id__c === created.id)!
    const comments = (sf.records.get('CaseComment') ?? []).filter((c) => c.ParentId === parent.Id)
    assert.equal(comments.length, 1)
    // Salesforce's copy ends with Portico's reference: a retried delivery finds it.
    assert.equal(comments[0]!.CommentBody, `Any news? It’s "urgent".\n\n[ref:${comment.id}]`)
    assert.equal(comments[0]!.IsPublished, true)
  })

  test('a subject with quotes and backslashes neither breaks nor widens the SOQL', async () => {
    const nasty = "O'Brien\\' OR AccountId != '' --"
    const created = (await (await raise(nasty)).json()) as { id: string }
    const connector = caseConnectorFor(t.config, t)
    // A lookup by a value carrying SOQL must match only exactly that value.
    const found = await withTenant(t.appDb, accountId, (db) =>
      connector.getCase(
        { db, accountId, now: new Date() },
        { caseId: `${created.id}' OR Id != '`, externalId: null },
      ),
    )
    assert.equal(found, undefined)
    const exact = await withTenant(t.appDb, accountId, (db) =>
      connector.getCase(
        { db, accountId, now: new Date() },
        { caseId: created.id, externalId: null },
      ),
    )
    assert.equal(exact?.caseId, created.id)
    assert.equal(cases().find((c) => c.Portico_Case_Id__c === created.id)?.Subject, nasty)
  })

  describe('lists by AccountId', () => {
    let connector: CaseConnector
    const list = (account: string) =>
      withTenant(t.appDb, account, (db) =>
        connector.listCases(
          { db, accountId: account, now: new Date() },
          { accountId: account, updatedSince: null, limit: 100 },
        ),
      )
    const queries = () => sf.requests.filter((r) => r.includes('/query')).length

    before(() => {
      connector = caseConnectorFor(t.config, t)
    })

    test('are scoped to the account, paged, and cached: the second call asks Salesforce nothing', async () => {
      sf.pageSize = 1
      try {
        const first = await list(accountId)
        const mine = cases().filter((c) => c.AccountId === SF_ACCOUNT && c.Portico_Case_Id__c)
        assert.equal(first.length, mine.length)
        assert.ok(first.length >= 2, 'more than one page')
        const ours = await t.db
          .selectFrom('cases')
          .select('id')
          .where('account_id', '=', accountId)
          .execute()
        const ids = new Set(ours.map((r) => r.id))
        for (const snapshot of first)
          assert.ok(ids.has(snapshot.caseId), 'only this account’s cases')

        const before = sf.requests.length
        const second = await list(accountId)
        assert.deepEqual(second, first)
        assert.equal(sf.requests.length, before, 'served from the cache')

        const theirs = await list(otherAccountId)
        for (const snapshot of theirs)
          assert.ok(!ids.has(snapshot.caseId), 'another account never sees them')
      } finally {
        sf.pageSize = 2000
      }
    })

    test('a case created through the connector busts the account’s cached list', async () => {
      const first = await list(accountId)
      const asked = queries()
      const now = new Date()
      const user = await t.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('email', '=', BUYER)
        .executeTakeFirstOrThrow()
      await withTenant(t.appDb, accountId, (db) =>
        connector.createCase(
          { db, accountId, now },
          {
            id: `case_busting${now.getTime()}`,
            number: 'CS-2026-99999',
            accountId,
            subject: 'Bust the cache',
            description: 'After this the list is asked again.',
            category: 'question',
            priority: 'normal',
            status: 'new',
            related: { orderId: null, invoiceId: null, productId: null, documentId: null },
            details: {},
            createdBy: { userId: user.id, name: user.name },
            createdAt: now.toISOString(),
            firstResponseDueAt: null,
            resolutionDueAt: null,
          },
        ),
      )
      const second = await list(accountId)
      assert.ok(queries() > asked, 'Salesforce asked again')
      assert.equal(second.length, first.length + 1)
    })
  })

  test('an expired session signs in again once and the request goes through', async () => {
    const logins = sf.logins
    sf.expireSessions()
    const response = await raise('After the session expired')
    assert.equal(response.status, 201, await response.clone().text())
    assert.equal(sf.logins, logins + 1)
  })

  test('the org’s API limit spent: 503 problem with Retry-After, nothing stored', async () => {
    const before = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    sf.limitExceeded = true
    const response = await raise('Rate limited')
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
    assert.ok(Number(response.headers.get('retry-after')) > 0)
    assert.equal(((await response.json()) as Problem).code, 'crm_rate_limited')
    const after = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(after.n), Number(before.n))
  })

  test('a validation rule refusing the Case: 422 problem naming its message', async () => {
    sf.validationRule = (type, record) =>
      type === 'Case' && String(record.Subject).includes('forbidden')
        ? 'Subject must not say forbidden'
        : undefined
    const response = await raise('A forbidden subject')
    assert.equal(response.status, 422)
    const problem = (await response.json()) as Problem
    assert.equal(problem.code, 'crm_validation_failed')
    assert.match(problem.detail, /Subject must not say forbidden/)
  })

  test('an unlinked account is refused with a 422 problem', async () => {
    await t.db
      .updateTable('accounts')
      .set({ salesforce_account_id: null })
      .where('id', '=', otherAccountId)
      .execute()
    try {
      const response = await raise('Unlinked', other)
      assert.equal(response.status, 422)
      assert.equal(((await response.json()) as Problem).code, 'crm_account_unlinked')
    } finally {
      await t.db
        .updateTable('accounts')
        .set({ salesforce_account_id: SF_OTHER })
        .where('id', '=', otherAccountId)
        .execute()
    }
  })

  test('Salesforce down: the case is accepted as syncing and delivered once when it is back, even after a lost answer', async () => {
    sf.down = true
    const response = await raise('Raised while Salesforce was down')
    assert.equal(response.status, 201, await response.clone().text())
    const created = (await response.json()) as { id: string; syncStatus: string }
    assert.equal(created.syncStatus, 'syncing')
    assert.equal(cases().filter((c) => c.Portico_Case_Id__c === created.id).length, 0)
    const queued = await t.db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .select([
        'e.id',
        'e.type',
        'e.account_id',
        'e.subject_id',
        'e.data',
        'e.created_at',
        'd.consumer',
      ])
      .where('e.subject_id', '=', created.id)
      .execute()
    assert.equal(queued.length, 1)
    assert.equal(queued[0]!.consumer, 'crm')
    const row = queued[0]!
    const event: CaseOutboxEvent = {
      id: row.id,
      type: row.type,
      accountId: row.account_id ?? '',
      subjectId: row.subject_id ?? '',
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
    }
    const connector = caseConnectorFor(t.config, t)
    const deliver = () =>
      withTenant(t.appDb, accountId, (db) =>
        connector.deliver({ db, accountId, now: new Date() }, event),
      )

    // Still down: the delivery fails and is retried later.
    await assert.rejects(deliver())
    // Back, but the answer to the upsert is lost: Salesforce has the Case, Portico does not know.
    sf.down = false
    sf.loseNextResponse = true
    await assert.rejects(deliver())
    assert.equal(cases().filter((c) => c.Portico_Case_Id__c === created.id).length, 1)
    // The retry finds the Case the lost attempt made.
    const delivered = await deliver()
    const found = cases().filter((c) => c.Portico_Case_Id__c === created.id)
    assert.equal(found.length, 1, 'never created twice')
    assert.equal(delivered.externalId, found[0]!.Id)
  })

  test('the outbox worker delivers a case raised while Salesforce was down, once, and marks it synced', async () => {
    sf.down = true
    const created = (await (await raise('Queued for the worker')).json()) as {
      id: string
      syncStatus: string
    }
    assert.equal(created.syncStatus, 'syncing')
    sf.down = false
    const worker = createOutboxWorker({
      db: t.appDb,
      connector: caseDeliveryConnector(t.appDb, caseConnectorFor(t.config, t), t.clock),
      consumer: 'crm',
      clock: t.clock,
      logger: createLogger('silent'),
      maxAttempts: 5,
    })
    await worker.runOnce()
    await worker.runOnce()
    const found = cases().filter((c) => c.Portico_Case_Id__c === created.id)
    assert.equal(found.length, 1)
    const row = await t.db
      .selectFrom('cases')
      .select(['sync_status', 'external_id'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { sync_status: 'synced', external_id: found[0]!.Id })
    const delivery = await t.db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .select(['d.state'])
      .where('e.subject_id', '=', created.id)
      .where('d.consumer', '=', 'crm')
      .executeTakeFirstOrThrow()
    assert.equal(delivery.state, 'delivered')
  })

  test('the reconcile picks up a status an agent set in Salesforce, by SystemModstamp, once', async () => {
    const created = (await (await raise('Resolved in Salesforce')).json()) as { id: string }
    const reconcile = createCrmReconcile({
      db: t.appDb,
      connector: caseConnectorFor(t.config, t),
      sla: t.config,
      clock: t.clock,
      logger: createLogger('silent'),
    })
    await reconcile.reconcileOnce()
    const record = cases().find((c) => c.Portico_Case_Id__c === created.id)!
    sf.put('Case', { Id: record.Id, Status: 'Resolved' })
    const moved = await reconcile.reconcileOnce()
    assert.equal(moved, 1)
    const row = await t.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.status, 'resolved')
    const since = sf.requests.length
    assert.equal(await reconcile.reconcileOnce(), 0, 'nothing moves twice')
    const query = sf.requests.slice(since).find((r) => r.includes('/query'))
    assert.ok(
      query && decodeURIComponent(query).includes('SystemModstamp >'),
      'asks only for later changes',
    )
  })

  test('Salesforce too slow to answer: the case is accepted as syncing, not held open', async () => {
    sf.delayMs = 2500
    const started = Date.now()
    const response = await raise('Raised while Salesforce was slow')
    assert.equal(response.status, 201, await response.clone().text())
    assert.equal(((await response.json()) as { syncStatus: string }).syncStatus, 'syncing')
    assert.ok(Date.now() - started < 2400, 'answered before Salesforce did')
  })
})
