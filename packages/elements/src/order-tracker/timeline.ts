import type { Order, OrderStatus, OrderTimelineEntry } from '../portal-client.js'

/** The steps every order is meant to go through, in order. */
export const milestones = Object.freeze([
  'placed',
  'confirmed',
  'in_production',
  'shipped',
  'delivered',
] as const satisfies readonly OrderStatus[])

export type Milestone = (typeof milestones)[number]

/**
 * One step of an order's timeline as a person reads it:
 * - `done`: reached (`current` marks the latest reached);
 * - `partial`: shipping has begun but not every line has left;
 * - `upcoming`: not reached yet;
 * - `stopped`: the order ended here, cancelled or rejected.
 */
export interface TimelineStep {
  status: Milestone | 'cancelled' | 'rejected'
  state: 'done' | 'partial' | 'upcoming' | 'stopped'
  /** The latest step reached: `aria-current="step"`. */
  current: boolean
  /** When it happened, if the timeline says (an ERP may skip a step). */
  at: string | null
  /** What the timeline recorded for this step: the ERP number, each (partial) shipment, the reason. */
  entries: OrderTimelineEntry[]
}

const rank: Record<OrderStatus, number> = {
  placed: 0,
  confirmed: 1,
  in_production: 2,
  partially_shipped: 2.5,
  shipped: 3,
  delivered: 4,
  cancelled: -1,
  rejected: -1,
}

/**
 * Folds an order's status and timeline into the steps to show: the five
 * milestones with their dates, partial shipments under "shipped", and for a
 * cancelled or rejected order the steps it reached followed by where it stopped.
 */
export function timelineSteps(order: Pick<Order, 'status' | 'timeline'>): TimelineStep[] {
  const entries = [...order.timeline].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
  const ended = order.status === 'cancelled' || order.status === 'rejected'
  // How far it got: its status, or — once it ended — the furthest step the timeline recorded.
  const reached = ended
    ? Math.max(0, ...entries.map((entry) => rank[entry.status]))
    : rank[order.status]

  const steps: TimelineStep[] = []
  for (const status of milestones) {
    const own = entries.filter(
      (entry) =>
        entry.status === status || (status === 'shipped' && entry.status === 'partially_shipped'),
    )
    const done = rank[status] <= reached
    const partial = status === 'shipped' && !done && reached === rank.partially_shipped
    if (ended && !done && !partial) break
    steps.push({
      status,
      state: done ? 'done' : partial ? 'partial' : 'upcoming',
      current: false,
      at: (own.find((entry) => entry.status === status) ?? own[0])?.occurredAt ?? null,
      entries: own,
    })
  }
  if (ended) {
    const stop = entries.find((entry) => entry.status === order.status)
    steps.push({
      status: order.status as 'cancelled' | 'rejected',
      state: 'stopped',
      current: true,
      at: stop?.occurredAt ?? null,
      entries: stop ? [stop] : [],
    })
  } else {
    const latest = steps.findLast((step) => step.state !== 'upcoming')
    if (latest) latest.current = true
  }
  return steps
}
