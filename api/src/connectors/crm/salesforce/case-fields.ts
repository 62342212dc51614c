import type { CaseStatusValue } from '../case-connector.js'

/** The Case field holding Portico's ID: an External ID (unique) so that writes are upserts. */
export const PORTICO_CASE_ID_FIELD = 'Portico_Case_Id__c'

/**
 * Portico's statuses as Case `Status` picklist values. The picklist is the
 * org's to define; these are the values an org adds for Portico (the
 * standard New / Working / Closed plus two).
 */
const TO_SALESFORCE: Record<CaseStatusValue, string> = {
  new: 'New',
  open: 'Working',
  waiting_on_customer: 'Waiting on Customer',
  resolved: 'Resolved',
  closed: 'Closed',
}

export function salesforceStatus(status: CaseStatusValue): string {
  return TO_SALESFORCE[status]
}

/** A Case `Status` back to Portico's; a value the org added itself (Escalated, …) reads as open. */
export function porticoStatus(value: unknown): CaseStatusValue {
  for (const [status, label] of Object.entries(TO_SALESFORCE))
    if (label === value) return status as CaseStatusValue
  return 'open'
}

/** Case `Priority`: Salesforce's standard values have no `urgent`. */
export function salesforcePriority(priority: 'low' | 'normal' | 'high' | 'urgent'): string {
  return priority === 'low' ? 'Low' : priority === 'normal' ? 'Medium' : 'High'
}
