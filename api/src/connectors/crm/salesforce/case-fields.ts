import type { CaseStatusPicklist } from '../../../config.js'
import type { Logger } from '../../../lib/logger.js'
import type { CasePriorityValue, CaseStatusValue } from '../case-connector.js'

/** The Case field holding Portico's ID: an External ID (unique) so that writes are upserts. */
export const PORTICO_CASE_ID_FIELD = 'Portico_Case_Id__c'

/** The ContentVersion field holding Portico's attachment ID, looked up before a file is sent. */
export const PORTICO_ATTACHMENT_ID_FIELD = 'Portico_Attachment_Id__c'

/**
 * A status Salesforce reports that the org's mapping does not list
 * (`SALESFORCE_CASE_STATUSES`): the case is being worked on, so it reads as
 * open — never a failed request.
 */
const UNKNOWN_STATUS_READS_AS: CaseStatusValue = 'open'

/**
 * Portico's statuses and the org's Case `Status` picklist, both ways, as
 * configured (`SALESFORCE_CASE_STATUSES`). An unmapped value is logged
 * once per process, so an operator sees a picklist value to add without a
 * line per reconciled case.
 */
export function createCaseStatusMap(picklist: CaseStatusPicklist, logger: Logger) {
  const byValue = new Map<string, CaseStatusValue>()
  for (const [status, values] of Object.entries(picklist) as [CaseStatusValue, readonly string[]][])
    for (const value of values) byValue.set(value, status)
  const reported = new Set<string>()
  return {
    /** The picklist value Portico writes for a status. */
    toSalesforce: (status: CaseStatusValue): string => picklist[status][0],
    /** A Case `Status` as Portico's status. */
    toPortico(value: unknown): CaseStatusValue {
      const status = typeof value === 'string' ? byValue.get(value) : undefined
      if (status) return status
      const shown = String(value)
      if (!reported.has(shown) && reported.size < 100) {
        reported.add(shown)
        logger.info('Salesforce Case Status not in SALESFORCE_CASE_STATUSES: read as open', {
          status: shown,
          readAs: UNKNOWN_STATUS_READS_AS,
        })
      }
      return UNKNOWN_STATUS_READS_AS
    },
  }
}

export type CaseStatusMap = ReturnType<typeof createCaseStatusMap>

/** Case `Priority`: Salesforce's standard values have no `urgent`. */
export function salesforcePriority(priority: CasePriorityValue): string {
  return priority === 'low' ? 'Low' : priority === 'normal' ? 'Medium' : 'High'
}

/**
 * A Case `Priority` as Portico's, or undefined for a value it has no word
 * for. `High` reads as high: an urgent case stays urgent (see
 * ../../../modules/integrations/crm-changes.ts).
 */
export function porticoPriority(value: unknown): 'low' | 'normal' | 'high' | undefined {
  return value === 'Low'
    ? 'low'
    : value === 'Medium'
      ? 'normal'
      : value === 'High'
        ? 'high'
        : undefined
}
