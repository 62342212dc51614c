import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { withPurpose } from '../db/scope.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { auditCheckpoints } from '../modules/audit/service.js'

/**
 * Deletes what has expired: sessions a day past their absolute expiry,
 * embed sessions, and idempotency records past their 24 h. Keeps the
 * credential tables small so lookups stay index-only.
 */
export async function sweepExpired(db: Kysely<Database>, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString()
  // Every tenant's expired rows, and only DELETE (db/scope.ts: housekeeping).
  await withPurpose(db, 'housekeeping', async (db) => {
    await db.deleteFrom('sessions').where('expires_at', '<', cutoff).execute()
    await db.deleteFrom('embed_sessions').where('expires_at', '<', cutoff).execute()
    await db.deleteFrom('idempotency_keys').where('expires_at', '<', now.toISOString()).execute()
  })
}

/**
 * Writes the head of every account's audit chain to the log — outside the
 * database, where whoever could rewrite the audit_log table cannot reach.
 * `verifyAuditChain` recomputes the chain from such a checkpoint.
 */
export async function exportAuditCheckpoints(db: Kysely<Database>, logger: Logger): Promise<void> {
  const checkpoints = await withPurpose(db, 'housekeeping', (db) => auditCheckpoints(db))
  for (const checkpoint of checkpoints) logger.info('audit checkpoint', { ...checkpoint })
}

export function startHousekeeping(
  deps: { db: Kysely<Database>; clock: Clock; logger: Logger },
  everyMs = 10 * 60 * 1000,
) {
  const timer = setInterval(() => {
    sweepExpired(deps.db, deps.clock.now())
      .then(() => exportAuditCheckpoints(deps.db, deps.logger))
      .catch((error) => deps.logger.error('housekeeping failed', { error }))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
