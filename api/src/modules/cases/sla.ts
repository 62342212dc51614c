import type { CaseSlaTargets } from '../../config.js'
import type { CasePriority, CasesTable, CaseStatus } from '../../db/schema.js'
import {
  addBusinessMinutes,
  addBusinessTime,
  businessTimeBetween,
  type BusinessHours,
} from '../../lib/business-hours.js'

export interface SlaSettings {
  businessHours: BusinessHours
  caseSla: CaseSlaTargets
}

/**
 * When a case raised at `at` must have its first response and its
 * resolution, by its priority's targets counted on business hours. Set
 * when the case is raised, and again only when its priority changes
 * (`dueTimesForPriority`): a reopened case keeps its original clocks, so
 * reopening never buys time.
 */
export function slaDueTimes(settings: SlaSettings, priority: CasePriority, at: Date) {
  const target = settings.caseSla[priority]
  return {
    firstResponseDueAt: addBusinessMinutes(
      settings.businessHours,
      at,
      target.firstResponseMinutes,
    ).toISOString(),
    resolutionDueAt: addBusinessMinutes(
      settings.businessHours,
      at,
      target.resolutionMinutes,
    ).toISOString(),
  }
}

/** The resolution-clock columns of a case row that a status change may move. */
export type ResolutionClock = Pick<
  CasesTable,
  'status' | 'resolution_due_at' | 'resolution_paused_at' | 'resolution_paused_seconds'
>

/**
 * What moving a case to `to` at `now` does to its resolution clock. While
 * the case waits on the customer the clock is theirs, not the support
 * team's: it pauses on the move to `waiting_on_customer`, and on any move
 * away (the customer replies, the agent reopens, resolves or closes it) it
 * resumes with `resolution_due_at` moved on by exactly the business time it
 * stood still — rounded up to the second, so rounding never costs the
 * customer time. A case without a resolution target has no clock to pause.
 * The first-response clock never pauses: it waits for an agent's answer,
 * whatever the status. Returns the columns to set (none when nothing moves).
 */
export function resolutionClockChange(
  hours: BusinessHours,
  row: ResolutionClock,
  to: CaseStatus,
  now: Date,
): Partial<Pick<CasesTable, Exclude<keyof ResolutionClock, 'status'>>> {
  const paused = row.resolution_paused_at
  if (to === 'waiting_on_customer')
    return paused === null && row.resolution_due_at !== null
      ? { resolution_paused_at: now.toISOString() }
      : {}
  if (paused === null) return {}
  const seconds = Math.ceil(businessTimeBetween(hours, new Date(paused), now) / 1000)
  return {
    resolution_paused_at: null,
    resolution_paused_seconds: Number(row.resolution_paused_seconds) + seconds,
    resolution_due_at:
      row.resolution_due_at === null
        ? null
        : addBusinessTime(hours, new Date(row.resolution_due_at), seconds * 1000).toISOString(),
  }
}

/** The clock columns of a case row that a change of priority may move. */
export type PriorityClocks = Pick<
  CasesTable,
  | 'created_at'
  | 'first_response_due_at'
  | 'first_responded_at'
  | 'first_response_breached_at'
  | 'resolution_due_at'
  | 'resolution_breached_at'
  | 'resolution_paused_seconds'
  | 'resolved_at'
>

/**
 * What a new priority does to a case's clocks: each clock still running
 * gets the new priority's target, counted from when the case was raised —
 * an escalation to high shortens the time left, a downgrade lengthens it —
 * and the resolution clock keeps the business time it already stood paused
 * (a pause in progress is added when it resumes). A clock that has stopped
 * keeps its due time: the first response once given, the resolution once
 * the case is resolved, and either once breached — a breach that happened
 * stays on the record. Returns the columns to set (none when nothing moves).
 */
export function dueTimesForPriority(
  settings: SlaSettings,
  row: PriorityClocks,
  priority: CasePriority,
): Partial<Pick<CasesTable, 'first_response_due_at' | 'resolution_due_at'>> {
  const due = slaDueTimes(settings, priority, new Date(row.created_at))
  const change: Partial<Pick<CasesTable, 'first_response_due_at' | 'resolution_due_at'>> = {}
  if (
    row.first_responded_at === null &&
    row.first_response_breached_at === null &&
    row.first_response_due_at !== null
  )
    change.first_response_due_at = due.firstResponseDueAt
  if (
    row.resolved_at === null &&
    row.resolution_breached_at === null &&
    row.resolution_due_at !== null
  ) {
    const paused = Number(row.resolution_paused_seconds) * 1000
    // Adding nothing would move a due time at a window's close to the next opening.
    change.resolution_due_at =
      paused > 0
        ? addBusinessTime(
            settings.businessHours,
            new Date(due.resolutionDueAt),
            paused,
          ).toISOString()
        : due.resolutionDueAt
  }
  return change
}
