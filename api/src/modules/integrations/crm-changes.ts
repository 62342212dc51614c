import type { Kysely } from 'kysely'
import { builtInCaseConnector } from '../../connectors/crm/built-in.js'
import { appendEvent } from '../../db/events.js'
import { transaction, withPurpose, withTenant } from '../../db/scope.js'
import { recordInboundEvent, setInboundOutcome } from '../../db/inbound-events.js'
import type { CasePriority, CaseStatus, Database } from '../../db/schema.js'
import { notFound } from '../../http/problem.js'
import {
  caseForChange,
  changeCaseStatus,
  commentOnCase,
  type CaseActor,
  type CaseChangeContext,
} from '../cases/case-changes.js'
import { dueTimesForPriority, type SlaSettings } from '../cases/sla.js'
import { checkTransition } from '../cases/transitions.js'

/** What an agent did to a case in the CRM, in Portico's words. */
export type CrmChange =
  | {
      kind: 'comment'
      caseId: string
      /** The CRM's ID of the comment: a comment is stored once, however it arrives. */
      commentId: string
      body: string
      authorName: string
      isPublished: boolean
      /** When the agent wrote it in the CRM: the thread's and the first-response clock's moment. */
      writtenAt: Date
      /** Set when Portico posted this comment itself (its echo). */
      porticoCommentId: string | null
    }
  | {
      kind: 'case'
      caseId: string
      authorName: string
      /** Each field left out (or null) is not compared. */
      status?: CaseStatus
      priority?: CasePriority | null
      subject?: string | null
      description?: string | null
    }

export interface CrmChangeResult {
  duplicate: boolean
  outcome: 'applied' | 'ignored'
}

/**
 * The one way a change made in the CRM enters Portico — from the inbound
 * endpoint (./salesforce-events.service.ts) and from the periodic reconcile
 * (../../jobs/crm-reconcile.ts) alike. Exactly once: the event's ID is
 * recorded in `inbound_events` in the same transaction as the change (a
 * redelivery is a no-op), and what it carries is compared with Portico's
 * row first (the same change under another event ID — the reconcile after
 * the endpoint — is `ignored`). The change is already in the CRM, so it is
 * applied through the built-in store's connector: nothing is written back.
 */
export async function applyCrmChange(
  deps: { db: Kysely<Database>; sla: SlaSettings; now: Date; source: string },
  event: { id: string; type: string },
  change: CrmChange,
): Promise<CrmChangeResult> {
  const found = await withPurpose(deps.db, 'case-inbound', (db) =>
    db.selectFrom('cases').select('account_id').where('id', '=', change.caseId).executeTakeFirst(),
  )
  if (!found) throw notFound('case')
  const accountId = found.account_id
  return withTenant(deps.db, accountId, (db) =>
    transaction(db, async (trx) => {
      const recorded = await recordInboundEvent(trx, {
        source: deps.source,
        eventId: event.id,
        type: event.type,
        at: deps.now.toISOString(),
      })
      if (!recorded) return { duplicate: true, outcome: 'applied' as const }
      const ctx = {
        db: trx,
        accountId,
        connector: builtInCaseConnector,
        businessHours: deps.sla.businessHours,
        now: deps.now,
      }
      const outcome =
        change.kind === 'comment'
          ? await applyComment(ctx, change)
          : await applyCase(ctx, deps.sla, change)
      if (outcome === 'ignored')
        await setInboundOutcome(trx, { source: deps.source, eventId: event.id, outcome })
      return { duplicate: false, outcome }
    }),
  )
}

const agent = (name: string): CaseActor => ({ kind: 'agent', name, userId: null })

async function applyComment(
  ctx: CaseChangeContext,
  change: Extract<CrmChange, { kind: 'comment' }>,
): Promise<CrmChangeResult['outcome']> {
  // An internal note between agents is never the customer's to read; Portico's
  // own comment coming back is already in the thread.
  if (!change.isPublished || change.porticoCommentId) return 'ignored'
  const known = await ctx.db
    .selectFrom('case_comments')
    .select('id')
    .where('account_id', '=', ctx.accountId)
    .where('external_id', '=', change.commentId)
    .executeTakeFirst()
  if (known) return 'ignored'
  await commentOnCase(ctx, change.caseId, agent(change.authorName), change.body, {
    externalId: change.commentId,
    writtenAt: change.writtenAt,
  })
  return 'applied'
}

/**
 * Priority, subject and description as the CRM has them now (one
 * `case.updated` event naming what changed), then the status. Salesforce
 * has no urgent: its High on an urgent case is no change. A new priority
 * moves the SLA clocks still running to its targets (../cases/sla.ts).
 */
async function applyCase(
  ctx: CaseChangeContext,
  sla: SlaSettings,
  change: Extract<CrmChange, { kind: 'case' }>,
): Promise<CrmChangeResult['outcome']> {
  const row = await caseForChange(ctx.db, ctx.accountId, change.caseId)
  const fields: { priority?: CasePriority; subject?: string; description?: string } = {}
  if (
    change.priority &&
    change.priority !== row.priority &&
    !(change.priority === 'high' && row.priority === 'urgent')
  )
    fields.priority = change.priority
  if (change.subject && change.subject !== row.subject) fields.subject = change.subject
  if (typeof change.description === 'string' && change.description !== row.description)
    fields.description = change.description
  const changed = Object.keys(fields) as (keyof typeof fields)[]
  if (changed.length > 0) {
    const at = ctx.now.toISOString()
    const clocks = fields.priority ? dueTimesForPriority(sla, row, fields.priority) : {}
    await ctx.db
      .updateTable('cases')
      .set({ ...fields, ...clocks, updated_at: at })
      .where('id', '=', row.id)
      .where('account_id', '=', ctx.accountId)
      .execute()
    await appendEvent(ctx.db, {
      accountId: ctx.accountId,
      type: 'case.updated',
      subjectId: row.id,
      data: {
        caseId: row.id,
        number: row.number,
        changed,
        ...(fields.priority ? { priority: { from: row.priority, to: fields.priority } } : {}),
        actor: { kind: 'agent', name: change.authorName },
      },
      now: ctx.now,
    })
  }
  const to = change.status
  // `new` is where every case starts: the CRM reporting it is no move.
  const moves = to !== undefined && to !== row.status && to !== 'new' && allowed(row.status, to)
  if (moves) await changeCaseStatus(ctx, row.id, agent(change.authorName), to, { fromCrm: true })
  return changed.length > 0 || moves ? 'applied' : 'ignored'
}

/** A move Portico's rules refuse even from the CRM (closing a closed case) is not applied. */
function allowed(from: CaseStatus, to: CaseStatus): boolean {
  try {
    checkTransition('agent', from, to, { fromCrm: true })
    return true
  } catch {
    return false
  }
}
