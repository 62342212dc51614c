import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-order-tracker>` alone shows or announces. Each
 * file in `locales/` implements this interface, so the compiler refuses a
 * language with a missing key; `i18n.test.ts` checks the same at run time.
 * Strings other elements show too are in `SharedMessages`.
 */
export interface OrderTrackerMessages {
  tax: string
  orderTitle: (number: string) => string
  loadingOrder: string
  orderNotFound: string
  orderLoadError: string
  orderForbidden: string
  erpOrderNumber: string
  placedOn: string
  progress: string
  /** A step of the timeline not reached yet. */
  stepPending: string
  /** The step the order is at now (accessible text). */
  stepCurrent: string
  reason: (reason: string) => string
  shipments: string
  noShipmentsYet: string
  trackingNumber: string
  opensInNewTab: string
  shippedOn: (date: string) => string
  deliveredOn: (date: string) => string
  columnOrdered: string
  columnShipped: string
  /** Shipped quantity of a line: `20 of 50`. */
  shippedOf: (shipped: string, ordered: string) => string
  cancelOrder: string
  cancelConfirmTitle: (number: string) => string
  cancelConfirmText: string
  cancelReason: string
  keepOrder: string
  confirmCancel: string
  cancelling: string
  cancelNotPossible: string
  cancelFailed: string
  /** Shown while live updates are connected. */
  live: string
}

/**
 * The messages of `<portico-order-tracker>` in every language, the shared
 * ones included: English bundled, the others loaded when first asked for.
 */
export const orderTrackerCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
