import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { canonicalJson } from '../../lib/canonical-json.js'
import { createTestApp, type TestApp } from '../../testing.js'
import { appendAudit, auditCheckpoints, GENESIS_HASH, verifyAuditChain } from './service.js'

test('canonical JSON (RFC 8785): members sorted by UTF-16 code units, no whitespace, ES number form', () => {
  assert.equal(
    canonicalJson({
      b: [1, 2.5, 1e21, -0],
      a: { z: null, y: 'é\u2028"' },
      '\u20ac': true,
      '\ud83d\ude00': 1,
      A: 1,
    }),
    '{"A":1,"a":{"y":"é\u2028\\"","z":null},"b":[1,2.5,1e+21,0],"\u20ac":true,"\ud83d\ude00":1}',
  )
  assert.throws(() => canonicalJson({ x: Number.NaN }), TypeError)
})

describe('audit log', () => {
  let t: TestApp
  let accountId: string
  before(async () => {
    t = await createTestApp()
    accountId = (await t.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()).id
  })
  after(() => t.close())

  const append = (n: number) =>
    appendAudit(t.db, {
      accountId,
      action: 'document.downloaded',
      actor: 'user:user_x',
      subjectId: `doc_${n}`,
      detail: { ip: '127.0.0.1', n },
      now: t.clock.now(),
    })

  test('entries chain per account from the genesis hash; a checkpoint anchors a later verification', async () => {
    const first = await append(1)
    assert.equal(first.seq, 1)
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow()
    assert.equal(row.prev_hash, GENESIS_HASH)
    const second = await append(2)
    assert.equal(second.seq, 2)
    assert.deepEqual(await auditCheckpoints(t.db), [second])
    await append(3)
    assert.deepEqual(await verifyAuditChain(t.db, accountId), {
      ok: true,
      entries: 3,
      head: (await auditCheckpoints(t.db))[0],
    })
    assert.equal((await verifyAuditChain(t.db, accountId, second)).ok, true)
  })

  test('a deleted entry, or a checkpoint the log no longer matches, is caught', async () => {
    const checkpoint = (await auditCheckpoints(t.db))[0]!
    await t.db
      .deleteFrom('audit_log')
      .where('account_id', '=', accountId)
      .where('seq', '=', 2)
      .execute()
    assert.deepEqual(await verifyAuditChain(t.db, accountId), {
      ok: false,
      seq: 2,
      reason: 'an entry is missing',
    })
    await t.db
      .updateTable('audit_log')
      .set({ hash: 'f'.repeat(64) })
      .where('account_id', '=', accountId)
      .where('seq', '=', checkpoint.seq)
      .execute()
    const verified = await verifyAuditChain(t.db, accountId, checkpoint)
    assert.equal(verified.ok, false)
  })
})
