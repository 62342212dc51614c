import type { Kysely } from 'kysely'
import type { CaseConnector } from '../../connectors/crm/case-connector.js'
import { appendEvent } from '../../db/events.js'
import { isPostgres } from '../../db/dialect.js'
import { transaction } from '../../db/scope.js'
import type { CasesTable, CaseStatus, Database } from '../../db/schema.js'
import { ApiError, notFound } from '../../http/problem.js'
import type { BusinessHours } from '../../lib/business-hours.js'
import { newId } from '../../lib/ids.js'
import { recordCaseSync } from './case-sync.js'
import { toCaseComment } from './case-view.js'
import type { CaseComment } from './schemas.js'
import { resolutionClockChange } from './sla.js'
import { checkTransition, type CaseActorKind } from './transitions.js'

/**
 * The writes a customer and an agent share — a comment, a status change —
 * each with its rule, its event and its sync, in one place: the customer
 * routes and the operator's (and later the CRM's inbound) endpoints all
 * come through here.
 */
export interface CaseChangeContext {
  db: Kysely<Database>
  accountId: string
  connector: CaseConnector
  /** What the resolution clock counts while it pauses and resumes (see ./sla.ts). */
  businessHours: BusinessHours
  now: Date
}

export interface CaseActor {
  kind: CaseActorKind
  name: string
  /** The customer's user; null for an agent or the system. */
  userId: string | null
}

