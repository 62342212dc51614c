import type { Kysely } from 'kysely'
import { preparedQuery } from './prepared-query.js'
import type { Database } from './schema.js'

/** The consumer name of the ERP in the outbox. */
export const ERP_CONSUMER = 'erp'
/** The consumer name of the CRM that holds support cases (see connectors/crm/case-connector.ts). */
export const CRM_CONSUMER = 'crm'

const insertDelivery = preparedQuery<{
  eventId: string
  accountId: string
  at: string
  consumer: string
}>()((db, param) =>
  db.insertInto('outbox_deliveries').values({
    event_id: param('eventId'),
    consumer: param('consumer'),
    account_id: param('accountId'),
    state: 'pending',
    attempts: 0,
    next_attempt_at: param('at'),
    claimed_until: null,
    last_error: null,
    delivered_at: null,
    created_at: param('at'),
  }),
)

/**
 * Queues an event for a consumer (the ERP by default, the CRM for cases), in
 * the transaction that wrote it (the transactional outbox): the consumer
 * receives it, at least once, if and only if the change committed. See
 * jobs/outbox-worker.ts.
 */
export async function enqueueDelivery(
  trx: Kysely<Database>,
  eventId: string,
  accountId: string,
  now: Date,
  consumer: string = ERP_CONSUMER,
) {
  await insertDelivery.run(trx, { eventId, accountId, at: now.toISOString(), consumer })
}
