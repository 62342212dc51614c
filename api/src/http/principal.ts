import type { Role } from '../db/schema.js'
import type { Permission } from './permissions.js'

/** A customer-side user, signed in through a portal session or an embed secret. */
export interface UserPrincipal {
  kind: 'user'
  userId: string
  accountId: string
  role: Role
  permissions: ReadonlySet<Permission>
  /** How the user authenticated — a portal session or an embed secret. */
  via: 'session' | 'embed'
  /** ID of the session or embed session behind the credential. */
  credentialId: string
}

/** The business running Portico, authenticated with an operator API key. */
export interface OperatorPrincipal {
  kind: 'operator'
  apiKeyId: string
}

export type Principal = UserPrincipal | OperatorPrincipal
