import { createMiddleware } from 'hono/factory'
import { withTenant } from '../db/scope.js'
import type { AppEnv } from './env.js'

/** Thrown inside the transaction to roll it back; the response stands. */
class RollBack extends Error {}

/**
 * Runs the rest of an authorized user's request in one transaction scoped to
 * their account (`withTenant`): on PostgreSQL its first statement sets
 * `portico.account_id`, and row-level security holds every query the
 * handler makes to that account. A request that fails — any error the
 * handler throws, whatever status it becomes — rolls back everything it
 * wrote. On SQLite the handler runs on the shared handle as it is.
 *
 * Operator and public routes are not scoped here: they open the narrow
 * purpose they need (`withPurpose`) themselves.
 */
export function requestTransaction() {
  return createMiddleware<AppEnv>(async function scopeToTenant(c, next) {
    const principal = c.get('principal')
    if (principal?.kind !== 'user') return next()
    try {
      await withTenant(c.get('deps').db, principal.accountId, async (trx) => {
        c.set('db', trx)
        await next()
        if (c.error) throw new RollBack()
      })
    } catch (error) {
      if (!(error instanceof RollBack)) throw error
    } finally {
      c.set('db', c.get('deps').db)
    }
  })
}
