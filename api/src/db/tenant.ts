import type { Kysely } from 'kysely'
import type { Permission } from '../http/permissions.js'
import type { Clock } from '../lib/clock.js'
import type { Database } from './schema.js'

/**
 * What every tenant-scoped service function receives: the database handle,
 * the tenant fixed from the credential, and the clock. A service never reads
 * the request. On PostgreSQL the handle is the request's transaction with
 * `portico.account_id` set, so row-level security backs every filter.
 */
export interface TenantContext {
  db: Kysely<Database>
  accountId: string
  userId: string
  permissions: ReadonlySet<Permission>
  clock: Clock
  /** Signs opaque values handed to clients (cursors). */
  secret: string
}
