import type { Role } from '../db/schema.js'

/**
 * Every permission a route can require. Roles map to sets of them; a route
 * declares exactly one (see ./route.ts), and the spec carries it as
 * `x-portico-permission`.
 */
export const PERMISSIONS = [
  'profile:read',
  'invoices:read',
  'catalog:read',
  'credit:read',
  'orders:read',
  'orders:write',
  'events:read',
  'documents:read',
  'contracts:read',
  'notifications:read',
  'payments:read',
  'payments:write',
  'cases:read',
  'cases:write',
] as const
export type Permission = (typeof PERMISSIONS)[number]

/**
 * Everyone in an account may look — documents included (delivery orders and
 * certificates are what engineers come for); only buyers (and admins) commit
 * money to orders, only accounts payable (and admins) pay invoices. Credit
 * and contracts (commercial terms) are for those who buy or pay. Whoever
 * reads orders may raise and follow support cases about them — except a
 * viewer, who only reads them.
 */
const READ_ALL: readonly Permission[] = [
  'profile:read',
  'invoices:read',
  'catalog:read',
  'orders:read',
  'events:read',
  'documents:read',
  'notifications:read',
  'payments:read',
  'cases:read',
]

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  buyer: [...READ_ALL, 'credit:read', 'contracts:read', 'orders:write', 'cases:write'],
  accounts_payable: [...READ_ALL, 'credit:read', 'contracts:read', 'payments:write', 'cases:write'],
  viewer: READ_ALL,
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]]
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value)
}
