import type { Kysely } from 'kysely'
import { preparedQuery } from './prepared-query.js'
import type { Database } from './schema.js'

/** The consumer name of the ERP in the outbox. */
export const ERP_CONSUMER = 'erp'

const insertDelivery = preparedQuery<{ eventId: string; accountId: string; at: string }>()(
  (db, param) =>
    db.insertInto('outbox_deliveries').values({
      event_id: param('eventId'),
      consumer: ERP_CONSUMER,
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
 * Queues an event for the ERP, in the transaction that wrote it (the
 * transactional outbox): the ERP receives it, at least once, if and only if
 * the change committed. See jobs/outbox-worker.ts.
 */
export async function enqueueDelivery(
  trx: Kysely<Database>,
  eventId: string,
  accountId: string,
  now: Date,
) {
  await insertDelivery.run(trx, { eventId, accountId, at: now.toISOString() })
}
