import { sql, type Kysely } from 'kysely'

/**
 * The resolution clock pauses while a case waits on the customer: when it
 * paused (`resolution_paused_at`, null while it runs) and the business time
 * it has been paused in all (`resolution_paused_seconds`), by which
 * `resolution_due_at` has already been moved on. The SLA job's partial
 * index leaves paused clocks out, as the job does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('cases').addColumn('resolution_paused_at', 'text').execute()
  await db.schema
    .alterTable('cases')
    .addColumn('resolution_paused_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // A case already waiting on its customer pauses from its last change — the
  // nearest record of when it started waiting — rather than breaching on
  // the first run of the job after the upgrade.
  await sql`update cases set resolution_paused_at = updated_at
    where status = 'waiting_on_customer' and resolution_due_at is not null`.execute(db)
  await db.schema.dropIndex('cases_resolution_due_idx').execute()
  await db.schema
    .createIndex('cases_resolution_due_idx')
    .on('cases')
    .column('resolution_due_at')
    .where(sql.ref('resolved_at'), 'is', null)
    .where(sql.ref('resolution_breached_at'), 'is', null)
    .where(sql.ref('resolution_paused_at'), 'is', null)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_resolution_due_idx').execute()
  await db.schema
    .createIndex('cases_resolution_due_idx')
    .on('cases')
    .column('resolution_due_at')
    .where(sql.ref('resolved_at'), 'is', null)
    .where(sql.ref('resolution_breached_at'), 'is', null)
    .execute()
  await db.schema.alterTable('cases').dropColumn('resolution_paused_seconds').execute()
  await db.schema.alterTable('cases').dropColumn('resolution_paused_at').execute()
}
