import type { Kysely } from 'kysely'
import type { CaseConnector } from '../connectors/crm/case-connector.js'
import { PermanentDeliveryError, type ErpConnector } from '../connectors/erp/erp-connector.js'
import { appendEvent } from '../db/events.js'
import { CRM_CONSUMER } from '../db/outbox.js'
import { transaction, withTenant } from '../db/scope.js'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { createOutboxWorker } from './outbox-worker.js'

/**
 * The outbox's view of a case connector: hands each queued `case.*` change
 * to {@link CaseConnector.deliver}, then, in the case's account, records
 * what the CRM now holds — `synced` with its ID and `case.synced` once no
 * other change of the case waits, `failed` when the CRM refuses for good.
 */
export function caseDeliveryConnector(
  db: Kysely<Database>,
  connector: CaseConnector,
  clock: Clock,
): ErpConnector {
  return {
    name: connector.name,
    async deliver(event) {
      if (!event.accountId || !event.subjectId) throw new PermanentDeliveryError('not a case event')
      const accountId = event.accountId
      const caseId = event.subjectId
      const now = clock.now()
      let externalId: string | null
      try {
        ;({ externalId } = await withTenant(db, accountId, (db) =>
          connector.deliver({ db, accountId, now }, { ...event, accountId, subjectId: caseId }),
        ))
      } catch (error) {
        if (error instanceof PermanentDeliveryError)
          await withTenant(db, accountId, (db) =>
            db
              .updateTable('cases')
              .set({ sync_status: 'failed' })
              .where('id', '=', caseId)
              .where('account_id', '=', accountId)
              .execute(),
          )
        throw error
      }
      await withTenant(db, accountId, (db) =>
        transaction(db, async (trx) => {
          // Another change of the case still queued: it stays `syncing` until the last.
          const waiting = await trx
            .selectFrom('outbox_deliveries as d')
            .innerJoin('events as e', 'e.id', 'd.event_id')
            .select('d.event_id')
            .where('d.account_id', '=', accountId)
            .where('d.consumer', '=', CRM_CONSUMER)
            .where('d.state', '=', 'pending')
            .where('d.event_id', '!=', event.id)
            .where('e.subject_id', '=', caseId)
            .executeTakeFirst()
          await trx
            .updateTable('cases')
            .set({
              ...(externalId !== null ? { external_id: externalId } : {}),
              ...(waiting ? {} : { sync_status: 'synced' as const }),
            })
            .where('id', '=', caseId)
            .where('account_id', '=', accountId)
            .execute()
          if (!waiting)
            await appendEvent(trx, {
              accountId,
              type: 'case.synced',
              subjectId: caseId,
              data: { caseId, externalId },
              now,
            })
        }),
      )
    },
  }
}

/**
 * Delivers queued case changes to the CRM, like the ERP's outbox worker
 * (the same claiming, per-case order, retries and dead letters). Only a
 * connector that answers `accepted` ever queues anything: the built-in
 * store needs no worker.
 */
export function startCaseSync(deps: {
  db: Kysely<Database>
  connector: CaseConnector
  clock: Clock
  logger: Logger
  maxAttempts: number
}) {
  const worker = createOutboxWorker({
    db: deps.db,
    connector: caseDeliveryConnector(deps.db, deps.connector, deps.clock),
    consumer: CRM_CONSUMER,
    clock: deps.clock,
    logger: deps.logger,
    maxAttempts: deps.maxAttempts,
  })
  worker.start()
  return () => worker.stop()
}
