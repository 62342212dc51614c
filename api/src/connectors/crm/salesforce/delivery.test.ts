import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { createCrmReconcile } from '../../../jobs/crm-reconcile.js'
import { createLogger } from '../../../lib/logger.js'
import { startSalesforceTestApp, type SalesforceTestApp } from '../../../testing/salesforce-app.js'

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(300, 9),
])

describe('comments and files delivered to Salesforce after a lost answer', () => {
  let s: SalesforceTestApp

  before(async () => {
    s = await startSalesforceTestApp()
  })
  after(() => s.close())
  beforeEach(() => {
    s.sf.down = false
    s.sf.loseNextResponse = false
  })

  const commentsOn = (parentId: string) =>
    (s.sf.records.get('CaseComment') ?? []).filter((c) => c.ParentId === parentId)
  const filesOn = (parentId: string) =>
    (s.sf.records.get('ContentVersion') ?? []).filter((c) => c.FirstPublishLocationId === parentId)

  test('a comment whose create landed but whose answer was lost is on the Case once after the retry', async () => {
    const created = await s.raise('Comment retried')
    const parent = s.caseRecord(created.id)
    s.sf.down = true
    const response = await s.post(`/v1/cases/${created.id}/comments`, { body: 'Any news?' })
    assert.equal(response.status, 201, await response.clone().text())
    const comment = (await response.json()) as { id: string; body: string }
    assert.equal(comment.body, 'Any news?')
    const [event] = await s.queued(created.id)
    assert.equal(event?.type, 'case.commented')

    // Back, but the answer to the create is lost: Salesforce has the comment, Portico does not know.
    s.sf.down = false
    s.sf.loseNextResponse = true
    await assert.rejects(s.deliver(event))
    assert.equal(commentsOn(parent.Id).length, 1, 'the lost attempt did create it')
    await s.deliver(event)
    await s.deliver(event)
    const comments = commentsOn(parent.Id)
    assert.equal(comments.length, 1, 'never created twice')
    assert.equal(comments[0]!.CommentBody, `Any news?\n\n[ref:${comment.id}]`)
    assert.equal(comments[0]!.IsPublished, true)

    // The portal shows the text as written; reading the Case back adds no echo of it.
    const reconcile = createCrmReconcile({
      db: s.t.appDb,
      connector: s.connector,
      sla: s.t.config,
      clock: s.t.clock,
      logger: createLogger('silent'),
    })
    await reconcile.reconcileOnce()
    const thread = await s.thread(created.id)
    assert.deepEqual(
      thread.comments.map((c) => c.body),
      ['Any news?'],
    )
    assert.ok(!thread.comments.some((c) => c.body.includes('[ref:')))
  })

  test('a comment longer than a CaseComment holds goes as its parts, in order, each once', async () => {
    const created = await s.raise('Long comment')
    const parent = s.caseRecord(created.id)
    const paragraph =
      'Measured again after the bearing swap: the vibration returns after forty minutes. '
    const body = Array.from({ length: 30 }, () => paragraph.repeat(4).trim())
      .join('\n\n')
      .slice(0, 10_000)
      .trim()
    s.sf.down = true
    const response = await s.post(`/v1/cases/${created.id}/comments`, { body })
    assert.equal(response.status, 201, await response.clone().text())
    const comment = (await response.json()) as { id: string }
    const [event] = await s.queued(created.id)

    // The first part lands but its answer is lost; the retry adds only the parts still missing.
    s.sf.down = false
    s.sf.loseNextResponse = true
    await assert.rejects(s.deliver(event!))
    await s.deliver(event!)
    await s.deliver(event!)
    const parts = commentsOn(parent.Id).map((c) => String(c.CommentBody))
    assert.equal(parts.length, 3, 'one CaseComment per part, none twice')
    for (const [i, part] of parts.entries()) {
      assert.ok(part.length <= 4000, `part ${i + 1} is ${part.length} characters`)
      assert.ok(part.endsWith(`[ref:${comment.id} ${i + 1}/3]`), part.slice(-60))
    }
    const text = parts.map((p) => p.replace(/\n*\[ref:[^\]]+\]$/, '')).join(' ')
    assert.equal(text.replace(/\s+/g, ' '), body.replace(/\s+/g, ' '))

    // Read back, the parts are Portico's own echo: the customer sees their comment once.
    const reconcile = createCrmReconcile({
      db: s.t.appDb,
      connector: s.connector,
      sla: s.t.config,
      clock: s.t.clock,
      logger: createLogger('silent'),
    })
    await reconcile.reconcileOnce()
    const thread = await s.thread(created.id)
    assert.deepEqual(
      thread.comments.map((c) => c.body),
      [body],
    )
  })

  test('a comment answered too late is accepted, and its delivery finds the one the slow call made', async () => {
    const created = await s.raise('Comment timed out')
    const parent = s.caseRecord(created.id)
    s.sf.loseNextResponse = true
    const response = await s.post(`/v1/cases/${created.id}/comments`, { body: 'Still waiting.' })
    assert.equal(response.status, 201, await response.clone().text())
    assert.equal((await s.thread(created.id)).syncStatus, 'syncing')
    assert.equal(commentsOn(parent.Id).length, 1)
    const [event] = await s.queued(created.id)
    await s.deliver(event!)
    assert.equal(commentsOn(parent.Id).length, 1, 'never created twice')
  })

  test('a file whose upload landed but whose answer was lost is one ContentVersion after the retry', async () => {
    const created = await s.raise('File retried')
    const parent = s.caseRecord(created.id)
    s.sf.down = true
    const response = await s.upload(created.id, {
      name: 'pallet.png',
      type: 'image/png',
      content: PNG,
    })
    assert.equal(response.status, 201, await response.clone().text())
    const attachment = (await response.json()) as { id: string }
    const [event] = await s.queued(created.id)
    assert.equal(event?.type, 'case.attachment_added')
    assert.equal(filesOn(parent.Id).length, 0)

    s.sf.down = false
    s.sf.loseNextResponse = true
    await assert.rejects(s.deliver(event))
    assert.equal(filesOn(parent.Id).length, 1, 'the lost attempt did upload it')
    await s.deliver(event)
    const files = filesOn(parent.Id)
    assert.equal(files.length, 1, 'never uploaded twice')
    assert.equal(files[0]!.Portico_Attachment_Id__c, attachment.id)
    assert.equal(files[0]!.PathOnClient, 'pallet.png')
    assert.deepEqual(Buffer.from(String(files[0]!.VersionData), 'base64'), PNG)
  })
})
