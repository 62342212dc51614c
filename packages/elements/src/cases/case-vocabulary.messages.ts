import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { CaseCategory, CasePriority, CaseStatus } from '../portal-client.js'
import type { CaseDetailField } from '../case-form/case-fields.js'
import { messages as en } from './locales/en.js'

/**
 * The words every case element shares — categories, priorities, statuses,
 * SLA phrases, the CRM sync state — so the form, the list and the detail
 * never disagree on a word. Each case element's catalogue builds on it.
 */
export interface CaseVocabularyMessages {
  categories: Record<CaseCategory, string>
  priorities: Record<CasePriority, string>
  caseStatuses: Record<CaseStatus, string>
  /** The category-specific fields (`details`), as the form asks and the detail shows them. */
  detailLabels: Record<CaseDetailField, string>
  yes: string
  no: string
  /** Label of the priority column / field. */
  priority: string
  category: string
  subject: string
  /** Shown while the case is being written to the CRM. */
  syncing: string
  /** The CRM could not take the case yet; it will be retried. */
  syncFailed: string
  /** `in` is a localised relative time, e.g. "in 2 hours". */
  firstResponseDue: (inTime: string) => string
  resolutionDue: (inTime: string) => string
  firstResponseBreached: string
  resolutionBreached: string
  /** Instead of the resolution countdown while the case waits on the customer's reply. */
  resolutionPaused: string
  /** When the first response came. */
  firstResponded: (at: string) => string
}

/** The case vocabulary in every language, the shared messages included. */
export const caseVocabularyCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
