import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../testing.js'
import { preparedInsert, preparedQuery } from './prepared-query.js'
import type { Role } from './schema.js'

describe('preparedQuery', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const usersOfRole = preparedQuery<{ accountId: string; role: Role }>()((db, param) =>
    db
      .selectFrom('users')
      .select(['email', 'role'])
      .where('account_id', '=', param('accountId'))
      .where('role', '=', param('role'))
      // A constant of the builder's own stays in the template as it is.
      .where('disabled_at', 'is', null)
      .orderBy('email'),
  )

  test('runs with the values of each call, as the same query built afresh would', async () => {
    const accounts = await t.db.selectFrom('accounts').select('id').orderBy('id').execute()
    for (const { id } of accounts) {
      for (const role of ['admin', 'buyer', 'viewer'] as const) {
        const expected = await t.db
          .selectFrom('users')
          .select(['email', 'role'])
          .where('account_id', '=', id)
          .where('role', '=', role)
          .where('disabled_at', 'is', null)
          .orderBy('email')
          .execute()
        assert.deepEqual(await usersOfRole.execute(t.db, { accountId: id, role }), expected)
      }
    }
  })

  test('compiles once: every call sends the same SQL with fresh parameters', async () => {
    const sql = usersOfRole.sql(t.db)
    // `?` on SQLite, `$1` on PostgreSQL.
    assert.match(sql, /"account_id" = (\?|\$1) and "role" = (\?|\$2) and "disabled_at" is null/)
    await usersOfRole.execute(t.db, { accountId: 'acct_none', role: 'admin' })
    assert.equal(usersOfRole.sql(t.db), sql)
  })

  test('runs inside a transaction of the same database', async () => {
    const [account] = await t.db.selectFrom('accounts').select('id').limit(1).execute()
    const rows = await t.db
      .transaction()
      .execute((trx) => usersOfRole.execute(trx, { accountId: account!.id, role: 'admin' }))
    assert.ok(rows.every((row) => row.role === 'admin'))
  })

  test('run() answers how many rows a write changed', async () => {
    const rename = preparedQuery<{ email: string; name: string }>()((db, param) =>
      db
        .updateTable('users')
        .set({ name: param('name') })
        .where('email', '=', param('email')),
    )
    assert.equal(await rename.run(t.db, { email: 'buyer@cascadefab.com', name: 'Dana B.' }), 1)
    assert.equal(await rename.run(t.db, { email: 'nobody@example.com', name: 'x' }), 0)
    const [row] = await t.db
      .selectFrom('users')
      .select('name')
      .where('email', '=', 'buyer@cascadefab.com')
      .execute()
    assert.equal(row?.name, 'Dana B.')
  })

  test('values() answers the one column of each row, in order, and leaves the statement giving rows', async () => {
    const emailsOf = preparedQuery<{ accountId: string }>()((db, param) =>
      db
        .selectFrom('users')
        .select('email')
        .where('account_id', '=', param('accountId'))
        .orderBy('email'),
    )
    const [account] = await t.db
      .selectFrom('accounts')
      .select('id')
      .orderBy('id')
      .limit(1)
      .execute()
    const rows = await emailsOf.execute(t.db, { accountId: account!.id })
    assert.ok(rows.length > 1)
    const values = await t.db
      .transaction()
      .execute((trx) => emailsOf.values(trx, { accountId: account!.id }))
    assert.deepEqual(
      values,
      rows.map((row) => row.email),
    )
    // The same cached statement, asked for rows again, gives rows.
    assert.deepEqual(await emailsOf.execute(t.db, { accountId: account!.id }), rows)
    assert.deepEqual(await emailsOf.values(t.db, { accountId: 'acct_none' }), [])
  })

  test('values() refuses a query that selects more than one column', async () => {
    const [user] = await t.db.selectFrom('users').select('account_id').limit(1).execute()
    await assert.rejects(
      usersOfRole.values(t.db, { accountId: user!.account_id, role: 'admin' }),
      /selects 2 columns/,
    )
  })

  test('a value that looks like SQL is a value', async () => {
    const rows = await usersOfRole.execute(t.db, { accountId: "' or 1=1 --", role: 'admin' })
    assert.deepEqual(rows, [])
  })

  test('preparedInsert writes every column of the row as given, nulls included', async () => {
    const insertTimeline = preparedInsert('order_timeline', {
      id: true,
      order_id: true,
      account_id: true,
      status: true,
      occurred_at: true,
      recorded_at: true,
      source: true,
      detail: true,
    })
    const order = await t.db
      .selectFrom('orders')
      .select(['id', 'account_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const rows = ['otl_prepared_1', 'otl_prepared_2'].map((id, i) => ({
      id,
      order_id: order.id,
      account_id: order.account_id,
      status: i === 0 ? ('confirmed' as const) : ('shipped' as const),
      occurred_at: `2026-12-0${i + 1}T10:00:00.000Z`,
      recorded_at: `2026-12-0${i + 1}T10:00:01.000Z`,
      source: 'erp' as const,
      detail: JSON.stringify({ n: i }),
    }))
    for (const row of rows) assert.equal(await insertTimeline.run(t.db, row), 1)
    const stored = await t.db
      .selectFrom('order_timeline')
      .selectAll()
      .where('id', 'in', ['otl_prepared_1', 'otl_prepared_2'])
      .orderBy('id')
      .execute()
    assert.deepEqual(stored, rows)
    assert.match(insertTimeline.sql(t.db), /^insert into "order_timeline" \("id", "order_id"/)
  })
})
