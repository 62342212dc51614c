import type { CaseConnector } from '../../connectors/crm/case-connector.js'
import { appendEvent } from '../../db/events.js'
import { transaction } from '../../db/scope.js'
import type { CasesTable } from '../../db/schema.js'
import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition, isKeyPosition } from '../../http/cursor-position.js'
import { keysetPage } from '../../http/list.js'
import { notFound } from '../../http/problem.js'
import { newId } from '../../lib/ids.js'
import { commentOnCase, changeCaseStatus, type CaseActor } from './case-changes.js'
import { recordCaseSync } from './case-sync.js'
import { toCase, toCaseSummary } from './case-view.js'
import { drawCaseNumber } from './case-number.js'
import { checkRelated } from './related.js'
import type { Case, CaseComment, CreateCaseInput, ListCasesInput } from './schemas.js'
import { slaDueTimes, type SlaSettings } from './sla.js'

export interface CaseContext extends TenantContext {
  connector: CaseConnector
  sla: SlaSettings
}

/** The signed-in customer, as the author of what they write. */
async function customer(ctx: TenantContext): Promise<CaseActor> {
  const user = await ctx.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', ctx.userId)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirstOrThrow()
  return { kind: 'customer', name: user.name, userId: ctx.userId }
}

/**
 * Raises a case: the related order, invoice, product and document must be
 * the caller's (another account's answers 404 like a missing one); the SLA
 * clocks start on business hours; the system of record is told; the row,
 * `case.created` and — when the CRM only accepted it — the outbox delivery
 * are written in one transaction.
 */
export async function createCase(ctx: CaseContext, input: CreateCaseInput): Promise<Case> {
  const now = ctx.clock.now()
  const at = now.toISOString()
  return transaction(ctx.db, async (trx) => {
    const related = await checkRelated({ ...ctx, db: trx }, input)
    const author = await customer({ ...ctx, db: trx })
    const id = newId('case', now.getTime())
    const number = await drawCaseNumber(trx, ctx.accountId, now)
    const due = slaDueTimes(ctx.sla, input.priority, now)
    const details = input.details ?? {}
    const result = await ctx.connector.createCase(
      { db: trx, accountId: ctx.accountId, now },
      {
        id,
        number,
        accountId: ctx.accountId,
        subject: input.subject,
        description: input.description,
        category: input.category,
        priority: input.priority,
        status: 'new',
        related,
        details,
        createdBy: { userId: ctx.userId, name: author.name },
        createdAt: at,
        ...due,
      },
    )
    const row: CasesTable = {
      id,
      account_id: ctx.accountId,
      number,
      subject: input.subject,
      description: input.description,
      category: input.category,
      priority: input.priority,
      status: 'new',
      order_id: related.orderId,
      invoice_id: related.invoiceId,
      product_id: related.productId,
      document_id: related.documentId,
      details: JSON.stringify(details),
      created_by: ctx.userId,
      connector: ctx.connector.name,
      external_id: result.state === 'synced' ? result.externalId : null,
      sync_status: result.state === 'synced' ? 'synced' : 'syncing',
      comment_count: 0,
      first_response_due_at: due.firstResponseDueAt,
      resolution_due_at: due.resolutionDueAt,
      first_responded_at: null,
      first_response_breached_at: null,
      resolution_breached_at: null,
      resolution_paused_at: null,
      resolution_paused_seconds: 0,
      resolved_at: null,
      closed_at: null,
      created_at: at,
      updated_at: at,
    }
    await trx.insertInto('cases').values(row).execute()
    const eventId = await appendEvent(trx, {
      accountId: ctx.accountId,
      type: 'case.created',
      subjectId: id,
      data: {
        caseId: id,
        number,
        subject: input.subject,
        category: input.category,
        priority: input.priority,
        actor: { kind: 'customer', name: author.name },
      },
      now,
    })
    // Already `syncing` in the row: only the outbox delivery is left to queue.
    if (result.state === 'accepted')
      await recordCaseSync(trx, { accountId: ctx.accountId, caseId: id, eventId, result, now })
    return toCase(trx, row)
  })
}

/** One case of the account with its thread and files; another account's is not found. */
export async function getCase(ctx: TenantContext, id: string): Promise<Case> {
  const row = await ctx.db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!row) throw notFound('case')
  return toCase(ctx.db, row)
}

/**
 * The account's cases, newest first, keyset-paginated over (created_at, id)
 * on cases_account_created_idx; the filters narrow within the account.
 */
export async function listCases(ctx: TenantContext, input: ListCasesInput) {
  const filters = JSON.stringify([
    input.status ?? null,
    input.category ?? null,
    input.orderId ?? null,
    input.invoiceId ?? null,
  ])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isKeyPosition)
  let query = ctx.db.selectFrom('cases').selectAll().where('account_id', '=', ctx.accountId)
  if (input.status) query = query.where('status', '=', input.status)
  if (input.category) query = query.where('category', '=', input.category)
  if (input.orderId) query = query.where('order_id', '=', input.orderId)
  if (input.invoiceId) query = query.where('invoice_id', '=', input.invoiceId)
  if (after) {
    const { k, i } = after
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(k, i)))
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(rows, input.limit, {
    secret: ctx.secret,
    filters,
    positionOf: (row) => ({ k: row.created_at, i: row.id }),
  })
  return { data: page.map(toCaseSummary), nextCursor }
}

const changeContext = (ctx: CaseContext) => ({
  db: ctx.db,
  accountId: ctx.accountId,
  connector: ctx.connector,
  businessHours: ctx.sla.businessHours,
  now: ctx.clock.now(),
})

/** The customer's comment (see ./case-changes.ts for what it moves). */
export async function addCustomerComment(
  ctx: CaseContext,
  caseId: string,
  body: string,
): Promise<CaseComment> {
  return commentOnCase(changeContext(ctx), caseId, await customer(ctx), body)
}

/** The customer closes their case; closed again is 409 `case_closed`. */
export async function closeCase(ctx: CaseContext, caseId: string): Promise<Case> {
  const row = await changeCaseStatus(changeContext(ctx), caseId, await customer(ctx), 'closed')
  return toCase(ctx.db, row)
}

/** The customer reopens a resolved or closed case; any other is 409 `case_not_reopenable`. */
export async function reopenCase(ctx: CaseContext, caseId: string): Promise<Case> {
  const row = await changeCaseStatus(changeContext(ctx), caseId, await customer(ctx), 'open')
  return toCase(ctx.db, row)
}
