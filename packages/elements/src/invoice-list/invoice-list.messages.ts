import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-invoice-list>` alone shows or announces. Each
 * file in `locales/` implements this interface, so the compiler refuses a
 * language with a missing key; `i18n.test.ts` checks the same at run time.
 * Strings other elements show too are in `SharedMessages`.
 */
export interface InvoiceListMessages {
  /** Caption of the invoice table. */
  invoices: string
  /** The filter option that shows every status. */
  statusAll: string
  columnNumber: string
  columnIssueDate: string
  columnDueDate: string
  columnAmountDue: string
  loading: string
  /** Empty state without a filter. */
  empty: string
  /** Empty state while a filter is applied. */
  emptyFiltered: string
  loadError: string
  /** Shown instead of `loadError` when the browser reports no network. */
  offline: string
  forbidden: string
  loadMoreError: string
  /** Live-region announcement after "load more". */
  loadedMore: (count: number) => string
  /** Number of rows currently shown (footer and filter announcements). */
  shown: (count: number) => string
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
