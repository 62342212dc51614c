import type { Kysely } from 'kysely'

/**
 * The outbox worker delivers only the earliest pending event of each
 * subject (an order's cancellation never overtakes its placement): for every
 * candidate it asks whether a pending event of the same subject has a lower
 * seq. Without an index on (subject_id, seq) each such question scanned the
 * events table — with a thousand pending deliveries, minutes per batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_subject_seq_idx')
    .on('events')
    .columns(['subject_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_subject_seq_idx').execute()
}
