import { sql, type Expression, type ExpressionBuilder } from 'kysely'
import { preparedQuery } from '../../db/prepared-query.js'
import type { TenantContext } from '../../db/tenant.js'
import type { Database, InvoiceLineRow } from '../../db/schema.js'
import { notFound } from '../../http/problem.js'
import { isoDate } from '../../lib/clock.js'
import { cursorPosition } from '../../http/cursor-position.js'
import { encodeCursor } from '../../lib/cursor.js'
import { jsonArrayText, parseJsonText, type JsonText } from '../../lib/json-text.js'
import { indexedSummary } from './summary-sql.js'
import type { Invoice, InvoiceList, InvoiceSummary, ListInvoicesInput } from './schemas.js'

type Position = { d: string; i: string }

function isPosition(value: unknown): value is Position {
  const p = value as Position
  return typeof p === 'object' && p !== null && typeof p.d === 'string' && typeof p.i === 'string'
}

/** What picks a list query: each combination of filters is its own prepared query. */
interface ListVariant {
  status: ListInvoicesInput['status'] | null
  from: boolean
  to: boolean
  after: boolean
}

type ListParams = {
  accountId: string
  today: string
  issuedFrom: string | undefined
  issuedTo: string | undefined
  afterDate: string | undefined
  afterId: string | undefined
  limit: number
}

/**
 * The status a customer sees today. An open invoice past its due date is
 * overdue, paid in part or not: overdue is what needs action (dunning, late
 * fees), and `amountPaid` still tells a part payment. An open invoice not yet
 * due with something paid is partially paid. The stored status stays
 * open/paid/void; the stored summary carries what the row gives by itself
 * (open, partially_paid, paid, void), and overdue, the one status that
 * depends on the day, is put in here only.
 */
const STORED_OPEN = '{"status":"open"'
const STORED_PARTIALLY_PAID = '{"status":"partially_paid"'

/**
 * An invoice summary as the API shows it, as JSON text: the stored summary,
 * or for an open invoice past its due date the same with status "overdue".
 * One value per row, which the list reads from its covering index
 * (`indexedSummary`): the list sends these texts as they are, the detail
 * parses one.
 */
function dayItem(
  eb: ExpressionBuilder<Database, 'invoices'>,
  today: string,
  summary: Expression<string> = eb.ref('summary'),
) {
  // The rest of the summary after its status: the stored prefix is one of two, known by amount_paid.
  const rest = sql<string>`substr(${summary}, ${eb
    .case()
    .when('amount_paid', '>', 0)
    .then(sql.lit(STORED_PARTIALLY_PAID.length + 1))
    .else(sql.lit(STORED_OPEN.length + 1))
    .end()})`
  return eb
    .case()
    .when(eb.and([eb('status', '=', 'open'), eb('due_date', '<', today)]))
    .then(sql<string>`${sql.lit('{"status":"overdue"')} || ${rest}`)
    .else(summary)
    .end()
}

/**
 * The list query of one variant: a range scan of invoices_account_issue_idx
 * (or invoices_account_status_issue_idx with a status) from the cursor's
 * position on, newest first, one row past the page to tell whether another
 * follows.
 */
function listQuery(variant: ListVariant) {
  return preparedQuery<ListParams>()((db, param) => {
    const today = param('today')
    let query = db
      .selectFrom('invoices')
      .select((eb) => dayItem(eb, today, indexedSummary(db)).as('item'))
      .where('account_id', '=', param('accountId'))
    switch (variant.status) {
      case 'open':
        query = query
          .where('status', '=', 'open')
          .where('due_date', '>=', today)
          .where('amount_paid', '=', 0)
        break
      case 'partially_paid':
        query = query
          .where('status', '=', 'open')
          .where('due_date', '>=', today)
          .where('amount_paid', '>', 0)
        break
      case 'overdue':
        query = query.where('status', '=', 'open').where('due_date', '<', today)
        break
      case 'paid':
      case 'void':
        query = query.where('status', '=', variant.status)
        break
    }
    if (variant.from) query = query.where('issue_date', '>=', param('issuedFrom') as string)
    if (variant.to) query = query.where('issue_date', '<=', param('issuedTo') as string)
    if (variant.after) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('issue_date', 'id'),
          '<',
          eb.tuple(param('afterDate') as string, param('afterId') as string),
        ),
      )
    }
    return query.orderBy('issue_date', 'desc').orderBy('id', 'desc').limit(param('limit'))
  })
}

const listQueries = new Map<string, ReturnType<typeof listQuery>>()

function listQueryFor(variant: ListVariant) {
  const key = `${variant.status}|${variant.from}|${variant.to}|${variant.after}`
  let query = listQueries.get(key)
  if (!query) {
    query = listQuery(variant)
    listQueries.set(key, query)
  }
  return query
}

/**
 * The account's invoices, newest first, by keyset pagination over
 * (issue_date, id): each page is one range scan of
 * invoices_account_issue_idx, so page 1,000 costs what page 1 does. No
 * OFFSET, no COUNT. The page is returned as the JSON text of the response
 * body, assembled from the rows the database serialised.
 */
export async function listInvoices(
  ctx: TenantContext,
  input: ListInvoicesInput,
): Promise<JsonText<InvoiceList>> {
  const filters = JSON.stringify([
    input.status ?? null,
    input.issuedFrom ?? null,
    input.issuedTo ?? null,
  ])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isPosition)
  const query = listQueryFor({
    status: input.status ?? null,
    from: input.issuedFrom !== undefined,
    to: input.issuedTo !== undefined,
    after: after !== undefined,
  })
  const items = (await query.values(ctx.db, {
    accountId: ctx.accountId,
    today: isoDate(ctx.clock.now()),
    issuedFrom: input.issuedFrom,
    issuedTo: input.issuedTo,
    afterDate: after?.d,
    afterId: after?.i,
    limit: input.limit + 1,
  })) as Array<JsonText<InvoiceSummary>>

  const page = items.slice(0, input.limit)
  let nextCursor: string | null = null
  if (items.length > input.limit) {
    const last = parseJsonText(page.at(-1)!)
    nextCursor = encodeCursor(ctx.secret, { d: last.issueDate, i: last.id }, filters)
  }
  return `{"data":${jsonArrayText(page)},"nextCursor":${JSON.stringify(nextCursor)}}` as JsonText<InvoiceList>
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
    .select((eb) => ['id', dayItem(eb, isoDate(ctx.clock.now())).as('item')])
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
  return { ...parseJsonText(row.item as JsonText<InvoiceSummary>), lines: lines.map(toInvoiceLine) }
}
