import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'
import { allowPurpose, isolateTenant } from './rls.js'

/**
 * Documents, contracts, renewal reminders, in-app notifications and the
 * audit log.
 *
 * - `documents`: what the ERP uploaded (tax invoices, delivery orders,
 *   certificates, contracts), attached to the account and optionally to one
 *   of its orders, invoices or contracts. The bytes live in a DocumentStore
 *   under `storage_key`; the row keeps the sniffed type, size and SHA-256.
 *   `(account_id, erp_document_id)` is unique: the ERP's retry of an upload
 *   finds the first one.
 * - `contracts` and `contract_items`: subscriptions with their term, renewal
 *   date, auto-renewal and notice period.
 * - `contract_renewal_reminders`: one row per reminder sent. Its primary key
 *   (contract, renewal date, threshold) is what makes a reminder go out at
 *   most once, whatever number of job processes race for it; the next term
 *   (a new renewal date) is reminded again.
 * - `notifications` + `notification_reads`: in-app messages to an account,
 *   each visible to the users holding `permission`, with per-user read state.
 * - `audit_log`: append-only and hash-chained per account:
 *   `hash = SHA-256(prev_hash ‖ seq ‖ account_id ‖ JCS(entry))`; the primary
 *   key (account_id, seq) keeps the chain from forking.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db)
  const money = pg ? 'bigint' : 'integer'

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active', 'cancelled', 'expired')`),
    )
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('billing_period', 'text', (c) =>
      c.notNull().check(sql`billing_period in ('monthly', 'quarterly', 'annual')`),
    )
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('renewal_date', 'text', (c) => c.notNull())
    .addColumn('auto_renew', 'integer', (c) => c.notNull())
    .addColumn('notice_period_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contracts_account_number_uq', ['account_id', 'number'])
    .execute()
  // The list, soonest renewal first, by keyset over (renewal_date, id).
  await db.schema
    .createIndex('contracts_account_renewal_idx')
    .on('contracts')
    .columns(['account_id', 'renewal_date', 'id'])
    .execute()
  // The reminder job: active contracts renewing within the next 60 days.
  await db.schema
    .createIndex('contracts_status_renewal_idx')
    .on('contracts')
    .columns(['status', 'renewal_date'])
    .execute()

  await db.schema
    .createTable('contract_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) =>
      c.notNull().references('contracts.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contract_items_contract_idx')
    .on('contract_items')
    .columns(['contract_id', 'position'])
    .execute()

  await db.schema
    .createTable('contract_renewal_reminders')
    .addColumn('contract_id', 'text', (c) =>
      c.notNull().references('contracts.id').onDelete('cascade'),
    )
    .addColumn('renewal_date', 'text', (c) => c.notNull())
    .addColumn('threshold_days', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_renewal_reminders_pk', [
      'contract_id',
      'renewal_date',
      'threshold_days',
    ])
    .execute()

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('invoice', 'tax_invoice', 'delivery_order', 'certificate_of_analysis', 'contract', 'other')`,
        ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', money, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
    .addColumn('erp_document_id', 'text')
    .addColumn('document_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('documents_account_erp_uq', ['account_id', 'erp_document_id'])
    .execute()
  // Keyset pagination, newest first, unfiltered and per filter: each page is
  // one range scan whatever the filter.
  for (const [name, filter] of [
    ['documents_account_created_idx', []],
    ['documents_account_order_idx', ['order_id']],
    ['documents_account_invoice_idx', ['invoice_id']],
    ['documents_account_type_idx', ['type']],
    ['documents_account_contract_idx', ['contract_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('documents')
      .columns(['account_id', ...filter, 'created_at desc', 'id desc'])
      .execute()
  }

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    // Only users holding this permission see the notification.
    .addColumn('permission', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('notifications_account_created_idx')
    .on('notifications')
    .columns(['account_id', 'created_at desc', 'id desc'])
    .execute()
  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'text', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    // The entry as hashed: RFC 8785 canonical JSON.
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['account_id', 'seq'])
    .execute()
  await db.schema
    .createIndex('audit_log_subject_idx')
    .on('audit_log')
    .columns(['account_id', 'subject_id'])
    .execute()

  // Row-level security, as for every tenant table (0006): the tenant policy
  // on each, and the two purposes that cross accounts here — the renewal job
  // finding the contracts due, housekeeping reading every chain's head.
  for (const table of [
    'contracts',
    'contract_items',
    'contract_renewal_reminders',
    'documents',
    'notifications',
    'notification_reads',
    'audit_log',
  ]) {
    await isolateTenant(db, table)
  }
  await allowPurpose(db, 'contracts', 'renewals', ['select'])
  await allowPurpose(db, 'audit_log', 'housekeeping', ['select'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'notification_reads',
    'notifications',
    'documents',
    'contract_renewal_reminders',
    'contract_items',
    'contracts',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
