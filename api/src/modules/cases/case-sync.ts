import type { Kysely } from 'kysely'
import type { CaseWriteResult } from '../../connectors/crm/case-connector.js'
import { CRM_CONSUMER, enqueueDelivery } from '../../db/outbox.js'
import type { Database } from '../../db/schema.js'

/**
 * Records what the system of record answered for a change, in the
 * transaction of the change and after its event: `synced` keeps the CRM's
 * ID of the case; `accepted` marks the case `syncing` and queues the event
 * for the CRM through the outbox — the worker sets it `synced` again once
 * delivered (see connectors/crm/case-connector.ts).
 */
export async function recordCaseSync(
  trx: Kysely<Database>,
  change: {
    accountId: string
    caseId: string
    eventId: string
    result: CaseWriteResult
    now: Date
  },
): Promise<void> {
  if (change.result.state === 'accepted') {
    await trx
      .updateTable('cases')
      .set({ sync_status: 'syncing' })
      .where('id', '=', change.caseId)
      .where('account_id', '=', change.accountId)
      .execute()
    await enqueueDelivery(trx, change.eventId, change.accountId, change.now, CRM_CONSUMER)
  } else if (change.result.externalId !== null) {
    await trx
      .updateTable('cases')
      .set({ external_id: change.result.externalId })
      .where('id', '=', change.caseId)
      .where('account_id', '=', change.accountId)
      .execute()
  }
}
