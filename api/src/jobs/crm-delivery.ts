import type { Kysely } from 'kysely'
import type { CaseConnector } from '../connectors/crm/case-connector.js'
import type { ErpConnector } from '../connectors/erp/erp-connector.js'
import { CRM_CONSUMER } from '../db/outbox.js'
import type { Database } from '../db/schema.js'
import { withTenant } from '../db/scope.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { createOutboxWorker } from './outbox-worker.js'

/**
 * The outbox's view of a case connector: each `case.*` event the connector
 * only accepted is handed to its `deliver` in the case's account scope, and
 * once the CRM has it the case is `synced` with the CRM's ID.
 */
export function crmDeliveryTarget(
  db: Kysely<Database>,
  connector: CaseConnector,
  clock: Clock,
): ErpConnector {
  return {
    name: connector.name,
    async deliver(event) {
      const accountId = event.accountId ?? ''
      const caseEvent = { ...event, accountId, subjectId: event.subjectId ?? '' }
      await withTenant(db, accountId, async (db) => {
        const { externalId } = await connector.deliver(
          { db, accountId, now: clock.now() },
          caseEvent,
        )
        await db
          .updateTable('cases')
          .set({ sync_status: 'synced', ...(externalId ? { external_id: externalId } : {}) })
          .where('id', '=', caseEvent.subjectId)
          .where('account_id', '=', accountId)
          .execute()
      })
    },
  }
}

/** Starts delivering queued case changes to the CRM; returns a function that stops it. */
export function startCrmDelivery(deps: {
  db: Kysely<Database>
  connector: CaseConnector
  clock: Clock
  logger: Logger
  maxAttempts: number
}) {
  const worker = createOutboxWorker({
    db: deps.db,
    connector: crmDeliveryTarget(deps.db, deps.connector, deps.clock),
    consumer: CRM_CONSUMER,
    clock: deps.clock,
    logger: deps.logger,
    maxAttempts: deps.maxAttempts,
  })
  worker.start()
  return () => worker.stop()
}
