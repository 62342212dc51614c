import type { Kysely } from 'kysely'

/**
 * The credit check runs inside every order's transaction: it sums the
 * account's open invoices and its orders not yet invoiced. These indexes
 * bound that work by what is outstanding, not by the account's history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('orders_account_uninvoiced_idx')
    .on('orders')
    .columns(['account_id', 'invoiced_at', 'status'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_account_uninvoiced_idx').execute()
}
