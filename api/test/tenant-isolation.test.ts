import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { newId, SHARED_ID_PREFIXES, type IdPrefix } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from '../src/testing.js'
import { bodyText, sampleValidRequest } from './support/arbitraries.js'
import { sessionFor } from './support/credentials.js'
import { expectedPrefix, harvestIds, idsIn } from './support/harvest.js'
import { reportGate } from './support/report.js'
import { operations, type Operation } from './support/spec.js'

/**
 * Gate 2 — tenant isolation. Every account harvests every ID it can see
 * through every list endpoint; then every operation that takes an ID (in
 * its path or body) is called by every *other* account with each of those
 * IDs. The answer must be byte-for-byte the answer for an ID that does not
 * exist, and no foreign ID may appear in any response. Generic over the
 * spec: a new endpoint is probed the day it is added.
 */
const ID_FIELD = /^(id|\w+Id|\w+Ids)$/

/**
 * Tenant-scoped operations that take an ID: a path parameter, or an id-like
 * body property. (Operator operations see every tenant by design.)
 */
function idTakingOperations(): Array<{ op: Operation; slots: string[] }> {
  return operations()
    .filter((op) => op.permission !== 'operator')
    .map((op) => ({
      op,
      slots: [
        ...op.parameters.filter((p) => p.in === 'path').map((p) => `path:${p.name}`),
        ...Object.keys(op.body?.schema.properties ?? {})
          .filter((k) => ID_FIELD.test(k))
          .map((k) => `body:${k}`),
      ],
    }))
    .filter(({ slots }) => slots.length > 0)
}

describe('gate: tenant isolation', () => {
  let t: TestApp
  const accounts: Array<{ accountId: string; email: string; ids: Set<string> }> = []
  const stats = { accounts: 0, operations: 0, idsProbed: 0, requests: 0, leaks: 0 }

  before(async () => {
    t = await createTestApp({ PORTICO_EMBED_MINTS_PER_MINUTE: '100000' })
    // One user per account, the one with the widest role.
    const users = await t.db
      .selectFrom('users')
      .select(['email', 'account_id', 'role'])
      .orderBy('email')
      .execute()
    const rank = { admin: 0, accounts_payable: 1, buyer: 2, viewer: 3 } as const
    for (const user of users.sort((a, b) => rank[a.role] - rank[b.role])) {
      if (accounts.some((a) => a.accountId === user.account_id)) continue
      const token = await sessionFor(t.db, user.email, t.clock.now())
      accounts.push({
        accountId: user.account_id,
        email: user.email,
        ids: await harvestIds(t.app, { authorization: `Bearer ${token}` }),
      })
    }
    stats.accounts = accounts.length
  })
  after(async () => {
    reportGate('tenant isolation', {
      accounts: stats.accounts,
      'ID-taking operations': stats.operations,
      'foreign IDs probed': stats.idsProbed,
      'requests sent': stats.requests,
      'leaks found': stats.leaks,
    })
    await t.close()
  })

  test('there are at least two accounts, each seeing records of its own', () => {
    assert.ok(accounts.length >= 2)
    for (const account of accounts)
      assert.ok(account.ids.size > 0, `${account.email} sees nothing to probe with`)
  })

  test('no list shows one account an ID another account sees', () => {
    for (const a of accounts) {
      for (const b of accounts) {
        if (a === b) continue
        const shared = [...a.ids].filter(
          (id) =>
            b.ids.has(id) && !SHARED_ID_PREFIXES.some((prefix) => id.startsWith(`${prefix}_`)),
        )
        stats.leaks += shared.length
        assert.deepEqual(
          shared,
          [],
          `${a.email} and ${b.email} both see ${shared.slice(0, 3).join(', ')}`,
        )
      }
    }
  })

  for (const { op, slots } of idTakingOperations()) {
    test(`${op.name}: every foreign ID answers exactly like a missing one`, async () => {
      stats.operations++
      const auth = op.permission === 'operator' ? undefined : true
      for (const caller of accounts) {
        const token = auth ? await sessionFor(t.db, caller.email, t.clock.now()) : t.operatorKey
        const foreignIds = accounts.filter((a) => a !== caller).flatMap((a) => [...a.ids])
        const call = async (slot: string, id: string, seed: number) => {
          const pathIds = Object.fromEntries(
            op.parameters
              .filter((p) => p.in === 'path')
              .map((p) => [p.name, slot === `path:${p.name}` ? id : ([...caller.ids][0] ?? id)]),
          )
          const { path, headers, body } = sampleValidRequest(op, seed, pathIds)
          if (body && slot.startsWith('body:'))
            body[slot.slice(5)] =
              op.body?.schema.properties?.[slot.slice(5)]?.type === 'array' ? [id] : id
          stats.requests++
          const response = await t.app.request(path, {
            method: op.method,
            headers: { authorization: `Bearer ${token}`, ...headers },
            body: bodyText(op, body),
          })
          const text = await response.text()
          return {
            status: response.status,
            headerNames: [...response.headers.keys()].sort().join(),
            text,
          }
        }
        for (const slot of slots) {
          const prefix = slot.startsWith('path:') ? expectedPrefix(op, slot.slice(5)) : undefined
          const probed = foreignIds.filter((id) => !prefix || id.startsWith(`${prefix}_`))
          // Every call of a slot uses the same generated request but for the ID, so
          // the answers can differ only through the ID; a seed whose request is
          // invalid anyway (400 before any lookup) would probe nothing, so skip it.
          const fake = newId((prefix ?? 'inv') as IdPrefix)
          let seed = 1
          let missing = await call(slot, fake, seed)
          while (missing.status === 400 && seed < 50) missing = await call(slot, fake, ++seed)
          assert.ok(
            missing.status >= 400 && missing.status < 500,
            `${op.name} answered ${missing.status} for a missing ID`,
          )
          const expected = missing.text.replace(/"requestId":"[^"]*"/, '')
          for (const id of probed) {
            stats.idsProbed++
            const answer = await call(slot, id, seed)
            const leaked = idsIn(answer.text).filter(
              (found) =>
                !caller.ids.has(found) && found !== caller.accountId && foreignIds.includes(found),
            )
            if (
              answer.status !== missing.status ||
              answer.text.replace(/"requestId":"[^"]*"/, '') !== expected ||
              leaked.length
            ) {
              stats.leaks++
              assert.fail(
                `${caller.email} calling ${op.name} with ${slot}=${id} (another account's) got ${answer.status} ` +
                  `${answer.text.slice(0, 200)} — a missing ID gets ${missing.status} ${expected.slice(0, 200)}` +
                  (leaked.length ? ` — leaked ${leaked.join(', ')}` : ''),
              )
            }
            assert.equal(
              answer.headerNames,
              missing.headerNames,
              'the same headers as for a missing ID',
            )
          }
        }
      }
    })
  }
})
