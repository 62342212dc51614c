import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-quick-order>` alone shows or announces. Each
 * file in `locales/` implements this interface, so the compiler refuses a
 * language with a missing key; `i18n.test.ts` checks the same at run time.
 * Strings other elements show too are in `SharedMessages`.
 */
export interface QuickOrderMessages {
  columnQuantity: string
  /** Caption of the product table. */
  products: string
  searchProducts: string
  /** Hint under the search field. */
  searchHint: string
  loadingProducts: string
  noProducts: string
  noProductsFor: (query: string) => string
  /** The account has no price list in force: nothing can be ordered. */
  noPriceList: string
  /** Where the prices come from: the contract's name and, if it ends, when. */
  priceListInfo: (name: string, validTo: string | null) => string
  productsLoadError: string
  productsForbidden: string
  productsShown: (count: number) => string
  loadedMoreProducts: (count: number) => string
  /** `€8.90 / Stk`. */
  pricePerUnit: (price: string, unit: string) => string
  /** One quantity break: `from 100: €8.46`. */
  priceFrom: (quantity: string, price: string) => string
  /** Accessible name of the list of quantity breaks. */
  quantityPrices: string
  /** Accessible name of a product's quantity field. */
  quantityOf: (product: string, unit: string) => string
  decreaseQuantity: (product: string) => string
  increaseQuantity: (product: string) => string
  /** The ordering rules under a quantity field; `step` is 1 when any quantity goes. */
  quantityRules: (minimum: string, step: string, unit: string) => string
  quantityNotANumber: string
  quantityBelowMinimum: (minimum: string, unit: string) => string
  quantityNotMultiple: (step: string, unit: string) => string
  /** The API refused a line: the product is no longer on the price list. */
  productNotOrderable: string
  /** The API refused a line for another reason. */
  lineRefused: string
  yourOrder: string
  orderEmpty: string
  lineCount: (count: number) => string
  removeLine: (product: string) => string
  /** After the subtotal, when the tax rate is unknown (no `credit:read`): the API adds it. */
  taxAddedOnPlacing: string
  /** The tax line of the totals: `Tax (19 %)`; `rate` is formatted. */
  taxAtRate: (rate: string) => string
  availableCredit: string
  /** Under the available credit: the limit it comes from. */
  creditOfLimit: (limit: string) => string
  creditAfterOrder: string
  overCredit: (amount: string) => string
  overCreditHelp: string
  creditHold: string
  creditHoldReason: (reason: string) => string
  contactAccountManager: string
  roleCannotOrder: string
  roleCannotOrderHelp: string
  reviewOrder: string
  /** Why "Review order" is unavailable. */
  blockedEmpty: string
  blockedInvalid: string
  reviewTitle: string
  backToProducts: string
  placeOrder: string
  placingOrder: string
  placeError: string
  linesRefused: string
  /**
   * 422 credit_limit_exceeded, with the `available` amount the API sent. The
   * total was checked against credit before sending, so the credit changed meanwhile.
   */
  creditExceeded: (available: string) => string
  /** 400 on a detail (PO number, date, address, note): the fields are marked. */
  detailsRefused: string
  /** Why "Place order" does nothing yet. */
  blockedDetails: string
  /** The delivery address choice: the one on file with the supplier. */
  deliverToUsual: string
  deliverToUsualHint: string
  deliverToOther: string
  addressName: string
  addressLine1: string
  addressLine2: string
  postalCode: string
  city: string
  country: string
  /** Under an empty field the API requires. */
  fieldRequired: string
  /** Over the API's length limit; both numbers formatted. */
  fieldTooLong: (max: string, length: string) => string
  dateNotADate: string
  dateInPast: string
  /** The API refused a detail for a reason the element does not know. */
  fieldRefused: string
  noCreditTerms: string
  orderConflict: string
  /** No answer: retrying is safe (same idempotency key). */
  placeOffline: string
  orderPlacedTitle: (number: string) => string
  orderPlacedText: string
  viewOrder: string
  placeAnother: string
}

/**
 * The messages of `<portico-quick-order>` in every language, the shared
 * ones included: English bundled, the others loaded when first asked for.
 */
export const quickOrderCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
