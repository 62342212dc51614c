import type { Kysely } from 'kysely'
import { preparedQuery } from './prepared-query.js'
import type { Database } from './schema.js'

/**
 * The ledger of events other systems sent (the ERP, the CRM, payment
 * providers), one row per source and event ID: recorded in the same
 * transaction as the event's effect, it makes a redelivery a no-op.
 */

type Key = { source: string; eventId: string }

const record = preparedQuery<Key & { type: string; at: string }>()((db, param) =>
  db
    .insertInto('inbound_events')
    .values({
      source: param('source'),
      event_id: param('eventId'),
      type: param('type'),
      received_at: param('at'),
      outcome: 'applied',
    })
    .onConflict((oc) => oc.columns(['source', 'event_id']).doNothing()),
)

const outcomeOf = preparedQuery<Key>()((db, param) =>
  db
    .selectFrom('inbound_events')
    .select('outcome')
    .where('source', '=', param('source'))
    .where('event_id', '=', param('eventId')),
)

const setOutcome = preparedQuery<Key & { outcome: string }>()((db, param) =>
  db
    .updateTable('inbound_events')
    .set({ outcome: param('outcome') })
    .where('source', '=', param('source'))
    .where('event_id', '=', param('eventId')),
)

/** Records an event as applied; false when it was recorded before (a redelivery). */
export async function recordInboundEvent(
  db: Kysely<Database>,
  event: Key & { type: string; at: string },
): Promise<boolean> {
  return (await record.run(db, event)) > 0
}

/** What a recorded event came to, for a redelivery to answer the same. */
export async function inboundOutcome(db: Kysely<Database>, key: Key): Promise<string | undefined> {
  const [row] = await outcomeOf.execute(db, key)
  return row?.outcome
}

/** Notes that an event was received but changed nothing (`ignored`, `stale`, …). */
export async function setInboundOutcome(
  db: Kysely<Database>,
  key: Key & { outcome: string },
): Promise<void> {
  await setOutcome.run(db, key)
}
