import type { Kysely, Transaction } from 'kysely'
import { newId } from '../lib/ids.js'
import { preparedQuery } from './prepared-query.js'
import type { Database } from './schema.js'

export interface DomainEvent {
  accountId: string | null
  /** `<noun>.<past-tense verb>`: `invoice.paid`, `session.created`. */
  type: string
  subjectId: string | null
  data: Record<string, unknown>
  now: Date
}

const insertEvent = preparedQuery<{
  id: string
  accountId: string | null
  type: string
  subjectId: string | null
  data: string
  createdAt: string
}>()((db, param) =>
  db.insertInto('events').values({
    id: param('id'),
    account_id: param('accountId'),
    type: param('type'),
    subject_id: param('subjectId'),
    data: param('data'),
    created_at: param('createdAt'),
  }),
)

/**
 * Appends a domain event. Call it with the transaction that makes the change
 * it describes (the transactional outbox): the event exists if and only if
 * the change committed.
 */
export async function appendEvent(
  trx: Transaction<Database> | Kysely<Database>,
  event: DomainEvent,
): Promise<string> {
  const id = newId('evt', event.now.getTime())
  await insertEvent.run(trx, {
    id,
    accountId: event.accountId,
    type: event.type,
    subjectId: event.subjectId,
    data: JSON.stringify(event.data),
    createdAt: event.now.toISOString(),
  })
  return id
}
