import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'

/**
 * Ordering: the catalog, per-account price lists with quantity breaks and
 * validity windows, commercial terms (credit limit, hold, tax), orders with
 * their lines, status timeline and shipments, the outbox deliveries to the
 * ERP, and the ERP's inbound events (kept for de-duplication).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const money = isPostgres(db) ? 'bigint' : 'integer'

  // Portal adoption: when each user last signed in.
  await db.schema.alterTable('users').addColumn('last_login_at', 'text').execute()

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('min_order_quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('order_multiple', 'integer', (c) => c.notNull().defaultTo(1))
    // Restricted products are visible and orderable only by the accounts in product_accounts.
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('product_accounts')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('product_accounts_pk', ['account_id', 'product_id'])
    .execute()

  await db.schema
    .createTable('price_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('erp_reference', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('price_lists_account_validity_idx')
    .on('price_lists')
    .columns(['account_id', 'valid_from'])
    .execute()

  await db.schema
    .createTable('price_list_items')
    .addColumn('price_list_id', 'text', (c) =>
      c.notNull().references('price_lists.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    // A quantity break: this unit price applies from this quantity up.
    .addColumn('min_quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addPrimaryKeyConstraint('price_list_items_pk', ['price_list_id', 'product_id', 'min_quantity'])
    .execute()

  await db.schema
    .createTable('account_terms')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('credit_limit', money, (c) => c.notNull())
    .addColumn('on_hold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_reason', 'text')
    .addColumn('tax_rate_bps', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('placed', 'confirmed', 'in_production', 'partially_shipped', 'shipped', 'delivered', 'cancelled', 'rejected')`,
        ),
    )
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('subtotal', money, (c) => c.notNull())
    .addColumn('tax_total', money, (c) => c.notNull())
    .addColumn('total', money, (c) => c.notNull())
    .addColumn('po_number', 'text')
    .addColumn('delivery_address', 'text')
    .addColumn('requested_date', 'text')
    .addColumn('note', 'text')
    .addColumn('erp_order_number', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('placed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    // Set when the ERP invoices the order: from then on it counts against
    // credit through its invoice, not as an uninvoiced order.
    .addColumn('invoiced_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('orders_account_number_uq', ['account_id', 'number'])
    .execute()
  await db.schema
    .createIndex('orders_account_placed_idx')
    .on('orders')
    .columns(['account_id', 'placed_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('orders_account_status_placed_idx')
    .on('orders')
    .columns(['account_id', 'status', 'placed_at desc', 'id desc'])
    .execute()

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('tax_rate_bps', 'integer', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('shipped_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('order_lines_order_idx')
    .on('order_lines')
    .columns(['order_id', 'position'])
    .execute()

  await db.schema
    .createTable('order_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_timeline_order_idx')
    .on('order_timeline')
    .columns(['order_id', 'occurred_at'])
    .execute()

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('erp_shipment_id', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('tracking_url', 'text')
    // JSON array of { lineId, sku, quantity }.
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('shipped_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addUniqueConstraint('shipments_order_erp_uq', ['order_id', 'erp_shipment_id'])
    .execute()

  // One row per (event, consumer) that a system of record must receive.
  await db.schema
    .createTable('outbox_deliveries')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'delivered', 'dead')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_deliveries_pk', ['event_id', 'consumer'])
    .execute()
  await db.schema
    .createIndex('outbox_deliveries_due_idx')
    .on('outbox_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute()

  await db.schema
    .createTable('inbound_events')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbound_events_pk', ['source', 'event_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'inbound_events',
    'outbox_deliveries',
    'shipments',
    'order_timeline',
    'order_lines',
    'orders',
    'account_terms',
    'price_list_items',
    'price_lists',
    'product_accounts',
    'products',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('users').dropColumn('last_login_at').execute()
}
