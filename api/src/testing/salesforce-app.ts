import assert from 'node:assert/strict'
import { withTenant } from '../db/scope.js'
import type { CaseOutboxEvent } from '../connectors/crm/case-connector.js'
import { caseConnectorFor } from '../connectors/crm/connectors.js'
import type { Case } from '../modules/cases/schemas.js'
import { createTestApp, signIn, type TestApp } from '../testing.js'
import { startFakeSalesforce, type FakeSalesforce } from './fake-salesforce.js'

export const SF_BUYER = 'einkauf@brandt-maschinenbau.de'
export const SF_ACCOUNT = '001000000000AAA'

/**
 * A test app keeping cases in a fake Salesforce, the buyer's account linked
 * to {@link SF_ACCOUNT}, with the requests a case test needs: raise a case,
 * comment, attach, read it back, and hand its queued changes to a fresh
 * connector as the outbox would.
 */
export async function startSalesforceTestApp(env: Record<string, string> = {}) {
  const sf: FakeSalesforce = await startFakeSalesforce()
  const t: TestApp = await createTestApp({
    PORTICO_CRM: 'salesforce',
    SALESFORCE_LOGIN_URL: sf.url,
    SALESFORCE_USERNAME: 'integration@portico.example',
    SALESFORCE_PASSWORD: 'secret-and-token',
    ...env,
  })
  const { headers: auth, accountId } = await signIn(t.app, SF_BUYER)
  await t.db
    .updateTable('accounts')
    .set({ salesforce_account_id: SF_ACCOUNT })
    .where('id', '=', accountId)
    .execute()
  let key = 0

  const post = (path: string, body: unknown) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `sfa-${key++}` },
      body: JSON.stringify(body),
    })

  async function raise(subject = 'Where is my delivery?'): Promise<Case> {
    const response = await post('/v1/cases', {
      subject,
      description: 'It was due yesterday.',
      category: 'delivery',
    })
    assert.equal(response.status, 201, await response.clone().text())
    return (await response.json()) as Case
  }

  function upload(caseId: string, file: { name: string; type: string; content: Buffer }) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name)
    return t.app.request(`/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
  }

  async function thread(caseId: string) {
    const response = await t.app.request(`/v1/cases/${caseId}`, { headers: auth })
    assert.equal(response.status, 200)
    return (await response.json()) as Case
  }

  /** The case's changes waiting for the CRM, oldest first, as the outbox hands them over. */
  async function queued(caseId: string): Promise<CaseOutboxEvent[]> {
    const rows = await t.db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .select(['e.id', 'e.type', 'e.account_id', 'e.subject_id', 'e.data', 'e.created_at'])
      .where('e.subject_id', '=', caseId)
      .where('d.consumer', '=', 'crm')
      .where('d.state', '=', 'pending')
      .orderBy('e.id')
      .execute()
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      accountId: row.account_id ?? '',
      subjectId: row.subject_id ?? '',
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
    }))
  }

  const connector = caseConnectorFor(t.config, t)
  /** One delivery attempt of a queued change, as the outbox worker makes it. */
  const deliver = (event: CaseOutboxEvent) =>
    withTenant(t.appDb, accountId, (db) =>
      connector.deliver({ db, accountId, now: new Date() }, event),
    )

  return {
    sf,
    t,
    auth,
    accountId,
    post,
    raise,
    upload,
    thread,
    queued,
    deliver,
    connector,
    /** The Salesforce Case of a Portico case. */
    caseRecord: (caseId: string) => {
      const record = (sf.records.get('Case') ?? []).find((c) => c.Portico_Case_Id__c === caseId)
      assert.ok(record, `no Case for ${caseId}`)
      return record
    },
    close: async () => {
      await t.close()
      await sf.close()
    },
  }
}

export type SalesforceTestApp = Awaited<ReturnType<typeof startSalesforceTestApp>>
