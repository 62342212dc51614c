import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger } from '../lib/logger.js'
import { startSalesforceTestApp, type SalesforceTestApp } from '../testing/salesforce-app.js'
import { startCaseJobs } from './case-jobs.js'

/** Polls `check` until it holds or `ms` pass. */
async function eventually(check: () => Promise<boolean>, ms = 8000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) assert.fail('did not happen in time')
    await sleep(100)
  }
}

describe('the case jobs, as the server starts them with cases in Salesforce', () => {
  let s: SalesforceTestApp

  before(async () => {
    s = await startSalesforceTestApp()
  })
  after(() => s.close())

  test('deliver what waited in the outbox, bring back an agent’s change, and stop cleanly', async () => {
    const answered = await s.raise('Resolved by an agent')
    s.sf.put('Case', { Id: s.caseRecord(answered.id).Id, Status: 'Resolved' })
    s.sf.down = true
    const waiting = await s.raise('Raised while Salesforce was down')
    assert.equal(waiting.syncStatus, 'syncing')
    s.sf.down = false

    const stop = startCaseJobs({
      db: s.t.appDb,
      config: s.t.config,
      connector: s.connector,
      clock: s.t.clock,
      logger: createLogger('silent'),
    })
    try {
      await eventually(async () => (await s.thread(waiting.id)).syncStatus === 'synced')
      assert.equal(
        (s.sf.records.get('Case') ?? []).filter((c) => c.Portico_Case_Id__c === waiting.id).length,
        1,
      )
      await eventually(async () => (await s.thread(answered.id)).status === 'resolved')
    } finally {
      await stop()
    }
    // Stopped means stopped: a change queued now stays queued (the worker polls every 500 ms).
    s.sf.down = true
    const later = await s.raise('Raised after the jobs stopped')
    s.sf.down = false
    await sleep(1500)
    assert.equal((await s.thread(later.id)).syncStatus, 'syncing')
    assert.equal((await s.queued(later.id)).length, 1)
  })
})
