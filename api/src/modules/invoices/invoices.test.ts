import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, problemWithoutRequestId, signIn, type TestApp } from '../../testing.js'
import { newId } from '../../lib/ids.js'

type Page = {
  data: Array<{
    id: string
    issueDate: string
    status: string
    dueDate: string
    total: number
    amountPaid: number
    amountDue: number
  }>
  nextCursor: string | null
}

describe('GET /v1/invoices', () => {
  let t: TestApp
  let auth: Record<string, string>
  let accountId: string
  const get = (path: string, headers = auth) => t.app.request(path, { headers })

  before(async () => {
    t = await createTestApp()
    ;({ headers: auth, accountId } = await signIn(t.app, 'ap@brandt-maschinenbau.de'))
  })
  after(() => t.close())

  async function allPages(query: string, limit = 13) {
    const items: Page['data'] = []
    let cursor: string | null = null
    do {
      const response = await get(
        `/v1/invoices?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      assert.equal(response.status, 200)
      const page = (await response.json()) as Page
      assert.ok(page.data.length <= limit)
      items.push(...page.data)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  test('pages through every invoice of the account once, newest first', async () => {
    const items = await allPages('')
    assert.equal(items.length, 110)
    assert.equal(new Set(items.map((i) => i.id)).size, 110)
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.issueDate >= items[i]!.issueDate)
  })

  test('filters by status, and every status appears in the demo data', async () => {
    const today = t.clock.now().toISOString().slice(0, 10)
    let total = 0
    for (const status of ['open', 'partially_paid', 'overdue', 'paid', 'void'] as const) {
      const items = await allPages(`&status=${status}`, 100)
      assert.ok(items.length > 0, `some ${status} invoices`)
      for (const invoice of items) {
        assert.equal(invoice.status, status)
        if (status === 'overdue') assert.ok(invoice.dueDate < today && invoice.amountDue > 0)
        if (status === 'open') assert.ok(invoice.dueDate >= today && invoice.amountPaid === 0)
        if (status === 'partially_paid')
          assert.ok(invoice.dueDate >= today && invoice.amountPaid > 0 && invoice.amountDue > 0)
        if (status === 'paid') assert.equal(invoice.amountDue, 0)
        if (status === 'void') assert.equal(invoice.amountDue, 0)
      }
      total += items.length
    }
    assert.equal(total, 110, 'the statuses partition the list')
  })

  test('filters by issue-date range, inclusive', async () => {
    const items = await allPages('&issuedFrom=2026-01-01&issuedTo=2026-03-31', 100)
    assert.ok(items.length > 0)
    for (const invoice of items)
      assert.ok(invoice.issueDate >= '2026-01-01' && invoice.issueDate <= '2026-03-31')
  })

  test('a page is stable when a newer invoice arrives between requests', async () => {
    const first = (await (await get('/v1/invoices?limit=5')).json()) as Page
    const now = t.clock.now().toISOString()
    await t.db
      .insertInto('invoices')
      .values({
        id: newId('inv'),
        account_id: accountId,
        number: 'RE-NEW-1',
        status: 'open',
        currency: 'EUR',
        issue_date: now.slice(0, 10),
        due_date: '2099-01-01',
        subtotal: 100,
        tax_total: 19,
        total: 119,
        amount_paid: 0,
        po_number: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const second = (await (
      await get(`/v1/invoices?limit=5&cursor=${first.nextCursor}`)
    ).json()) as Page
    const seen = new Set(first.data.map((i) => i.id))
    for (const invoice of second.data)
      assert.ok(!seen.has(invoice.id), 'no invoice repeats across pages')
    assert.ok(second.data[0]!.issueDate <= first.data.at(-1)!.issueDate)
    await t.db.deleteFrom('invoices').where('number', '=', 'RE-NEW-1').execute()
  })

  for (const [query, field] of [
    ['limit=0', 'query.limit'],
    ['limit=1000', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['status=unpaid', 'query.status'],
    ['issuedFrom=2026-02-30', 'query.issuedFrom'],
    ['issuedFrom=yesterday', 'query.issuedFrom'],
    ['issuedFrom=2026-05-01&issuedTo=2026-04-01', 'query.issuedFrom'],
    ['cursor=garbage', 'query.cursor'],
    ['sort=amount', 'query'],
  ] as const) {
    test(`?${query} → 400 problem naming ${field}`, async () => {
      const response = await get(`/v1/invoices?${query}`)
      assert.equal(response.status, 400)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
      const problem = (await response.json()) as { code: string; errors: Array<{ field: string }> }
      assert.equal(problem.code, 'validation_failed')
      assert.ok(
        problem.errors.some((e) => e.field === field),
        JSON.stringify(problem.errors),
      )
    })
  }

  test('a tampered cursor, or one reused with other filters, is rejected', async () => {
    const page = (await (await get('/v1/invoices?limit=5')).json()) as Page
    const [body, signature] = page.nextCursor!.split('.')
    const position = JSON.parse(Buffer.from(body!, 'base64url').toString())
    position.d = '2099-01-01'
    const forged = `${Buffer.from(JSON.stringify(position)).toString('base64url')}.${signature}`
    for (const query of [`cursor=${forged}`, `cursor=${page.nextCursor}&status=paid`]) {
      const response = await get(`/v1/invoices?limit=5&${query}`)
      assert.equal(response.status, 400)
      const problem = (await response.json()) as { errors: Array<{ field: string; code: string }> }
      assert.deepEqual(problem.errors[0], {
        field: 'query.cursor',
        code: 'invalid_cursor',
        message: 'The cursor is invalid, tampered with, or belongs to other filters',
      })
    }
  })

  test('an overdue invoice paid in part stays overdue, and shows what was paid', async () => {
    const overdue = await allPages('&status=overdue', 100)
    const partly = overdue.filter((i) => i.amountPaid > 0)
    assert.ok(partly.length > 0, 'the demo has overdue invoices paid in part')
    for (const invoice of partly)
      assert.equal(invoice.amountDue, invoice.total - invoice.amountPaid)
  })

  test('a listed invoice follows its row: a payment, a PO number with quotes, the day it falls due', async () => {
    const [open] = (await allPages('&status=open', 100)).slice(-1)
    assert.ok(open, 'an open invoice')
    const poNumber = 'PO "Halle 3" \\ Tür'
    await t.db
      .updateTable('invoices')
      .set({ amount_paid: 100, po_number: poNumber })
      .where('id', '=', open.id)
      .execute()
    const find = async () => (await allPages('', 100)).find((i) => i.id === open.id)!
    const signedIn = auth
    const paid = (await find()) as Page['data'][number] & { poNumber: string }
    assert.equal(paid.amountPaid, 100)
    assert.equal(paid.amountDue, open.total - 100)
    assert.equal(paid.poNumber, poNumber)
    assert.equal(paid.status, 'partially_paid')

    const dayAfterDue = new Date(`${open.dueDate}T12:00:00Z`)
    dayAfterDue.setUTCDate(dayAfterDue.getUTCDate() + 1)
    const now = t.clock.now()
    t.clock.set(dayAfterDue)
    try {
      // Days later the session has expired: sign in again on that day.
      ;({ headers: auth } = await signIn(t.app, 'ap@brandt-maschinenbau.de'))
      assert.equal((await find()).status, 'overdue')
      const detail = (await (await get(`/v1/invoices/${open.id}`)).json()) as { status: string }
      assert.equal(detail.status, 'overdue')
    } finally {
      t.clock.set(now)
      auth = signedIn
    }
  })

  test('another account never appears in the list', async () => {
    const other = await signIn(t.app, 'ap@cascadefab.com')
    const mine = new Set((await allPages('', 100)).map((i) => i.id))
    const response = await get('/v1/invoices?limit=100', other.headers)
    const theirs = (await response.json()) as Page
    for (const invoice of theirs.data) assert.ok(!mine.has(invoice.id))
  })
})

describe('GET /v1/invoices/{id}', () => {
  let t: TestApp
  let brandt: Record<string, string>
  let cascade: Record<string, string>

  before(async () => {
    t = await createTestApp()
    brandt = (await signIn(t.app, 'ap@brandt-maschinenbau.de')).headers
    cascade = (await signIn(t.app, 'ap@cascadefab.com')).headers
  })
  after(() => t.close())

  test('returns the invoice with lines whose amounts add up to the totals', async () => {
    const list = (await (
      await t.app.request('/v1/invoices?limit=20', { headers: brandt })
    ).json()) as Page
    for (const summary of list.data) {
      const response = await t.app.request(`/v1/invoices/${summary.id}`, { headers: brandt })
      assert.equal(response.status, 200)
      const invoice = (await response.json()) as Page['data'][number] & {
        subtotal: number
        taxTotal: number
        lines: Array<{ quantity: number; unitPrice: number; amount: number; taxRate: number }>
      }
      assert.ok(invoice.lines.length > 0)
      for (const line of invoice.lines) {
        assert.equal(line.amount, line.quantity * line.unitPrice)
        assert.equal(line.taxRate, 1900)
      }
      assert.equal(
        invoice.subtotal,
        invoice.lines.reduce((sum, l) => sum + l.amount, 0),
      )
      assert.equal(invoice.total, invoice.subtotal + invoice.taxTotal)
      if (invoice.status !== 'void')
        assert.equal(invoice.amountDue, invoice.total - invoice.amountPaid)
    }
  })

  test("another account's invoice is a 404 identical to a missing one", async () => {
    const list = (await (
      await t.app.request('/v1/invoices?limit=1', { headers: brandt })
    ).json()) as Page
    const foreign = await t.app.request(`/v1/invoices/${list.data[0]!.id}`, { headers: cascade })
    const missing = await t.app.request(`/v1/invoices/${newId('inv')}`, { headers: cascade })
    assert.equal(foreign.status, 404)
    assert.equal(missing.status, 404)
    assert.deepEqual([...foreign.headers.keys()].sort(), [...missing.headers.keys()].sort())
    assert.equal(await problemWithoutRequestId(foreign), await problemWithoutRequestId(missing))
  })

  test('an ID longer than any real one is a 400, not a lookup', async () => {
    const response = await t.app.request(`/v1/invoices/${'x'.repeat(100)}`, { headers: brandt })
    assert.equal(response.status, 400)
  })
})
