import type { TenantContext } from '../../db/tenant.js'
import type { InvoiceLineRow, InvoiceRow } from '../../db/schema.js'
import { invalidField, notFound } from '../../http/problem.js'
import { isoDate } from '../../lib/clock.js'
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../lib/cursor.js'
import type { Invoice, InvoiceSummary, ListInvoicesInput } from './schemas.js'

type Position = { d: string; i: string }

function isPosition(value: unknown): value is Position {
  const p = value as Position
  return typeof p === 'object' && p !== null && typeof p.d === 'string' && typeof p.i === 'string'
}

/** The status a customer sees: an open invoice past its due date is overdue. */
export function effectiveStatus(
  row: Pick<InvoiceRow, 'status' | 'due_date'>,
  today: string,
): InvoiceSummary['status'] {
  return row.status === 'open' && row.due_date < today ? 'overdue' : row.status
}

/**
 * The columns a summary is built from. The list selects these and no more:
 * turning each SQLite value into a JavaScript one is most of a page's cost.
 */
const SUMMARY_COLUMNS = [
  'id',
  'number',
  'status',
  'currency',
  'issue_date',
  'due_date',
  'subtotal',
  'tax_total',
  'total',
  'amount_paid',
  'po_number',
] as const satisfies ReadonlyArray<keyof InvoiceRow>

type SummaryRow = Pick<InvoiceRow, (typeof SUMMARY_COLUMNS)[number]>

export function toInvoiceSummary(row: SummaryRow, today: string): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    status: effectiveStatus(row, today),
    currency: row.currency,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    subtotal: Number(row.subtotal),
    taxTotal: Number(row.tax_total),
    total: Number(row.total),
    amountPaid: Number(row.amount_paid),
    amountDue: row.status === 'void' ? 0 : Number(row.total) - Number(row.amount_paid),
    poNumber: row.po_number,
  }
}

/**
 * The account's invoices, newest first, by keyset pagination over
 * (issue_date, id): each page is one range scan of
 * invoices_account_issue_idx, so page 1,000 costs what page 1 does. No
 * OFFSET, no COUNT.
 */
export async function listInvoices(
  ctx: TenantContext,
  input: ListInvoicesInput,
): Promise<{ data: InvoiceSummary[]; nextCursor: string | null }> {
  const filters = JSON.stringify([
    input.status ?? null,
    input.issuedFrom ?? null,
    input.issuedTo ?? null,
  ])
  let after: Position | undefined
  if (input.cursor) {
    try {
      const decoded = decodeCursor(ctx.secret, input.cursor, filters)
      if (!isPosition(decoded)) throw new InvalidCursorError('shape')
      after = decoded
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw invalidField(
          'query.cursor',
          'The cursor is invalid, tampered with, or belongs to other filters',
          'invalid_cursor',
        )
      }
      throw error
    }
  }
  const today = isoDate(ctx.clock.now())

  let query = ctx.db
    .selectFrom('invoices')
    .select(SUMMARY_COLUMNS)
    .where('account_id', '=', ctx.accountId)
  switch (input.status) {
    case 'open':
      query = query.where('status', '=', 'open').where('due_date', '>=', today)
      break
    case 'overdue':
      query = query.where('status', '=', 'open').where('due_date', '<', today)
      break
    case 'paid':
    case 'void':
      query = query.where('status', '=', input.status)
      break
  }
  if (input.issuedFrom) query = query.where('issue_date', '>=', input.issuedFrom)
  if (input.issuedTo) query = query.where('issue_date', '<=', input.issuedTo)
  if (after) {
    const { d, i } = after
    query = query.where((eb) => eb(eb.refTuple('issue_date', 'id'), '<', eb.tuple(d, i)))
  }
  const rows = await query
    .orderBy('issue_date', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()

  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor(ctx.secret, { d: last.issue_date, i: last.id }, filters)
      : null
  return { data: page.map((row) => toInvoiceSummary(row, today)), nextCursor }
}

function toInvoiceLine(row: InvoiceLineRow): Invoice['lines'][number] {
  return {
    id: row.id,
    description: row.description,
    sku: row.sku,
    quantity: Number(row.quantity),
    unitPrice: Number(row.unit_price),
    taxRate: Number(row.tax_rate_bps),
    amount: Number(row.amount),
  }
}

/** One invoice of the account with its lines; another account's ID is simply not found. */
export async function getInvoice(ctx: TenantContext, id: string): Promise<Invoice> {
  const row = await ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!row) throw notFound('invoice')
  const lines = await ctx.db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', row.id)
    .where('account_id', '=', ctx.accountId)
    .orderBy('position')
    .execute()
  return { ...toInvoiceSummary(row, isoDate(ctx.clock.now())), lines: lines.map(toInvoiceLine) }
}
