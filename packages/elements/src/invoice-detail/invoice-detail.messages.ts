import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { DocumentType } from '../portal-client.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-invoice-detail>` alone shows or announces. Each file in
 * `locales/` implements this interface, so the compiler refuses a language
 * with a missing key; `i18n.test.ts` checks the same at run time. Strings
 * other elements show too are in `SharedMessages`.
 */
export interface InvoiceDetailMessages {
  invoiceTitle: (number: string) => string
  loadingInvoice: string
  invoiceNotFound: string
  invoiceLoadError: string
  invoiceForbidden: string
  issueDate: string
  dueDate: string
  /** Heading of the invoice's lines. */
  lines: string
  columnDescription: string
  columnQuantity: string
  columnTaxRate: string
  tax: string
  amountPaid: string
  /** The open balance. */
  amountDue: string
  payInvoice: string
  downloadPdf: string
  /** While a download link is being asked for. */
  preparingDownload: string
  downloadFailed: string
  documents: string
  noDocuments: string
  documentsForbidden: string
  documentsLoadError: string
  documentTypes: Record<DocumentType, string>
  payments: string
  noPayments: string
  paymentsForbidden: string
  paymentsLoadError: string
  columnDate: string
  /** The part of a payment that went to this invoice. */
  columnPaidOnInvoice: string
  /** Beside a payment that covered several invoices: its whole amount. */
  partOfPayment: (total: string, count: number) => string
  /** Beside a pending payment: back to the provider's page to finish it. */
  continuePayment: string
  /** Live-region announcement when a live update changes the invoice. */
  invoiceNowStatus: (number: string, status: string, due: string) => string
  /** Shown while live updates are connected. */
  live: string
}

/**
 * The messages of `<portico-invoice-detail>` in every language, the shared
 * ones included: English bundled, the others loaded when first asked for.
 */
export const invoiceDetailCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
