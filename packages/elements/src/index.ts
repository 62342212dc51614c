/**
 * @portico/elements — embeddable, themeable web components for the Portico
 * customer portal. Importing this module defines every element; import
 * `@portico/elements/<element>.js` to define only the ones you use.
 *
 * @packageDocumentation
 */
export * from './provider/provider.define.js'
export { porticoContext, type PorticoContext } from './provider/portico-context.js'
export * from './invoice-list/invoice-list.define.js'
export * from './quick-order/quick-order.define.js'
export * from './order-list/order-list.define.js'
export * from './order-tracker/order-tracker.define.js'
export * from './invoice-detail/invoice-detail.define.js'
export * from './pay-invoices/pay-invoices.define.js'
export * from './document-center/document-center.define.js'
export * from './contract-list/contract-list.define.js'
export * from './case-form/case-form.define.js'
export * from './case-detail/case-detail.define.js'
export * from './case-list/case-list.define.js'
export * from './activity-feed/activity-feed.define.js'
export {
  CursorListController,
  type CursorListQuery,
  type CursorListState,
  type CursorPage,
} from './list/cursor-list.controller.js'
export {
  LiveEventsController,
  type LiveEventsOptions,
  type LiveState,
} from './live/live-events.controller.js'
export { invoiceStatusLabel } from './invoices/invoice-status.js'
export { isFinalPaymentStatus, paymentStatusLabel } from './payments/payment-status.js'
export { orderStatuses, orderStatusLabel } from './orders/order-status.js'
export type { FailureState, RequestError } from './request-error.js'
export { LocalizeController, type LocalizeOptions } from './i18n/localize.controller.js'
export { defineCatalogue, type Catalogue } from './i18n/catalogue.js'
export { sharedCatalogue, type SharedMessages } from './i18n/shared.messages.js'
export {
  darkTokens,
  lightTokens,
  themeCss,
  tokenNames,
  tokenStyles,
  type ThemeTokens,
  type TokenName,
} from './theme/tokens.js'
export type {
  CatalogPage,
  CatalogProduct,
  Credit,
  Me,
  Order,
  OrderLine,
  OrderPage,
  OrderStatus,
  OrderSummary,
  OrderTimelineEntry,
  PlaceOrderRequest,
  PriceBreak,
  Shipment,
  CreatePaymentRequest,
  DocumentType,
  Invoice,
  InvoiceLine,
  InvoiceListParams,
  Payment,
  PaymentAllocation,
  PaymentStatus,
  PortalDocument,
  InvoicePage,
  InvoiceStatus,
  InvoiceSummary,
  PortalClient,
  Problem,
  Contract,
  ContractItem,
  ContractPage,
  ContractStatus,
  DocumentPage,
  DownloadLink,
  ActivityItem,
} from './portal-client.js'
