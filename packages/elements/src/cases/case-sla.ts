import type { CaseSummary } from '../portal-client.js'
import type { CaseVocabularyMessages } from './case-vocabulary.messages.js'

/**
 * One SLA clock of a case as a person reads it: what is due, and whether it
 * is overdue — or, for the resolution, paused while the case waits on the
 * customer (its due time then moves on when the clock resumes, so it is not
 * one to show).
 */
export interface SlaLine {
  kind: 'first-response' | 'resolution'
  text: string
  breached: boolean
  paused: boolean
  dueAt: string
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "in 2 hours", "3 days ago": the largest whole unit, in the reader's language. */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const delta = Date.parse(iso) - now
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms || unit === 'minute')
      return format.format(Math.round(delta / ms), unit)
  }
  return format.format(0, 'minute')
}

/**
 * The SLA clocks still worth showing: the first response until an agent has
 * answered, the resolution until the case is resolved or closed. A breached
 * clock says so instead of counting down; so does a paused one (an overdue
 * clock stays overdue while paused: the breach has happened).
 */
export function slaLines(
  t: CaseVocabularyMessages,
  summary: CaseSummary,
  locale: string,
  now = Date.now(),
): SlaLine[] {
  const lines: SlaLine[] = []
  const finished = summary.status === 'resolved' || summary.status === 'closed'
  if (!summary.firstRespondedAt && summary.firstResponseDueAt && !finished) {
    const breached = summary.slaBreached.firstResponse
    lines.push({
      kind: 'first-response',
      dueAt: summary.firstResponseDueAt,
      breached,
      paused: false,
      text: breached
        ? t.firstResponseBreached
        : t.firstResponseDue(relativeTime(summary.firstResponseDueAt, locale, now)),
    })
  }
  if (summary.resolutionDueAt && !finished) {
    const breached = summary.slaBreached.resolution
    const paused = !breached && summary.resolutionPausedAt !== null
    lines.push({
      kind: 'resolution',
      dueAt: summary.resolutionDueAt,
      breached,
      paused,
      text: breached
        ? t.resolutionBreached
        : paused
          ? t.resolutionPaused
          : t.resolutionDue(relativeTime(summary.resolutionDueAt, locale, now)),
    })
  }
  return lines
}
