import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import type { Case, CaseComment, CaseSummary } from './schemas.js'

const BUYER = 'einkauf@brandt-maschinenbau.de'
const VIEWER = 'viewer@brandt-maschinenbau.de'
const OTHER = 'buyer@cascadefab.com'

type Problem = { code: string; status: number; errors?: Array<{ field: string; code: string }> }

describe('support cases', () => {
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string
  let other: Record<string, string>
  let otherAccountId: string
  let key = 0

  before(async () => {
    t = await createTestApp()
    ;({ headers: auth, accountId } = await signIn(t.app, BUYER))
    ;({ headers: other, accountId: otherAccountId } = await signIn(t.app, OTHER))
  })
  after(() => t.close())

  const post = (path: string, body: unknown, headers = auth, idempotencyKey = `k-${key++}`) =>
    t.app.request(path, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const get = (path: string, headers = auth) => t.app.request(path, { headers })

  const count = async (table: 'cases' | 'case_comments' | 'events' | 'outbox_deliveries') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const footprint = async () => ({
    cases: await count('cases'),
    comments: await count('case_comments'),
    events: await count('events'),
  })

  async function raise(body: Record<string, unknown> = {}, headers = auth): Promise<Case> {
    const response = await post(
      '/v1/cases',
      {
        subject: 'Where is my delivery?',
        description: 'It was due yesterday.',
        category: 'delivery',
        ...body,
      },
      headers,
    )
    assert.equal(response.status, 201, await response.clone().text())
    return (await response.json()) as Case
  }

  test('a case is raised about an order of the account, numbered, new, synced', async () => {
    const order = await t.db
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    const created = await raise({ orderId: order.id, details: { deliveryNumber: 'DO-2026-00042' } })
    assert.match(created.id, /^case_/)
    assert.match(created.number, /^CS-\d{4}-\d{5}$/)
    assert.equal(created.status, 'new')
    assert.equal(created.priority, 'normal')
    assert.equal(created.syncStatus, 'synced')
    assert.deepEqual(created.related, {
      orderId: order.id,
      invoiceId: null,
      productId: null,
      documentId: null,
    })
    assert.deepEqual(created.details, { deliveryNumber: 'DO-2026-00042' })
    assert.equal(created.createdBy.name, 'Lena Hoffmann')
    assert.ok(created.firstResponseDueAt && created.resolutionDueAt)
    assert.deepEqual(created.comments, [])
    const event = await t.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('subject_id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.equal(event.type, 'case.created')
    assert.equal(JSON.parse(event.data).caseId, created.id)
  })

  test('text with markup is stored exactly as given', async () => {
    const subject = '<img src=x onerror=alert(1)> arrived broken'
    const description = '<script>alert("x")</script>\n  & "quotes"  '
    const created = await raise({ subject, description })
    assert.equal(created.subject, subject)
    assert.equal(created.description, description)
    const read = (await (await get(`/v1/cases/${created.id}`)).json()) as Case
    assert.equal(read.subject, subject)
    assert.equal(read.description, description)
    const comment = await post(`/v1/cases/${created.id}/comments`, {
      body: '<img src=x onerror=alert(2)>',
    })
    assert.equal(((await comment.json()) as CaseComment).body, '<img src=x onerror=alert(2)>')
  })

  test('bad input is a 400 problem and writes nothing', async () => {
    const before = await footprint()
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ subject: '   ' }, 'body.subject'],
      [{ subject: 'x'.repeat(201) }, 'body.subject'],
      [{ description: 'x'.repeat(10_001) }, 'body.description'],
      [{ category: 'complaint' }, 'body.category'],
      [{ priority: 'asap' }, 'body.priority'],
      [{ details: { batchNumber: 'B-1' } }, 'body.details.batchNumber'],
      [
        { category: 'quality', details: { quantityAffected: 'many' } },
        'body.details.quantityAffected',
      ],
      [
        { category: 'warranty', details: { purchaseDate: '2026-02-30' } },
        'body.details.purchaseDate',
      ],
      [{ accountId: otherAccountId }, 'body'],
    ]
    for (const [override, field] of bad) {
      const response = await post('/v1/cases', {
        subject: 'Broken',
        description: 'Broken.',
        category: 'delivery',
        ...override,
      })
      assert.equal(response.status, 400, JSON.stringify(override))
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/)
      const problem = (await response.json()) as Problem
      assert.ok(
        problem.errors?.some((e) => e.field === field || e.field.startsWith(field)),
        `${JSON.stringify(override)} → ${JSON.stringify(problem.errors)}`,
      )
    }
    assert.deepEqual(await footprint(), before)
  })

  test("another account's order, invoice or document is 404 like a missing one, nothing written", async () => {
    const theirs = await t.db
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', otherAccountId)
      .executeTakeFirstOrThrow()
    const theirInvoice = await t.db
      .selectFrom('invoices')
      .select('id')
      .where('account_id', '=', otherAccountId)
      .executeTakeFirstOrThrow()
    const before = await footprint()
    for (const body of [
      { orderId: theirs.id },
      { orderId: 'ord_01jd4h7c2m8x3v9q5t6w2n4k8r' },
      { invoiceId: theirInvoice.id },
      { documentId: 'doc_01jd4h7c2m8x3v9q5t6w2n4k8r' },
    ]) {
      const response = await post('/v1/cases', {
        subject: 'x',
        description: 'x',
        category: 'question',
        ...body,
      })
      assert.equal(response.status, 404, JSON.stringify(body))
      assert.equal(((await response.json()) as Problem).code, 'not_found')
    }
    assert.deepEqual(await footprint(), before)
  })

  test("another account's case is 404 like a missing one on every route, nothing written", async () => {
    const theirs = await raise({}, other)
    const before = await footprint()
    const missing = 'case_01jd4h7c2m8x3v9q5t6w2n4k8r'
    for (const id of [theirs.id, missing]) {
      const responses = [
        await get(`/v1/cases/${id}`),
        await post(`/v1/cases/${id}/comments`, { body: 'hello' }),
        await post(`/v1/cases/${id}/close`, undefined),
        await post(`/v1/cases/${id}/reopen`, undefined),
      ]
      for (const response of responses) {
        assert.equal(response.status, 404)
        assert.equal(((await response.json()) as Problem).code, 'not_found')
      }
    }
    assert.deepEqual(await footprint(), before)
    const list = (await (await get('/v1/cases?limit=100')).json()) as { data: CaseSummary[] }
    assert.ok(!list.data.some((c) => c.id === theirs.id))
  })

  test('creating twice with one Idempotency-Key makes one case', async () => {
    const body = {
      subject: 'Certificate please',
      description: 'For batch B-7.',
      category: 'question',
    }
    const before = await count('cases')
    const first = await post('/v1/cases', body, auth, 'same-create')
    const second = await post('/v1/cases', body, auth, 'same-create')
    assert.equal(first.status, 201)
    assert.equal(second.status, 201)
    assert.equal(second.headers.get('idempotent-replayed'), 'true')
    assert.equal(((await first.json()) as Case).id, ((await second.json()) as Case).id)
    assert.equal(await count('cases'), before + 1)
  })

  test('commenting twice with one Idempotency-Key makes one comment', async () => {
    const created = await raise()
    const first = await post(
      `/v1/cases/${created.id}/comments`,
      { body: 'Any news?' },
      auth,
      'same-comment',
    )
    const second = await post(
      `/v1/cases/${created.id}/comments`,
      { body: 'Any news?' },
      auth,
      'same-comment',
    )
    assert.equal(first.status, 201)
    assert.equal(
      ((await first.json()) as CaseComment).id,
      ((await second.json()) as CaseComment).id,
    )
    const read = (await (await get(`/v1/cases/${created.id}`)).json()) as Case
    assert.equal(read.commentCount, 1)
    assert.equal(read.comments.length, 1)
    assert.deepEqual(read.comments[0]!.author, { kind: 'customer', name: 'Lena Hoffmann' })
  })

  test('status: close, closed again 409, comment on closed 409 writing nothing, reopen, reopen again 409', async () => {
    const created = await raise()
    const closed = await post(`/v1/cases/${created.id}/close`, undefined)
    assert.equal(closed.status, 200)
    const body = (await closed.json()) as Case
    assert.equal(body.status, 'closed')
    assert.ok(body.closedAt)

    const before = await footprint()
    const again = await post(`/v1/cases/${created.id}/close`, undefined)
    assert.equal(again.status, 409)
    assert.equal(((await again.json()) as Problem).code, 'case_closed')
    const comment = await post(`/v1/cases/${created.id}/comments`, { body: 'Hello?' })
    assert.equal(comment.status, 409)
    assert.match(comment.headers.get('content-type') ?? '', /application\/problem\+json/)
    assert.equal(((await comment.json()) as Problem).code, 'case_closed')
    assert.deepEqual(await footprint(), before)

    const reopened = await post(`/v1/cases/${created.id}/reopen`, undefined)
    assert.equal(reopened.status, 200)
    const open = (await reopened.json()) as Case
    assert.equal(open.status, 'open')
    assert.equal(open.closedAt, null)
    const twice = await post(`/v1/cases/${created.id}/reopen`, undefined)
    assert.equal(twice.status, 409)
    assert.equal(((await twice.json()) as Problem).code, 'case_not_reopenable')
    const types = await t.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('subject_id', '=', created.id)
      .orderBy('seq')
      .execute()
    assert.deepEqual(
      types.map((e) => [e.type, JSON.parse(e.data).to ?? null]),
      [
        ['case.created', null],
        ['case.status_changed', 'closed'],
        ['case.status_changed', 'open'],
      ],
    )
  })

  test('a new case cannot be reopened', async () => {
    const created = await raise()
    const response = await post(`/v1/cases/${created.id}/reopen`, undefined)
    assert.equal(response.status, 409)
    assert.equal(((await response.json()) as Problem).code, 'case_not_reopenable')
  })

  test('a customer comment on a case waiting on the customer sets it open', async () => {
    const created = await raise()
    await t.db
      .updateTable('cases')
      .set({ status: 'waiting_on_customer' })
      .where('id', '=', created.id)
      .execute()
    const response = await post(`/v1/cases/${created.id}/comments`, {
      body: 'Here is the batch number: B-7',
    })
    assert.equal(response.status, 201)
    const read = (await (await get(`/v1/cases/${created.id}`)).json()) as Case
    assert.equal(read.status, 'open')
  })

  test('a viewer reads cases but cannot raise one (403)', async () => {
    const { headers } = await signIn(t.app, VIEWER)
    assert.equal((await get('/v1/cases', headers)).status, 200)
    const response = await post(
      '/v1/cases',
      { subject: 'x', description: 'x', category: 'question' },
      headers,
    )
    assert.equal(response.status, 403)
  })

  test('the list is newest first, filtered, and pages without gaps or repeats', async () => {
    const invoice = await t.db
      .selectFrom('invoices')
      .select('id')
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    const mine: string[] = []
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000)
      mine.push(
        (await raise({ category: 'billing', invoiceId: invoice.id, subject: `Invoice query ${i}` }))
          .id,
      )
    }
    const filtered = (await (
      await get(`/v1/cases?invoiceId=${invoice.id}&category=billing`)
    ).json()) as {
      data: CaseSummary[]
    }
    assert.deepEqual(
      filtered.data.map((c) => c.id),
      [...mine].reverse(),
    )
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = (await (
        await get(`/v1/cases?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json()) as { data: CaseSummary[]; nextCursor: string | null }
      seen.push(...page.data.map((c) => c.id))
      cursor = page.nextCursor
    } while (cursor)
    const all = await t.db
      .selectFrom('cases')
      .select('id')
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    assert.deepEqual(
      seen,
      all.map((r) => r.id),
    )
    const forged = await get('/v1/cases?cursor=abc')
    assert.equal(forged.status, 400)
  })
})
