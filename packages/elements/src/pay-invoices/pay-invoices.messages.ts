import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-pay-invoices>` alone shows or announces. Each file in
 * `locales/` implements this interface, so the compiler refuses a language
 * with a missing key; `i18n.test.ts` checks the same at run time. Strings
 * other elements show too are in `SharedMessages`.
 */
export interface PayInvoicesMessages {
  payTitle: string
  loadingInvoices: string
  noOpenInvoices: string
  invoicesLoadError: string
  payForbidden: string
  selectIntro: string
  /** Caption of the table of open invoices. */
  openInvoices: string
  columnInvoice: string
  columnDueDate: string
  columnBalance: string
  columnPayAmount: string
  /** Accessible name of an invoice's checkbox. */
  selectInvoice: (number: string) => string
  /** Accessible name of an invoice's amount field. */
  amountFor: (number: string) => string
  /** Shown beside an invoice that cannot join the selection. */
  otherCurrency: string
  amountRequired: string
  amountInvalid: (example: string) => string
  amountNotPositive: string
  amountTooHigh: (max: string) => string
  /** A partial amount: what stays open after it. */
  remainsOpen: (rest: string) => string
  selectedSummary: (count: number, total: string) => string
  nothingSelected: string
  fixAmounts: string
  review: string
  confirmTitle: string
  confirmText: string
  totalToPay: string
  payNow: (total: string) => string
  change: string
  submitting: string
  redirecting: string
  /** 422 `amount_exceeds_balance`. */
  balanceChanged: string
  /** 422 `invoice_not_payable`, or an invoice gone (404). */
  notPayable: string
  mixedCurrencies: string
  /** 503: payments are off on this portal. */
  paymentsUnavailable: string
  /** No answer, or a 5xx: the same confirmation is safe to send again. */
  payRetry: string
  /** 409: the first press is still being handled. */
  payInProgress: string
  payFailed: string
  tryAgain: string
  processingTitle: string
  processingText: string
  succeededTitle: string
  succeededText: (total: string) => string
  failedTitle: string
  failedText: string
  cancelledTitle: string
  cancelledText: string
  expiredTitle: string
  expiredText: string
  paymentNotFound: string
  paymentLoadError: string
  paymentReference: (id: string) => string
  /** Heading above what a payment paid, invoice by invoice. */
  paidInvoices: string
}

/**
 * The messages of `<portico-pay-invoices>` in every language, the shared
 * ones included: English bundled, the others loaded when first asked for.
 */
export const payInvoicesCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
