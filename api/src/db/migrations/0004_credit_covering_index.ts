import type { Kysely } from 'kysely'

/**
 * The credit check sums `total` over the account's uninvoiced orders inside
 * every order's transaction. With `total` in the index the sum is read from
 * the index alone: no lookup of each order's table row, whose pages would
 * otherwise be read (and crowd the page cache) once per outstanding order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_account_uninvoiced_idx').execute()
  await db.schema
    .createIndex('orders_account_uninvoiced_idx')
    .on('orders')
    .columns(['account_id', 'invoiced_at', 'status', 'total'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_account_uninvoiced_idx').execute()
  await db.schema
    .createIndex('orders_account_uninvoiced_idx')
    .on('orders')
    .columns(['account_id', 'invoiced_at', 'status'])
    .execute()
}
