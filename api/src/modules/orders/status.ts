import type { OrderStatus } from '../../db/schema.js'

/**
 * The order lifecycle as a ladder: a status only ever moves up, whatever
 * order the ERP's events arrive in. Cancelled and rejected are terminal and
 * reachable only before the goods move.
 */
const RANK: Record<OrderStatus, number> = {
  placed: 0,
  confirmed: 1,
  in_production: 2,
  partially_shipped: 3,
  shipped: 4,
  delivered: 5,
  cancelled: 10,
  rejected: 10,
}

export const TERMINAL: ReadonlySet<OrderStatus> = new Set(['delivered', 'cancelled', 'rejected'])

/** Whether an order in `from` may move to `to`. */
export function canAdvance(from: OrderStatus, to: OrderStatus): boolean {
  if (from === 'cancelled' || from === 'rejected') return false
  if (to === 'cancelled') return from === 'placed'
  if (to === 'rejected') return RANK[from] <= RANK.confirmed
  return RANK[to] > RANK[from]
}

export function statusRank(status: OrderStatus): number {
  return RANK[status]
}
