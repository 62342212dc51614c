/**
 * The operator's business hours — the clock SLA targets run on: a set of
 * weekdays, one daily window, in one IANA time zone
 * (`Mon-Fri 08:00-17:00` in `Asia/Jakarta`). Time outside the window does
 * not count: a case raised on Friday at 16:30 with 8 business hours to a
 * first response is due on Monday.
 */
export interface BusinessHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>
  /** Minutes after local midnight the window opens and closes. */
  opens: number
  closes: number
  timeZone: string
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/**
 * Parses `Mon-Fri 08:00-17:00` (also `Mon,Wed,Fri 09:00-12:30`, `Sun-Thu …`).
 * @throws Error saying what is wrong, for the configuration's message.
 */
export function parseBusinessHours(spec: string, timeZone: string): BusinessHours {
  const match = /^\s*([A-Za-z,-]+)\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})\s*$/.exec(spec)
  if (!match) throw new Error('expected days and a window, like "Mon-Fri 08:00-17:00"')
  const [, dayPart, h1, m1, h2, m2] = match
  const days = new Set<number>()
  for (const piece of dayPart!.toLowerCase().split(',')) {
    const [from, to] = piece.split('-')
    const a = DAY_NAMES.indexOf(from ?? '')
    const b = to === undefined ? a : DAY_NAMES.indexOf(to)
    if (a < 0 || b < 0) throw new Error(`unknown day in "${piece}" (use Mon, Tue, … Sun)`)
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d)
      if (d === b) break
    }
  }
  const opens = Number(h1) * 60 + Number(m1)
  const closes = Number(h2) * 60 + Number(m2)
  if (Number(m1) > 59 || Number(m2) > 59 || closes > 24 * 60 || opens >= closes)
    throw new Error('the window must open before it closes, within one day')
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new Error(`unknown time zone "${timeZone}"`)
  }
  return { days, opens, closes, timeZone }
}

/** Length of one business day, in minutes: what "2 business days" multiplies. */
export function businessDayMinutes(hours: BusinessHours): number {
  return hours.closes - hours.opens
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock time in the zone at `instant`, as milliseconds of a UTC calendar. */
function wallClock(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  const part: Record<string, number> = {}
  for (const p of format.formatToParts(instant)) part[p.type] = Number(p.value)
  const seconds = Math.floor(instant / 1000) * 1000
  return (
    Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) +
    (instant - seconds)
  )
}

/** The instant a wall-clock time in the zone names (the later one when DST repeats it). */
function instantOf(wall: number, timeZone: string): number {
  // The offset at the guess, then at the corrected guess: exact except in
  // the hour a DST change skips, where it lands just after the gap.
  const first = wall - (wallClock(wall, timeZone) - wall)
  return wall - (wallClock(first, timeZone) - first)
}

const DAY = 86_400_000

/**
 * `start` plus `minutes` of business time: counting only the minutes inside
 * the window on business days, in the zone.
 */
export function addBusinessMinutes(hours: BusinessHours, start: Date, minutes: number): Date {
  return addBusinessTime(hours, start, minutes * 60_000)
}

/** `start` plus `ms` milliseconds of business time (see {@link addBusinessMinutes}). */
export function addBusinessTime(hours: BusinessHours, start: Date, ms: number): Date {
  let remaining = ms
  const wall = wallClock(start.getTime(), hours.timeZone)
  let day = Math.floor(wall / DAY) * DAY
  let from = wall - day
  // A year is more than any target; the bound only guards a bad configuration.
  for (let i = 0; i < 800; i++) {
    const weekday = new Date(day).getUTCDay()
    const opens = hours.opens * 60_000
    const closes = hours.closes * 60_000
    if (hours.days.has(weekday) && from < closes) {
      const begin = Math.max(from, opens)
      if (remaining <= closes - begin)
        return new Date(instantOf(day + begin + remaining, hours.timeZone))
      remaining -= closes - begin
    }
    day += DAY
    from = 0
  }
  throw new Error('business hours have no working time')
}

/**
 * The business time between two instants, in milliseconds: how much of
 * `[from, to)` falls inside the window on business days — what a paused
 * SLA clock owes back. Counted on the wall clock, like
 * {@link addBusinessTime}, so adding the result to `from` never passes `to`.
 * Zero when `to` is not after `from`.
 */
export function businessTimeBetween(hours: BusinessHours, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0
  const start = wallClock(from.getTime(), hours.timeZone)
  const end = wallClock(to.getTime(), hours.timeZone)
  const opens = hours.opens * 60_000
  const closes = hours.closes * 60_000
  let total = 0
  for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
    if (!hours.days.has(new Date(day).getUTCDay())) continue
    const begin = Math.max(start, day + opens)
    const finish = Math.min(end, day + closes)
    if (finish > begin) total += finish - begin
  }
  return total
}
