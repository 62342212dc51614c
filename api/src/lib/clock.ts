/** Time, injectable so tests can move it (session expiry, overdue invoices). */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** `YYYY-MM-DD` of an instant, in UTC. */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}
