import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { withPurpose } from '../db/scope.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'

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

export function startHousekeeping(
  deps: { db: Kysely<Database>; clock: Clock; logger: Logger },
  everyMs = 10 * 60 * 1000,
) {
  const timer = setInterval(() => {
    sweepExpired(deps.db, deps.clock.now()).catch((error) =>
      deps.logger.error('housekeeping failed', { error }),
    )
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
