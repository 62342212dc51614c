import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { ConfigError, loadConfig } from '../../../config.js'
import { createCrmReconcile } from '../../../jobs/crm-reconcile.js'
import { createLogger, type Logger } from '../../../lib/logger.js'
import { startSalesforceTestApp, type SalesforceTestApp } from '../../../testing/salesforce-app.js'
import { createCaseStatusMap } from './case-fields.js'

const SALESFORCE = {
  NODE_ENV: 'test',
  PORTICO_CRM: 'salesforce',
  SALESFORCE_USERNAME: 'integration@portico.example',
  SALESFORCE_PASSWORD: 'secret-and-token',
}

function picklistOf(env: Record<string, string>) {
  const { crm } = loadConfig({ ...SALESFORCE, ...env })
  assert.equal(crm.kind, 'salesforce')
  return crm.caseStatuses
}

function recordingLogger() {
  const lines: Array<{ message: string; fields?: Record<string, unknown> }> = []
  const logger: Logger = {
    info: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }),
    debug: () => {},
  }
  return { logger, lines }
}

describe('the Case Status picklist mapping (SALESFORCE_CASE_STATUSES)', () => {
  test('by default Portico writes and reads New, Working, Waiting on Customer, Resolved, Closed', () => {
    const statuses = createCaseStatusMap(picklistOf({}), recordingLogger().logger)
    assert.deepEqual(
      (['new', 'open', 'waiting_on_customer', 'resolved', 'closed'] as const).map(
        statuses.toSalesforce,
      ),
      ['New', 'Working', 'Waiting on Customer', 'Resolved', 'Closed'],
    )
    assert.equal(statuses.toPortico('Waiting on Customer'), 'waiting_on_customer')
  })

  test('an org’s own values: the first is written, every one is read', () => {
    const statuses = createCaseStatusMap(
      picklistOf({
        SALESFORCE_CASE_STATUSES:
          'new=Neu, open=In Bearbeitung|Eskaliert,waiting_on_customer=Warten auf Kunde,resolved=Gelöst,closed=Geschlossen|Abgelehnt',
      }),
      recordingLogger().logger,
    )
    assert.equal(statuses.toSalesforce('open'), 'In Bearbeitung')
    assert.equal(statuses.toPortico('Eskaliert'), 'open')
    assert.equal(statuses.toPortico('Abgelehnt'), 'closed')
    assert.equal(statuses.toSalesforce('new'), 'Neu')
  })

  test('an unknown value reads as open and is logged once, not per case', () => {
    const { logger, lines } = recordingLogger()
    const statuses = createCaseStatusMap(picklistOf({}), logger)
    assert.equal(statuses.toPortico('On Fire'), 'open')
    assert.equal(statuses.toPortico('On Fire'), 'open')
    assert.equal(statuses.toPortico(null), 'open')
    assert.deepEqual(
      lines.map((l) => l.fields?.status),
      ['On Fire', 'null'],
    )
  })

  for (const [spec, problem] of [
    ['new=New,open=Working,resolved=Resolved,closed=Closed', /no value for waiting_on_customer/],
    [
      'new=New,open=Working|Closed,waiting_on_customer=W,resolved=R,closed=Closed',
      /"Closed" cannot mean both open and closed/,
    ],
    ['new=New,open=Working,waiting=W,resolved=R,closed=C', /"waiting=W" is not like/],
    ['new=New,open=Working||Escalated,waiting_on_customer=W,resolved=R,closed=C', /empty value/],
    ['new=New,new=Neu,open=O,waiting_on_customer=W,resolved=R,closed=C', /new is listed twice/],
  ] as const)
    test(`refuses to start on ${spec}`, () => {
      assert.throws(
        () => loadConfig({ ...SALESFORCE, SALESFORCE_CASE_STATUSES: spec }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /SALESFORCE_CASE_STATUSES/.test(error.message) &&
          problem.test(error.message),
      )
    })
})

describe('a case in an org with its own Status picklist', () => {
  const SECRET = 'whsec_c2FsZXNmb3JjZS10ZXN0LXNlY3JldC0xMjM0NTY3OA=='
  let s: SalesforceTestApp

  before(async () => {
    s = await startSalesforceTestApp({
      SALESFORCE_WEBHOOK_SECRET: SECRET,
      SALESFORCE_CASE_STATUSES:
        'new=Neu,open=In Bearbeitung|Eskaliert,waiting_on_customer=Warten auf Kunde,resolved=Gelöst,closed=Geschlossen',
    })
  })
  after(() => s.close())

  const sendStatus = (id: string, caseId: string, status: string) => {
    const body = JSON.stringify({
      id,
      type: 'case.status_changed',
      occurredAt: new Date().toISOString(),
      data: { caseId, status, authorName: 'Ana' },
    })
    const at = new Date()
    return s.t.app.request('/v1/integrations/salesforce/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${s.t.operatorKey}`,
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(SECRET).sign(id, at, body),
      },
      body,
    })
  }

  test('is written with the org’s values and read back through them', async () => {
    const created = await s.raise('Mapped statuses')
    assert.equal(s.caseRecord(created.id).Status, 'Neu')
    const escalated = await sendStatus('map-1', created.id, 'Eskaliert')
    assert.equal(escalated.status, 200, await escalated.clone().text())
    assert.equal((await s.thread(created.id)).status, 'open')

    const reconcile = createCrmReconcile({
      db: s.t.appDb,
      connector: s.connector,
      sla: s.t.config,
      clock: s.t.clock,
      logger: createLogger('silent'),
    })
    s.sf.put('Case', { Id: s.caseRecord(created.id).Id, Status: 'Gelöst' })
    assert.equal(await reconcile.reconcileOnce(), 1)
    assert.equal((await s.thread(created.id)).status, 'resolved')

    const closed = await s.post(`/v1/cases/${created.id}/close`, {})
    assert.equal(closed.status, 200, await closed.clone().text())
    assert.equal(s.caseRecord(created.id).Status, 'Geschlossen')
  })

  test('a value the mapping does not know is no error: the case reads as open', async () => {
    const created = await s.raise('Unknown status')
    const response = await sendStatus('map-2', created.id, 'In Klärung')
    assert.equal(response.status, 200, await response.clone().text())
    assert.deepEqual(await response.json(), { id: 'map-2', duplicate: false, outcome: 'applied' })
    assert.equal((await s.thread(created.id)).status, 'open')
  })
})
