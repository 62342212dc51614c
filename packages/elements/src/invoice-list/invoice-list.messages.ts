import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { CursorListMessages } from '../list/cursor-list.messages.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-invoice-list>` alone shows or announces, its list states
 * included. Each file in `locales/` implements this interface, so the
 * compiler refuses a language with a missing key; `i18n.test.ts` checks the
 * same at run time. Strings other elements show too are in `SharedMessages`.
 */
export interface InvoiceListMessages extends CursorListMessages {
  /** Caption of the invoice table. */
  invoices: string
  /** The filter option that shows every status. */
  statusAll: string
  columnNumber: string
  columnIssueDate: string
  columnDueDate: string
  columnAmountDue: string
}

/**
 * The messages of `<portico-invoice-list>` in every language, the shared
 * ones included: English bundled, the others loaded when first asked for.
 */
export const invoiceListCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
