import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import { startFakeSalesforce, type FakeSalesforce } from '../../testing/fake-salesforce.js'

const BUYER = 'einkauf@brandt-maschinenbau.de'
const SECRET = 'whsec_c2FsZXNmb3JjZS10ZXN0LXNlY3JldC0xMjM0NTY3OA=='

describe('events from Salesforce', () => {
  let sf: FakeSalesforce
  let t: TestApp
  let auth: Record<string, string>
  let caseId: string

  before(async () => {
    sf = await startFakeSalesforce()
    t = await createTestApp({
      PORTICO_CRM: 'salesforce',
      SALESFORCE_LOGIN_URL: sf.url,
      SALESFORCE_USERNAME: 'integration@portico.example',
      SALESFORCE_PASSWORD: 'secret-and-token',
      SALESFORCE_WEBHOOK_SECRET: SECRET,
    })
    let accountId: string
    ;({ headers: auth, accountId } = await signIn(t.app, BUYER))
    await t.db
      .updateTable('accounts')
      .set({ salesforce_account_id: '001000000000AAA' })
      .where('id', '=', accountId)
      .execute()
    const response = await t.app.request('/v1/cases', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'sf-events-1' },
      body: JSON.stringify({
        subject: 'Pump leaks',
        description: 'Since Monday.',
        category: 'quality',
      }),
    })
    assert.equal(response.status, 201)
    caseId = ((await response.json()) as { id: string }).id
  })
  after(async () => {
    await t.close()
    await sf.close()
  })

  const send = (event: Record<string, unknown>, secret = SECRET) => {
    const body = JSON.stringify({ occurredAt: new Date().toISOString(), ...event })
    const id = String(event.id)
    const at = new Date()
    return t.app.request('/v1/integrations/salesforce/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${t.operatorKey}`,
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, at, body),
      },
      body,
    })
  }
  const thread = async () => {
    const response = await t.app.request(`/v1/cases/${caseId}`, { headers: auth })
    return (await response.json()) as {
      status: string
      resolutionPausedAt: string | null
      comments: Array<{ body: string; createdAt: string; author: { kind: string } }>
    }
  }
  const commentsOnCase = () => (sf.records.get('CaseComment') ?? []).length

  test('an agent’s published comment reaches the customer once, however often it is sent, and is not echoed back', async () => {
    const before = commentsOnCase()
    const event = {
      id: 'sf-evt-1',
      type: 'case.commented',
      data: {
        caseId,
        commentId: '00a000000000001',
        body: 'A technician comes Thursday.',
        authorName: 'Ana',
        isPublished: true,
      },
    }
    const first = await send(event)
    assert.equal(first.status, 200, await first.clone().text())
    assert.deepEqual(await first.json(), { id: 'sf-evt-1', duplicate: false, outcome: 'applied' })
    const again = await send(event)
    assert.deepEqual(await again.json(), { id: 'sf-evt-1', duplicate: true, outcome: 'applied' })
    const comments = (await thread()).comments.filter(
      (c) => c.body === 'A technician comes Thursday.',
    )
    assert.equal(comments.length, 1)
    assert.equal(comments[0]!.author.kind, 'agent')
    assert.equal(commentsOnCase(), before, 'nothing written back to Salesforce')
  })

  test('a comment event that arrives late keeps the moment the agent wrote it', async () => {
    const now = t.clock.now()
    const writtenAt = new Date(now.getTime() + 60_000).toISOString()
    t.clock.set(new Date(now.getTime() + 20 * 60_000))
    try {
      const response = await send({
        id: 'sf-evt-late',
        type: 'case.commented',
        occurredAt: writtenAt,
        data: {
          caseId,
          commentId: '00a000000000009',
          body: 'Checked with the warehouse.',
          authorName: 'Ana',
          isPublished: true,
        },
      })
      assert.equal(response.status, 200, await response.clone().text())
      const comment = (await thread()).comments.find(
        (c) => c.body === 'Checked with the warehouse.',
      )
      assert.equal(comment?.createdAt, writtenAt)
    } finally {
      t.clock.set(now)
    }
  })

  test('an internal (unpublished) comment is never shown to the customer', async () => {
    const response = await send({
      id: 'sf-evt-2',
      type: 'case.commented',
      data: {
        caseId,
        commentId: '00a000000000002',
        body: 'Customer is difficult.',
        authorName: 'Ana',
        isPublished: false,
      },
    })
    assert.deepEqual(await response.json(), {
      id: 'sf-evt-2',
      duplicate: false,
      outcome: 'ignored',
    })
    assert.ok(!(await thread()).comments.some((c) => c.body === 'Customer is difficult.'))
  })

  test('Waiting on Customer set in Salesforce pauses the resolution clock, once however often it is sent', async () => {
    const event = {
      id: 'sf-evt-w1',
      type: 'case.status_changed',
      data: { caseId, status: 'Waiting on Customer', authorName: 'Ana' },
    }
    assert.equal((await send(event)).status, 200)
    const paused = await thread()
    assert.equal(paused.status, 'waiting_on_customer')
    assert.ok(paused.resolutionPausedAt, 'the clock is paused')
    assert.equal((await send(event)).status, 200)
    assert.equal((await thread()).resolutionPausedAt, paused.resolutionPausedAt)
  })

  test('a status set in Salesforce moves the case (and resumes a paused clock)', async () => {
    const response = await send({
      id: 'sf-evt-3',
      type: 'case.status_changed',
      data: { caseId, status: 'Resolved', authorName: 'Ana' },
    })
    assert.equal(response.status, 200, await response.clone().text())
    const moved = await thread()
    assert.equal(moved.status, 'resolved')
    assert.equal(moved.resolutionPausedAt, null)
  })

  test('a wrong signature is refused with 401 and changes nothing', async () => {
    const response = await send(
      {
        id: 'sf-evt-4',
        type: 'case.status_changed',
        data: { caseId, status: 'Closed', authorName: 'Mallory' },
      },
      'whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC0xMjM0NQ==',
    )
    assert.equal(response.status, 401)
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
    assert.equal((await thread()).status, 'resolved')
  })

  test('an unknown case answers 404', async () => {
    const response = await send({
      id: 'sf-evt-5',
      type: 'case.status_changed',
      data: { caseId: 'case_nope', status: 'Closed', authorName: 'Ana' },
    })
    assert.equal(response.status, 404)
  })
})
