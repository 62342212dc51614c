import type { Contract } from '../portal-client.js'

/**
 * How near a renewal is, in the steps the API reminds at (60, 30 and 7
 * days before): `due-7` within a week, `due-30`, `due-60`, else `later` —
 * or `none` for a contract that is no longer active.
 */
export type RenewalUrgency = 'due-7' | 'due-30' | 'due-60' | 'later' | 'none'

const DAY_MS = 86_400_000

/** Whole days from `today` to the calendar date `isoDate` (`YYYY-MM-DD`), negative when past. */
export function daysUntil(isoDate: string, today: Date): number {
  const [year, month, day] = isoDate.split('-').map(Number)
  const target = Date.UTC(year!, month! - 1, day!)
  // The reader's calendar day, not the instant: a renewal tomorrow is 1 day away all day long.
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  return Math.round((target - start) / DAY_MS)
}

/** The urgency of a contract's renewal, as the reminders see it. */
export function renewalUrgency(contract: Contract, days: number): RenewalUrgency {
  if (contract.status !== 'active' || days < 0) return 'none'
  if (days <= 7) return 'due-7'
  if (days <= 30) return 'due-30'
  if (days <= 60) return 'due-60'
  return 'later'
}
