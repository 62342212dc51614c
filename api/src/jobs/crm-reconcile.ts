import type { Kysely } from 'kysely'
import type {
  CaseCommentSnapshot,
  CaseConnector,
  CaseSnapshot,
} from '../connectors/crm/case-connector.js'
import { ApiError } from '../http/problem.js'
import type { Database } from '../db/schema.js'
import { withPurpose, withTenant } from '../db/scope.js'
import type { SlaSettings } from '../modules/cases/sla.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { applyCrmChange, type CrmChange } from '../modules/integrations/crm-changes.js'

/** Changes read per account and pass; a busier window is read on in the next pass. */
const PAGE = 200

/**
 * Catches what the inbound events missed (a flow switched off, an event
 * lost): per linked account, the Cases and CaseComments changed in the CRM
 * since the newest change seen (`SystemModstamp`), each applied through the
 * path the inbound endpoint takes (../modules/integrations/crm-changes.ts) —
 * a new status (closing, reopening), priority, subject or description; an
 * agent's new published comment. Idempotent: each change is recorded by the
 * CRM's record ID (and the Case's modification stamp), and compared with
 * Portico's row, so re-reading a window — or reading what an inbound event
 * already brought — changes nothing. Returns how many changes it applied.
 */
export function createCrmReconcile(deps: {
  db: Kysely<Database>
  connector: CaseConnector
  /**
   * The operator's business hours and SLA targets: a status change pauses or
   * resumes the resolution clock, a priority change moves the clocks' targets.
   */
  sla: SlaSettings
  clock: Clock
  logger: Logger
}) {
  // The newest SystemModstamp seen per account. Kept in memory: after a
  // restart the first pass reads the latest changes again, which is harmless.
  const casesSeen = new Map<string, string>()
  const commentsSeen = new Map<string, string>()
  const source = deps.connector.name

  /** Applies one change; a change Portico cannot take (a comment on a closed case) is logged and passed over. */
  async function apply(accountId: string, event: { id: string; type: string }, change: CrmChange) {
    try {
      const result = await applyCrmChange(
        { db: deps.db, sla: deps.sla, now: deps.clock.now(), source },
        event,
        change,
      )
      return !result.duplicate && result.outcome === 'applied'
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
        deps.logger.info('CRM change not applied', { accountId, event: event.id, code: error.code })
        return false
      }
      throw error
    }
  }

  /** Whether Portico has changes of the case the CRM has not received yet (its row is the newer). */
  async function syncing(accountId: string, caseId: string): Promise<boolean> {
    const row = await withTenant(deps.db, accountId, (db) =>
      db
        .selectFrom('cases')
        .select('sync_status')
        .where('id', '=', caseId)
        .where('account_id', '=', accountId)
        .executeTakeFirst(),
    )
    return row?.sync_status === 'syncing'
  }

  async function reconcileCase(accountId: string, snapshot: CaseSnapshot): Promise<boolean> {
    // Delivering the queued change writes the Case again: the next pass reads it then.
    if (await syncing(accountId, snapshot.caseId)) return false
    return apply(
      accountId,
      {
        id: `Case:${snapshot.externalId ?? snapshot.caseId}:${snapshot.updatedAt}`,
        type: 'case.updated',
      },
      {
        kind: 'case',
        caseId: snapshot.caseId,
        authorName: source === 'salesforce' ? 'Salesforce' : source,
        status: snapshot.status,
        priority: snapshot.priority,
        subject: snapshot.subject,
        description: snapshot.description,
      },
    )
  }

  function reconcileComment(accountId: string, comment: CaseCommentSnapshot): Promise<boolean> {
    return apply(
      accountId,
      { id: `CaseComment:${comment.externalId}`, type: 'case.commented' },
      {
        kind: 'comment',
        caseId: comment.caseId,
        commentId: comment.externalId,
        body: comment.body,
        authorName: comment.authorName,
        isPublished: comment.isPublished,
        writtenAt: new Date(comment.createdAt),
        porticoCommentId: comment.porticoCommentId,
      },
    )
  }

  async function reconcileAccount(accountId: string): Promise<number> {
    const ctx = { accountId, now: deps.clock.now() }
    const query = (since: string | undefined) => ({
      accountId,
      updatedSince: since ?? null,
      limit: PAGE,
    })
    const snapshots = await withTenant(deps.db, accountId, (db) =>
      deps.connector.listCases({ ...ctx, db }, { ...query(casesSeen.get(accountId)), fresh: true }),
    )
    const comments = await withTenant(deps.db, accountId, (db) =>
      deps.connector.listComments({ ...ctx, db }, query(commentsSeen.get(accountId))),
    )
    let applied = 0
    // The case first, its comments after: an agent's answer then lands on the case as it is now.
    for (const snapshot of [...snapshots].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))) {
      if (await reconcileCase(accountId, snapshot)) applied++
      if (snapshot.updatedAt > (casesSeen.get(accountId) ?? ''))
        casesSeen.set(accountId, snapshot.updatedAt)
    }
    for (const comment of comments) {
      if (await reconcileComment(accountId, comment)) applied++
      if (comment.updatedAt > (commentsSeen.get(accountId) ?? ''))
        commentsSeen.set(accountId, comment.updatedAt)
    }
    return applied
  }

  async function reconcileOnce(): Promise<number> {
    const accounts = await withPurpose(deps.db, 'crm-reconcile', (db) =>
      db
        .selectFrom('accounts')
        .select('id')
        .where('salesforce_account_id', 'is not', null)
        .execute(),
    )
    let applied = 0
    for (const { id } of accounts) {
      try {
        applied += await reconcileAccount(id)
      } catch (error) {
        deps.logger.error('CRM reconcile failed for an account', { accountId: id, error })
      }
    }
    return applied
  }

  return { reconcileOnce }
}

/**
 * Runs the reconcile every `everyMs`, one pass at a time; returns a
 * function that stops it and resolves once a pass under way has finished
 * (so the database can close after it).
 */
export function startCrmReconcile(deps: Parameters<typeof createCrmReconcile>[0], everyMs: number) {
  const { reconcileOnce } = createCrmReconcile(deps)
  let running: Promise<void> | undefined
  const run = () => {
    running ??= reconcileOnce()
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error('CRM reconcile failed', { error }))
      .finally(() => (running = undefined))
  }
  run()
  const timer = setInterval(run, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
