import type { Kysely, Transaction } from 'kysely'
import { preparedQuery } from '../../db/prepared-query.js'
import type { Database } from '../../db/schema.js'
import type { Credit } from './schemas.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * One statement for the whole position: the account's terms and its
 * exposure — the balance of its open invoices and the total of its
 * uninvoiced orders, kept up to date by triggers (migration
 * 0016_account_exposure), so the check costs the same however many invoices
 * and orders the account has. Every order runs it in its transaction, so it
 * is prepared once.
 */
const creditQuery = preparedQuery<{ accountId: string }>()((db, param) =>
  db
    .selectFrom('accounts')
    .leftJoin('account_terms', 'account_terms.account_id', 'accounts.id')
    .leftJoin('account_exposure', 'account_exposure.account_id', 'accounts.id')
    .select([
      'accounts.currency',
      'account_terms.credit_limit',
      'account_terms.on_hold',
      'account_terms.hold_reason',
      'account_terms.tax_rate_bps',
      'account_exposure.open_invoices',
      'account_exposure.uninvoiced_orders',
    ])
    .where('accounts.id', '=', param('accountId')),
)

/**
 * The account's credit position. Outstanding = open invoice balances +
 * orders not yet invoiced. Inside an order's transaction this is the figure
 * the credit check uses, so concurrent orders see each other.
 */
export async function creditPosition(db: Db, accountId: string): Promise<Credit> {
  const [account] = await creditQuery.execute(db, { accountId })
  if (!account) throw new Error(`No account ${accountId}`)
  const limit = Number(account.credit_limit ?? 0)
  const openInvoices = Number(account.open_invoices ?? 0)
  const uninvoicedOrders = Number(account.uninvoiced_orders ?? 0)
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
    taxRate: Number(account.tax_rate_bps ?? 0),
  }
}
