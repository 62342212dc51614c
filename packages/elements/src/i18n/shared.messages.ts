import { defineCatalogue } from './catalogue.js'
import { messages as en } from './locales/en.js'

/**
 * The strings more than one element shows — the wording of errors and
 * buttons every element has, and the names of the things they share
 * (invoice and order statuses, order fields) — so two elements on a page
 * never disagree on a word. Every element's catalogue includes them.
 *
 * A string one element alone needs belongs in that element's catalogue
 * (`invoice-list.messages.ts`, …): a page pays only for the elements it uses.
 *
 * Messages that depend on a count are functions, so each language applies
 * its own plural rules (French counts 0 as singular, Indonesian has none).
 */
export interface SharedMessages {
  retry: string
  /** Shown under an error so a person can quote it to support. */
  errorReference: (requestId: string) => string
  /** 401: the session or embed secret has expired. */
  unauthorized: string
  loadMore: string
  /** The "Load more" button while the next page loads. */
  loadingMore: string
  /** Label of a status filter. */
  statusFilter: string
  columnStatus: string
  columnTotal: string
  /** Marks an optional form field. */
  optional: string

  // ── Invoice statuses ─────────────────────────────────────────────────
  statusOpen: string
  /** Part of the balance paid, not yet due. */
  statusPartiallyPaid: string
  statusOverdue: string
  statusPaid: string
  statusVoid: string

  // ── Payment statuses ─────────────────────────────────────────────────
  /** The provider has not reported an outcome yet. */
  paymentPending: string
  paymentSucceeded: string
  /** The provider (or the bank) declined it. */
  paymentFailed: string
  /** The customer gave up on the provider's page. */
  paymentCancelled: string
  paymentExpired: string

  // ── Order statuses ───────────────────────────────────────────────────
  orderPlaced: string
  orderConfirmed: string
  orderInProduction: string
  orderPartiallyShipped: string
  orderShipped: string
  orderDelivered: string
  orderCancelled: string
  orderRejected: string
  /** Live-region announcement when an order moves on. */
  orderNowStatus: (number: string, status: string) => string

  // ── Orders and their lines ───────────────────────────────────────────
  /** Heading of an order's lines. */
  items: string
  columnProduct: string
  columnUnitPrice: string
  columnAmount: string
  /** Subtotal before tax. */
  subtotal: string
  poNumber: string
  requestedDate: string
  noteForSupplier: string
  deliveryAddress: string
}

/** The shared messages: English bundled, the others loaded when first asked for. */
export const sharedCatalogue = defineCatalogue({
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
