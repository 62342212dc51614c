import type { CaseSlaTargets } from '../../config.js'
import { addBusinessMinutes, type BusinessHours } from '../../lib/business-hours.js'
import type { CasePriority } from '../../db/schema.js'

export interface SlaSettings {
  businessHours: BusinessHours
  caseSla: CaseSlaTargets
}

/**
 * When a case raised at `at` must have its first response and its
 * resolution, by its priority's targets counted on business hours. Set
 * once, when the case is raised: a reopened case keeps its original
 * clocks, so reopening never buys time.
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
