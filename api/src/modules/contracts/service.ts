import type { ContractItemsTable, ContractsTable } from '../../db/schema.js'
import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition, isKeyPosition } from '../../http/cursor-position.js'
import { keysetPage } from '../../http/list.js'
import { notFound } from '../../http/problem.js'
import { referenceNumbers } from '../documents/references.js'
import { toDocument } from '../documents/service.js'
import type { Contract, ContractList, ListContractsInput } from './schemas.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** `YYYY-MM-DD` `days` before a calendar date. */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10)
}

function toItem(row: ContractItemsTable): Contract['items'][number] {
  return {
    id: row.id,
    sku: row.sku,
    description: row.description,
    quantity: Number(row.quantity),
    unit: row.unit,
    unitPrice: Number(row.unit_price),
    amount: Number(row.quantity) * Number(row.unit_price),
  }
}

/**
 * Contracts as the API shows them, with their items and the newest contract
 * document attached to each — read for the whole page in two queries.
 */
async function withDetails(ctx: TenantContext, rows: ContractsTable[]): Promise<Contract[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [items, documents] = await Promise.all([
    ctx.db
      .selectFrom('contract_items')
      .selectAll()
      .where('account_id', '=', ctx.accountId)
      .where('contract_id', 'in', ids)
      .orderBy('contract_id')
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('documents')
      .selectAll()
      .where('account_id', '=', ctx.accountId)
      .where('contract_id', 'in', ids)
      .where('type', '=', 'contract')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ])
  const references = await referenceNumbers(ctx.db, ctx.accountId, documents)
  return rows.map((row) => {
    const own = items.filter((i) => i.contract_id === row.id).map(toItem)
    const document = documents.find((d) => d.contract_id === row.id)
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status,
      currency: row.currency,
      billingPeriod: row.billing_period,
      termStart: row.term_start,
      termEnd: row.term_end,
      renewalDate: row.renewal_date,
      autoRenew: Boolean(row.auto_renew),
      noticePeriodDays: Number(row.notice_period_days),
      noticeDeadline: daysBefore(row.renewal_date, Number(row.notice_period_days)),
      periodTotal: own.reduce((sum, i) => sum + i.amount, 0),
      items: own,
      document: document ? toDocument(document, references) : null,
    }
  })
}

/** The account's contracts, soonest renewal first, keyset-paginated over (renewal_date, id). */
export async function listContracts(
  ctx: TenantContext,
  input: ListContractsInput,
): Promise<ContractList> {
  const filters = JSON.stringify([input.status ?? null])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isKeyPosition)
  let query = ctx.db.selectFrom('contracts').selectAll().where('account_id', '=', ctx.accountId)
  if (input.status) query = query.where('status', '=', input.status)
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('renewal_date', 'id'), '>', eb.tuple(after.k, after.i)),
    )
  const rows = await query
    .orderBy('renewal_date')
    .orderBy('id')
    .limit(input.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(rows, input.limit, {
    secret: ctx.secret,
    filters,
    positionOf: (row) => ({ k: row.renewal_date, i: row.id }),
  })
  return { data: await withDetails(ctx, page), nextCursor }
}

/** One contract of the account; another account's is simply not found. */
export async function getContract(ctx: TenantContext, id: string): Promise<Contract> {
  const row = await ctx.db
    .selectFrom('contracts')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!row) throw notFound('contract')
  return (await withDetails(ctx, [row]))[0]!
}
