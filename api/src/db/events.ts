import type { Kysely, Transaction } from 'kysely'
import { newId } from '../lib/ids.js'
import type { Database } from './schema.js'

export interface DomainEvent {
  accountId: string | null
  /** `<noun>.<past-tense verb>`: `invoice.paid`, `session.created`. */
  type: string
  subjectId: string | null
  data: Record<string, unknown>
  now: Date
}

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
  await trx
    .insertInto('events')
    .values({
      id,
      account_id: event.accountId,
      type: event.type,
      subject_id: event.subjectId,
      data: JSON.stringify(event.data),
      created_at: event.now.toISOString(),
    })
    .execute()
  return id
}
