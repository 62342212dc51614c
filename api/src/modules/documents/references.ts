import type { Kysely } from 'kysely'
import type { Database, DocumentsTable } from '../../db/schema.js'

/** The numbers people know an order, invoice or contract by, per id. */
export interface ReferenceNumbers {
  orders: ReadonlyMap<string, string>
  invoices: ReadonlyMap<string, string>
  contracts: ReadonlyMap<string, string>
}

type Referencing = Pick<DocumentsTable, 'order_id' | 'invoice_id' | 'contract_id'>

const idsOf = (rows: readonly Referencing[], key: keyof Referencing) => [
  ...new Set(rows.map((row) => row[key]).filter((id): id is string => id !== null)),
]

/**
 * The order, invoice and contract numbers the documents name, in one query
 * per kind (a page names a handful): a document list shows "Invoice
 * FT-2026-00027", not an opaque ID. Scoped to the account like the
 * documents themselves.
 */
export async function referenceNumbers(
  db: Kysely<Database>,
  accountId: string,
  rows: readonly Referencing[],
): Promise<ReferenceNumbers> {
  const numbers = async (table: 'orders' | 'invoices' | 'contracts', ids: string[]) => {
    if (!ids.length) return new Map<string, string>()
    const found = await db
      .selectFrom(table)
      .select(['id', 'number'])
      .where('account_id', '=', accountId)
      .where('id', 'in', ids)
      .execute()
    return new Map(found.map((row) => [row.id, row.number]))
  }
  const [orders, invoices, contracts] = await Promise.all([
    numbers('orders', idsOf(rows, 'order_id')),
    numbers('invoices', idsOf(rows, 'invoice_id')),
    numbers('contracts', idsOf(rows, 'contract_id')),
  ])
  return { orders, invoices, contracts }
}
