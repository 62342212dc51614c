import type { Kysely } from 'kysely'
import { builtInCaseConnector } from '../connectors/crm/built-in.js'
import type { CaseConnector } from '../connectors/crm/case-connector.js'
import { ApiError } from '../http/problem.js'
import type { Database } from '../db/schema.js'
import { withPurpose, withTenant } from '../db/scope.js'
import type { BusinessHours } from '../lib/business-hours.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { changeCaseStatus } from '../modules/cases/case-changes.js'

/**
 * Catches what the inbound events missed (a flow switched off, an event
 * lost): per linked account, the Cases changed in the CRM since the newest
 * change seen (`SystemModstamp`), and each whose status differs from
 * Portico's row is moved — as the CRM's agent, through the built-in store's
 * connector, so nothing is written back. Idempotent: a case already at the
 * CRM's status is left alone, so re-reading a window changes nothing.
 * Returns how many cases it moved.
 */
export function createCrmReconcile(deps: {
  db: Kysely<Database>
  connector: CaseConnector
  /** The operator's business hours, on which a status change pauses or resumes the resolution clock. */
  businessHours: BusinessHours
  clock: Clock
  logger: Logger
}) {
  // The newest SystemModstamp seen per account. Kept in memory: after a
  // restart the first pass reads the latest cases again, which is harmless.
  const seen = new Map<string, string>()

  async function reconcileAccount(accountId: string): Promise<number> {
    const now = deps.clock.now()
    const since = seen.get(accountId) ?? null
    const snapshots = await withTenant(deps.db, accountId, (db) =>
      deps.connector.listCases(
        { db, accountId, now },
        { accountId, updatedSince: since, limit: 200 },
      ),
    )
    let moved = 0
    for (const snapshot of snapshots) {
      if (snapshot.updatedAt > (seen.get(accountId) ?? '')) seen.set(accountId, snapshot.updatedAt)
      const changed = await withTenant(deps.db, accountId, async (db) => {
        const row = await db
          .selectFrom('cases')
          .select('status')
          .where('id', '=', snapshot.caseId)
          .where('account_id', '=', accountId)
          .executeTakeFirst()
        if (!row || row.status === snapshot.status || snapshot.status === 'new') return false
        await changeCaseStatus(
          {
            db,
            accountId,
            connector: builtInCaseConnector,
            businessHours: deps.businessHours,
            now,
          },
          snapshot.caseId,
          { kind: 'agent', name: 'Salesforce', userId: null },
          snapshot.status,
        )
        return true
      }).catch((error: unknown) => {
        // A move Portico does not allow (closed → closed): the CRM keeps its word, Portico its rules.
        if (error instanceof ApiError && error.status === 409) return false
        throw error
      })
      if (changed) moved++
    }
    return moved
  }

  async function reconcileOnce(): Promise<number> {
    const accounts = await withPurpose(deps.db, 'crm-reconcile', (db) =>
      db
        .selectFrom('accounts')
        .select('id')
        .where('salesforce_account_id', 'is not', null)
        .execute(),
    )
    let moved = 0
    for (const { id } of accounts) {
      try {
        moved += await reconcileAccount(id)
      } catch (error) {
        deps.logger.error('CRM reconcile failed for an account', { accountId: id, error })
      }
    }
    return moved
  }

  return { reconcileOnce }
}

/** Runs the reconcile every `everyMs`; returns a function that stops it. */
export function startCrmReconcile(deps: Parameters<typeof createCrmReconcile>[0], everyMs: number) {
  const { reconcileOnce } = createCrmReconcile(deps)
  const run = () =>
    reconcileOnce().catch((error: unknown) => deps.logger.error('CRM reconcile failed', { error }))
  void run()
  const timer = setInterval(() => void run(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
