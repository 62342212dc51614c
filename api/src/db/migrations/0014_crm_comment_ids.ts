import type { Kysely } from 'kysely'

/**
 * The CRM's ID of a comment an agent wrote there (a Salesforce CaseComment
 * Id): the same comment reaching Portico twice — an inbound event and the
 * reconcile, or a redelivery under another event ID — is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_comments').addColumn('external_id', 'text').execute()
  // Unique among the comments that have one (NULLs never collide, on SQLite and PostgreSQL).
  await db.schema
    .createIndex('case_comments_external_idx')
    .on('case_comments')
    .columns(['account_id', 'external_id'])
    .unique()
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_comments_external_idx').execute()
  await db.schema.alterTable('case_comments').dropColumn('external_id').execute()
}
