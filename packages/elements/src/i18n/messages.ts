/**
 * Every string the elements show or announce. Each locale in `locales/`
 * implements this interface, so the compiler refuses a catalogue with a
 * missing key; `i18n.test.ts` checks the same at run time.
 *
 * Messages that depend on a count are functions, so each language applies
 * its own plural rules (French counts 0 as singular, Indonesian has none).
 */
export interface Messages {
  /** Caption of the invoice table. */
  invoices: string
  /** Label of the status filter. */
  statusFilter: string
  /** The filter option that shows every status. */
  statusAll: string
  statusOpen: string
  statusOverdue: string
  statusPaid: string
  statusVoid: string
  columnNumber: string
  columnIssueDate: string
  columnDueDate: string
  columnStatus: string
  columnTotal: string
  columnAmountDue: string
  loading: string
  /** Empty state without a filter. */
  empty: string
  /** Empty state while a filter is applied. */
  emptyFiltered: string
  loadError: string
  /** Shown instead of `loadError` when the browser reports no network. */
  offline: string
  /** Shown under an error so a person can quote it to support. */
  errorReference: (requestId: string) => string
  retry: string
  unauthorized: string
  forbidden: string
  loadMore: string
  loadingMore: string
  loadMoreError: string
  /** Live-region announcement after "load more". */
  loadedMore: (count: number) => string
  /** Number of rows currently shown (footer and filter announcements). */
  shown: (count: number) => string

  // ── Ordering: shared ─────────────────────────────────────────────────
  /** The status filter option that shows every order ("All", agreeing with "orders"). */
  orderStatusAll: string
  orderPlaced: string
  orderConfirmed: string
  orderInProduction: string
  orderPartiallyShipped: string
  orderShipped: string
  orderDelivered: string
  orderCancelled: string
  orderRejected: string
  /** Subtotal before tax. */
  subtotal: string
  tax: string
  /** Marks an optional form field. */
  optional: string
  columnUnitPrice: string
  columnQuantity: string
  columnAmount: string
  columnProduct: string

  // ── <portico-quick-order> ────────────────────────────────────────────
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
  /** After the subtotal: tax is not known until the API prices the order. */
  taxAddedOnPlacing: string
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
  poNumber: string
  requestedDate: string
  noteForSupplier: string
  placeOrder: string
  placingOrder: string
  placeError: string
  linesRefused: string
  /** 422 credit_limit_exceeded, with the `available` amount the API sent. */
  creditExceeded: (available: string) => string
  noCreditTerms: string
  orderConflict: string
  /** No answer: retrying is safe (same idempotency key). */
  placeOffline: string
  orderPlacedTitle: (number: string) => string
  orderPlacedText: string
  viewOrder: string
  placeAnother: string

  // ── <portico-order-list> ─────────────────────────────────────────────
  /** Caption of the order table. */
  orders: string
  columnOrder: string
  columnPlaced: string
  columnPoNumber: string
  columnErpNumber: string
  loadingOrders: string
  ordersEmpty: string
  ordersEmptyFiltered: string
  ordersLoadError: string
  ordersOffline: string
  ordersForbidden: string
  ordersShown: (count: number) => string
  loadedMoreOrders: (count: number) => string
  /** Live-region announcement when an order moves on. */
  orderNowStatus: (number: string, status: string) => string

  // ── <portico-order-tracker> ──────────────────────────────────────────
  orderTitle: (number: string) => string
  loadingOrder: string
  orderNotFound: string
  orderLoadError: string
  orderForbidden: string
  erpOrderNumber: string
  deliveryAddress: string
  placedOn: string
  progress: string
  /** A step of the timeline not reached yet. */
  stepPending: string
  /** The step the order is at now (accessible text). */
  stepCurrent: string
  reason: (reason: string) => string
  shipments: string
  noShipmentsYet: string
  carrier: string
  trackingNumber: string
  opensInNewTab: string
  shippedOn: (date: string) => string
  deliveredOn: (date: string) => string
  items: string
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
