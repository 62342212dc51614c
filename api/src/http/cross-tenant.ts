import type { Context } from 'hono'
import type { AppEnv } from './env.js'

/**
 * Records that an operator or integration request reaches across tenants —
 * which request, which credential, what for — as one structured log line
 * (`audit: true`), for the operator's log pipeline to keep. Call it in every
 * handler that opens a cross-tenant purpose (`withPurpose`) on a caller's
 * behalf; background jobs' purposes are fixed by code, not by a caller.
 */
export function auditCrossTenant(c: Context<AppEnv>, action: string): void {
  const principal = c.get('principal')
  c.get('logger').info('cross-tenant access', {
    audit: true,
    action,
    requestId: c.get('requestId'),
    apiKeyId: principal?.kind === 'operator' ? principal.apiKeyId : undefined,
    method: c.req.method,
    path: c.req.path,
  })
}
