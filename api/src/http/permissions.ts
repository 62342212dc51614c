import type { Role } from '../db/schema.js'

/**
 * Every permission a route can require. Roles map to sets of them; a route
 * declares exactly one (see ./route.ts), and the spec carries it as
 * `x-portico-permission`.
 */
export const PERMISSIONS = ['profile:read', 'invoices:read'] as const
export type Permission = (typeof PERMISSIONS)[number]

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  buyer: ['profile:read', 'invoices:read'],
  accounts_payable: ['profile:read', 'invoices:read'],
  viewer: ['profile:read', 'invoices:read'],
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]]
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value)
}
