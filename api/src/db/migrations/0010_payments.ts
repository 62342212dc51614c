import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'
import { allowPurpose, isolateTenant } from './rls.js'

/**
 * Payments: what a customer pays through the portal, with the provider that
 * takes the money, and how the amount is allocated over the account's
 * invoices. A payment reserves its allocations against the invoices' open
 * balance while it is pending (until `expires_at`); the invoices'
 * `amount_paid` moves only when the provider reports the payment succeeded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const money = isPostgres(db) ? 'bigint' : 'integer'

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    // What the provider calls this payment (Midtrans' order_id, a Checkout
    // Session ID): the key its webhooks are matched by.
    .addColumn('provider_reference', 'text', (c) => c.notNull())
    .addColumn('provider_transaction_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'succeeded', 'failed', 'cancelled', 'expired')`),
    )
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull().check(sql`amount > 0`))
    // The part of a succeeded payment no invoice could take (its balance
    // changed outside the portal meanwhile): for the ERP to refund or credit.
    .addColumn('unapplied_amount', money, (c) => c.notNull().defaultTo(0))
    .addColumn('method', 'text')
    .addColumn('return_url', 'text', (c) => c.notNull())
    .addColumn('redirect_url', 'text', (c) => c.notNull())
    .addColumn('provider_token', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('succeeded_at', 'text')
    .addUniqueConstraint('payments_provider_reference_uq', ['provider', 'provider_reference'])
    .execute()
  // The account's payments, newest first: keyset pagination like the invoice list.
  await db.schema
    .createIndex('payments_account_created_idx')
    .on('payments')
    .columns(['account_id', 'created_at desc', 'id desc'])
    .execute()

  await db.schema
    .createTable('payment_allocations')
    .addColumn('payment_id', 'text', (c) =>
      c.notNull().references('payments.id').onDelete('cascade'),
    )
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('amount', money, (c) => c.notNull().check(sql`amount >= 0`))
    .addPrimaryKeyConstraint('payment_allocations_pk', ['payment_id', 'invoice_id'])
    .execute()
  // What is reserved against an invoice, and which payments went to it.
  await db.schema
    .createIndex('payment_allocations_invoice_idx')
    .on('payment_allocations')
    .columns(['invoice_id', 'payment_id'])
    .execute()

  // Row-level security, as for every tenant table (0006); a provider's
  // webhook names only its reference: which account is it of?
  await isolateTenant(db, 'payments')
  await isolateTenant(db, 'payment_allocations')
  await allowPurpose(db, 'payments', 'payment-inbound', ['select'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payment_allocations').execute()
  await db.schema.dropTable('payments').execute()
}
