import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'
import { newId } from '../lib/ids.js'
import { preparedQuery } from './prepared-query.js'
import type { StoredEvent } from '../events/stored-event.js'
import type { Database } from './schema.js'

export interface DomainEvent {
  accountId: string | null
  /** `<noun>.<past-tense verb>`: `invoice.paid`, `session.created`. */
  type: string
  subjectId: string | null
  data: Record<string, unknown>
  now: Date
}

const insertEvent = preparedQuery<Omit<StoredEvent, 'seq'>>()((db, param) =>
  db.insertInto('events').values({
    id: param('id'),
    account_id: param('accountId'),
    type: param('type'),
    subject_id: param('subjectId'),
    data: param('data'),
    created_at: param('createdAt'),
  }),
)

/** The advisory lock that orders event appends on PostgreSQL ('port' in ASCII). */
export const EVENTS_APPEND_LOCK = 0x706f7274
/** The channel every replica's event hub listens on. */
export const EVENTS_CHANNEL = 'portico_events'

/**
 * Appends a domain event. Call it with the transaction that makes the change
 * it describes (the transactional outbox): the event exists if and only if
 * the change committed.
 *
 * On PostgreSQL it first takes a transaction-scoped advisory lock, so seqs
 * are drawn — and become visible — in commit order: the event hub's
 * `seq > position` never skips an event committed late with a lower seq.
 * The lock is held until COMMIT, so make this the last write of the
 * transaction that can wait on another. The same statement queues a NOTIFY,
 * which PostgreSQL sends on COMMIT (and drops on ROLLBACK): every replica's
 * hub reads at once.
 */
export async function appendEvent(trx: Kysely<Database>, event: DomainEvent): Promise<string> {
  if (isPostgres(trx)) {
    if (!trx.isTransaction) {
      throw new Error('appendEvent must run in the transaction that makes the change')
    }
    await sql`select pg_advisory_xact_lock(${EVENTS_APPEND_LOCK}), pg_notify(${EVENTS_CHANNEL}, '')`.execute(
      trx,
    )
  }
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
