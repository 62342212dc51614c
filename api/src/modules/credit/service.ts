import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Credit } from './schemas.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The account's credit position. Outstanding = open invoice balances +
 * orders not yet invoiced. Inside an order's transaction this is the figure
 * the credit check uses, so concurrent orders see each other.
 */
export async function creditPosition(db: Db, accountId: string): Promise<Credit> {
  const account = await db
    .selectFrom('accounts')
    .leftJoin('account_terms', 'account_terms.account_id', 'accounts.id')
    .select([
      'accounts.currency',
      'account_terms.credit_limit',
      'account_terms.on_hold',
      'account_terms.hold_reason',
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirstOrThrow()
  const invoices = await db
    .selectFrom('invoices')
    .select((eb) =>
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('total', '-', eb.ref('amount_paid'))), eb.lit(0))
        .as('due'),
    )
    .where('account_id', '=', accountId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
  const orders = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total'), eb.lit(0)).as('total'))
    .where('account_id', '=', accountId)
    .where('invoiced_at', 'is', null)
    .where('status', 'not in', ['cancelled', 'rejected'])
    .executeTakeFirstOrThrow()
  const limit = Number(account.credit_limit ?? 0)
  const openInvoices = Number(invoices.due)
  const uninvoicedOrders = Number(orders.total)
  const outstanding = openInvoices + uninvoicedOrders
  return {
    currency: account.currency,
    limit,
    openInvoices,
    uninvoicedOrders,
    outstanding,
    available: Math.max(0, limit - outstanding),
    onHold: Boolean(account.on_hold),
    holdReason: account.hold_reason ?? null,
  }
}