/** The case of the account, locked for the change on PostgreSQL; another account's is not found. */
export async function caseForChange(db: Kysely<Database>, accountId: string, id: string) {
  const row = await db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    // PostgreSQL: concurrent changes to one case queue here (SQLite has one writer).
    .$if(isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst()
  if (!row) throw notFound('case')
  return row
}

/**
 * Adds a comment. A closed case takes none (409 `case_closed`). A
 * customer's comment on a case waiting on them sets it back to `open` (and
 * its resolution clock running again); an agent's first comment is the
 * first response (`first_responded_at`) and moves a `new` case to `open`.
 * `externalId`: the CRM's ID of a comment an agent wrote there (stored
 * once: see ../integrations/crm-changes.ts); `writtenAt`: when the agent
 * wrote it there — a comment the reconcile finds an hour late is still the
 * answer given on time, so the thread and the first-response clock take
 * that moment (never before the case was raised, never after now), and a
 * first-response breach recorded while the answer was unknown is lifted
 * when the answer came before the due time.
 */
export async function commentOnCase(
  ctx: CaseChangeContext,
  caseId: string,
  actor: CaseActor,
  body: string,
  options: { externalId?: string; writtenAt?: Date } = {},
): Promise<CaseComment> {
  return transaction(ctx.db, async (trx) => {
    const row = await caseForChange(trx, ctx.accountId, caseId)
    if (row.status === 'closed')
      throw new ApiError(409, 'case_closed', 'The case is closed: reopen it to comment.')
    const written = writtenWithin(options.writtenAt, row.created_at, ctx.now)
    const at = written.toISOString()
    const id = newId('cmt', written.getTime())
    const result = await ctx.connector.addComment(
      { db: trx, accountId: ctx.accountId, now: ctx.now },
      {
        id,
        caseId,
        externalId: row.external_id,
        body,
        author: { kind: actor.kind === 'agent' ? 'agent' : 'customer', name: actor.name },
        createdAt: at,
      },
    )
    const status: CaseStatus =
      actor.kind === 'customer' && row.status === 'waiting_on_customer'
        ? 'open'
        : actor.kind === 'agent' && row.status === 'new'
          ? 'open'
          : row.status
    await trx
      .insertInto('case_comments')
      .values({
        id,
        case_id: caseId,
        account_id: ctx.accountId,
        body,
        author_kind: actor.kind === 'agent' ? 'agent' : 'customer',
        author_name: actor.name,
        author_user_id: actor.userId,
        created_at: at,
        external_id: options.externalId ?? null,
      })
      .execute()
    await trx
      .updateTable('cases')
      .set((eb) => ({
        comment_count: eb('comment_count', '+', 1),
        status,
        updated_at: ctx.now.toISOString(),
        ...resolutionClockChange(ctx.businessHours, row, status, ctx.now),
        ...(actor.kind === 'agent' && row.first_responded_at === null
          ? firstResponse(row, written)
          : {}),
      }))
      .where('id', '=', caseId)
      .where('account_id', '=', ctx.accountId)
      .execute()
    if (status !== row.status) await statusEvent(trx, ctx, row, status, actor)
    const eventId = await appendEvent(trx, {
      accountId: ctx.accountId,
      type: 'case.commented',
      subjectId: caseId,
      data: {
        caseId,
        number: row.number,
        commentId: id,
        actor: { kind: actor.kind, name: actor.name },
      },
      now: ctx.now,
    })
    await recordCaseSync(trx, { accountId: ctx.accountId, caseId, eventId, result, now: ctx.now })
    return toCaseComment(
      {
        id,
        case_id: caseId,
        account_id: ctx.accountId,
        body,
        author_kind: actor.kind === 'agent' ? 'agent' : 'customer',
        author_name: actor.name,
        author_user_id: actor.userId,
        created_at: at,
        external_id: options.externalId ?? null,
      },
      [],
    )
  })
}

/** The moment a comment was written, as far as Portico may believe it: within [raised, now]. */
function writtenWithin(writtenAt: Date | undefined, raisedAt: string, now: Date): Date {
  if (!writtenAt) return now
  const time = Math.min(Math.max(writtenAt.getTime(), Date.parse(raisedAt)), now.getTime())
  return new Date(time)
}

/** The case's first response at `at`; a breach marked before the answer was known goes when it was in time. */
function firstResponse(
  row: CasesTable,
  at: Date,
): Pick<CasesTable, 'first_responded_at'> &
  Partial<Pick<CasesTable, 'first_response_breached_at'>> {
  const inTime =
    row.first_response_due_at !== null && at.getTime() <= Date.parse(row.first_response_due_at)
  return {
    first_responded_at: at.toISOString(),
    ...(row.first_response_breached_at !== null && inTime
      ? { first_response_breached_at: null }
      : {}),
  }
}

/**
 * Moves a case to `to`, if the actor may (see ./transitions.ts), pausing or
 * resuming its resolution clock (see ./sla.ts); resolves with the updated
 * row. `fromCrm`: the move was made in the CRM that keeps the case (see
 * ./transitions.ts).
 */
export async function changeCaseStatus(
  ctx: CaseChangeContext,
  caseId: string,
  actor: CaseActor,
  to: CaseStatus,
  options: { fromCrm?: boolean } = {},
): Promise<CasesTable> {
  return transaction(ctx.db, async (trx) => {
    const row = await caseForChange(trx, ctx.accountId, caseId)
    checkTransition(actor.kind, row.status, to, options)
    const at = ctx.now.toISOString()
    const result = await ctx.connector.changeStatus(
      { db: trx, accountId: ctx.accountId, now: ctx.now },
      {
        caseId,
        externalId: row.external_id,
        from: row.status,
        to,
        actor: { kind: actor.kind, name: actor.name },
        at,
      },
    )
    await trx
      .updateTable('cases')
      .set({
        status: to,
        updated_at: at,
        // Resolved stays when it is closed after; reopening clears both.
        resolved_at: to === 'resolved' ? at : to === 'closed' ? (row.resolved_at ?? at) : null,
        closed_at: to === 'closed' ? at : null,
        ...resolutionClockChange(ctx.businessHours, row, to, ctx.now),
      })
      .where('id', '=', caseId)
      .where('account_id', '=', ctx.accountId)
      .execute()
    const eventId = await statusEvent(trx, ctx, row, to, actor)
    await recordCaseSync(trx, { accountId: ctx.accountId, caseId, eventId, result, now: ctx.now })
    return trx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', caseId)
      .where('account_id', '=', ctx.accountId)
      .executeTakeFirstOrThrow()
  })
}

function statusEvent(
  trx: Kysely<Database>,
  ctx: CaseChangeContext,
  row: CasesTable,
  to: CaseStatus,
  actor: CaseActor,
) {
  return appendEvent(trx, {
    accountId: ctx.accountId,
    type: 'case.status_changed',
    subjectId: row.id,
    data: {
      caseId: row.id,
      number: row.number,
      from: row.status,
      to,
      actor: { kind: actor.kind, name: actor.name },
    },
    now: ctx.now,
  })
}
