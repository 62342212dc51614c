import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { CompiledQuery } from 'kysely'
import { withTenant } from '../../db/scope.js'
import { permissionsOf } from '../../http/permissions.js'
import { createTestApp, type TestApp } from '../../testing.js'
import { planOf, queryRecorder } from '../../testing/query-plans.js'
import { listActivity } from '../activity/service.js'
import { listCases } from './service.js'

describe('query plans of the case list and the activity feed', () => {
  let t: TestApp
  let accountId: string

  before(async () => {
    t = await createTestApp()
    accountId = (
      await t.db
        .selectFrom('users')
        .select('account_id')
        .where('email', '=', 'einkauf@brandt-maschinenbau.de')
        .executeTakeFirstOrThrow()
    ).account_id
  })
  after(() => t.close())

  async function queriesOf(run: (ctx: Parameters<typeof listCases>[0]) => Promise<unknown>) {
    const recorded: CompiledQuery[] = []
    await withTenant(t.appDb, accountId, (db) =>
      run({
        db: db.withPlugin(queryRecorder(t.db, recorded)),
        accountId,
        userId: '',
        permissions: new Set(permissionsOf('admin')),
        clock: t.clock,
        secret: t.config.secret,
      }),
    )
    return recorded.filter((q) => /^select/i.test(q.sql))
  }

  const cases: Array<[string, (ctx: Parameters<typeof listCases>[0]) => Promise<unknown>, RegExp]> =
    [
      ['cases, first page', (ctx) => listCases(ctx, { limit: 20 }), /cases_account_created_idx/],
      [
        'cases of an order',
        (ctx) => listCases(ctx, { limit: 20, orderId: 'ord_x' }),
        /cases_account_(order|created)_idx/,
      ],
      [
        'activity, every kind',
        (ctx) => listActivity(ctx, { limit: 20 }),
        /events_account_(type_)?created_idx/,
      ],
      [
        'activity, comments only',
        (ctx) => listActivity(ctx, { limit: 20, kind: 'comment' }),
        /events_account_(type_)?created_idx/,
      ],
    ]

  for (const [name, run, index] of cases) {
    test(`${name} reads an index`, async () => {
      const [first] = await queriesOf(run)
      assert.ok(first, 'the service ran a query')
      const plan = await planOf(t.db, first)
      if (process.env.PORTICO_PRINT_PLANS) process.stderr.write(`${name}:\n${plan}\n`)
      assert.match(plan, index, plan)
      assert.doesNotMatch(plan, /SCAN (TABLE )?(cases|events)\b(?! USING)/, plan)
    })
  }
})
