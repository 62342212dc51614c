import { caseVocabularyCatalogue } from '../cases/case-vocabulary.messages.js'
import { defineCatalogue } from '../i18n/catalogue.js'
import type { CursorListMessages } from '../list/cursor-list.messages.js'
import { messages as en } from './locales/en.js'

/** What `<portico-case-list>` alone shows or announces, its list states included. */
export interface CaseListMessages extends CursorListMessages {
  /** The filter option that shows every case. */
  caseFilterAll: string
  categoryFilter: string
  /** Caption of the case table. */
  cases: string
  columnCase: string
  columnDue: string
  /** Live-region announcement when a case moves on. */
  caseNowStatus: (number: string, status: string) => string
}

export const caseListCatalogue = defineCatalogue({
  base: caseVocabularyCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
