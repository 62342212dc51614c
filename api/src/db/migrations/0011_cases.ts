import { sql, type Kysely } from 'kysely'
import { allowPurpose, isolateTenant } from './rls.js'

/**
 * Support cases. Portico keeps its own row of every case whichever system
 * of record holds it (the built-in store, or a CRM through its connector):
 * the row carries the SLA clocks, the activity feed's labels and whether the
 * CRM has the latest change yet (`sync_status`, `external_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Case numbers count per account and year (CS-2026-00042): the counter
  // row is locked by the upsert that draws the next number.
  await db.schema
    .createTable('case_counters')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['account_id', 'year'])
    .execute()

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`category in ('question', 'delivery', 'quality', 'warranty', 'billing', 'maintenance')`,
        ),
    )
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('new', 'open', 'waiting_on_customer', 'resolved', 'closed')`),
    )
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    // Category-specific facts, a JSON object of strings.
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('connector', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('sync_status', 'text', (c) =>
      c.notNull().check(sql`sync_status in ('synced', 'syncing', 'failed')`),
    )
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_response_due_at', 'text')
    .addColumn('resolution_due_at', 'text')
    .addColumn('first_responded_at', 'text')
    // When the job found a target missed: set once, so the breach is announced once.
    .addColumn('first_response_breached_at', 'text')
    .addColumn('resolution_breached_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_account_number_uq', ['account_id', 'number'])
    .execute()
  // The account's cases, newest first (keyset pagination like payments).
  await db.schema
    .createIndex('cases_account_created_idx')
    .on('cases')
    .columns(['account_id', 'created_at desc', 'id desc'])
    .execute()
  // "The cases about this order / invoice" — the order and invoice pages.
  await db.schema
    .createIndex('cases_account_order_idx')
    .on('cases')
    .columns(['account_id', 'order_id'])
    .execute()
  await db.schema
    .createIndex('cases_account_invoice_idx')
    .on('cases')
    .columns(['account_id', 'invoice_id'])
    .execute()
  // The SLA job's scans: only the clocks still running are indexed.
  await db.schema
    .createIndex('cases_first_response_due_idx')
    .on('cases')
    .column('first_response_due_at')
    .where(sql.ref('first_responded_at'), 'is', null)
    .where(sql.ref('first_response_breached_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('cases_resolution_due_idx')
    .on('cases')
    .column('resolution_due_at')
    .where(sql.ref('resolved_at'), 'is', null)
    .where(sql.ref('resolution_breached_at'), 'is', null)
    .execute()

  await db.schema
    .createTable('case_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) =>
      c.notNull().check(sql`author_kind in ('customer', 'agent')`),
    )
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('case_comments_case_idx')
    .on('case_comments')
    .columns(['case_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('comment_id', 'text', (c) => c.references('case_comments.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('case_attachments_case_idx')
    .on('case_attachments')
    .columns(['case_id', 'created_at', 'id'])
    .execute()

  // The activity feed: an account's events (of one type), newest first by
  // when they happened — which for imported history is not commit order.
  await db.schema
    .createIndex('events_account_created_idx')
    .on('events')
    .columns(['account_id', 'created_at', 'seq'])
    .execute()
  await db.schema
    .createIndex('events_account_type_created_idx')
    .on('events')
    .columns(['account_id', 'type', 'created_at', 'seq'])
    .execute()

  for (const table of ['case_counters', 'cases', 'case_comments', 'case_attachments'])
    await isolateTenant(db, table)
  // The SLA job finds the clocks that ran out across accounts (each breach is
  // written in its account's scope); an agent's answer through the operator
  // key names only the case: which account is it of?
  await allowPurpose(db, 'cases', 'sla', ['select'])
  await allowPurpose(db, 'cases', 'case-inbound', ['select'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_account_type_created_idx').execute()
  await db.schema.dropIndex('events_account_created_idx').execute()
  await db.schema.dropTable('case_attachments').execute()
  await db.schema.dropTable('case_comments').execute()
  await db.schema.dropTable('cases').execute()
  await db.schema.dropTable('case_counters').execute()
}
