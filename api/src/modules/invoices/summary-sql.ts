import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely'
import { isPostgres } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'

/**
 * `invoices.summary` as SQLite's list indexes hold it: the expression of
 * migration 0015, repeated verbatim. SQLite answers a query from an index on
 * an expression only when the query selects that same expression — then it
 * reads the stored value instead of computing it, and never touches the
 * table. Through the VIRTUAL column it would do both. The list's plan tests
 * fail when this and the index differ.
 */
const SQLITE_INDEXED_SUMMARY: RawBuilder<string> = sql<string>`json_object(
  'status', case when status = 'open' and amount_paid > 0 then 'partially_paid' else status end,
  'id', id, 'number', number, 'currency', currency, 'issueDate', issue_date,
  'dueDate', due_date, 'subtotal', subtotal, 'taxTotal', tax_total, 'total', total,
  'amountPaid', amount_paid,
  'amountDue', case when status = 'void' then 0 else total - amount_paid end,
  'poNumber', po_number
)`

/**
 * The invoice summary for a list read from its index: the indexed expression
 * on SQLite, the stored column (which the index INCLUDEs) on PostgreSQL.
 */
export function indexedSummary(db: Kysely<Database>): Expression<string> {
  return isPostgres(db) ? sql.ref<string>('summary') : SQLITE_INDEXED_SUMMARY
}
