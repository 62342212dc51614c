import type { Context } from 'hono'
import type { TenantContext } from '../db/tenant.js'
import { requireUser } from './authorize.js'
import type { AppEnv } from './env.js'

/** The tenant context of an authorized user request, for a service call. */
export function tenantOf(c: Context<AppEnv>): TenantContext {
  const principal = requireUser(c.get('principal'))
  const { clock, config } = c.get('deps')
  return {
    db: c.get('db'),
    accountId: principal.accountId,
    userId: principal.userId,
    permissions: principal.permissions,
    clock,
    secret: config.secret,
  }
}
