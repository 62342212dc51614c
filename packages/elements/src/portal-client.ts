/**
 * The API types the elements use, straight from `@portico/sdk` (generated
 * from the OpenAPI spec), so a changed contract breaks the build here rather
 * than in a browser.
 *
 * `PortalClient` is an `openapi-fetch` client: HTTP errors are values —
 * `{ data, error, response }` — never exceptions. `createPortalClient()`
 * makes one; so can a test or story, by passing its own `fetch`.
 */
import type { operations, PortalClient, Problem, Schemas } from '@portico/sdk'

export type { PortalClient, Problem }

/** One row of `GET /v1/invoices`. Money fields are integer minor units of `currency`. */
export type InvoiceSummary = Schemas['InvoiceSummary']

/** `open`: unpaid, not yet due; `partially_paid`: part paid, not yet due; `overdue`: past due, paid in part or not; `paid`; `void`: cancelled. */
export type InvoiceStatus = Schemas['InvoiceStatus']

/** A page of `GET /v1/invoices`, newest first. */
export type InvoicePage = Schemas['InvoiceList']

/** Query parameters of `GET /v1/invoices`. */
export type InvoiceListParams = NonNullable<operations['listInvoices']['parameters']['query']>

/** One product of `GET /v1/catalog`, at this account's contracted price. */
export type CatalogProduct = Schemas['CatalogProduct']

/** A quantity break: `unitPrice` applies from `minQuantity` up. */
export type PriceBreak = Schemas['PriceBreak']

/** A page of `GET /v1/catalog`, sorted by SKU, with the price list the prices come from. */
export type CatalogPage = Schemas['CatalogPage']

/** `GET /v1/credit`: limit, what is outstanding, what is available, and any credit hold. */
export type Credit = Schemas['Credit']

/** `placed → confirmed → in_production → partially_shipped → shipped → delivered`, or `cancelled` / `rejected`. */
export type OrderStatus = Schemas['OrderStatus']

/** One row of `GET /v1/orders`. */
export type OrderSummary = Schemas['OrderSummary']

/** `GET /v1/orders/{id}`: the order with its lines, status timeline and shipments. */
export type Order = Schemas['Order']

export type OrderLine = Schemas['OrderLine']
export type OrderTimelineEntry = Schemas['OrderTimelineEntry']
export type Shipment = Schemas['Shipment']

/** A page of `GET /v1/orders`, newest first. */
export type OrderPage = Schemas['OrderList']

/** The body of `POST /v1/orders`. */
export type PlaceOrderRequest = Schemas['PlaceOrderRequest']

/** `GET /v1/me`: who is signed in, their account and their permissions. */
export type Me = Schemas['Me']

/** `GET /v1/invoices/{id}`: the invoice with its lines (tax rate per line in basis points). */
export type Invoice = Schemas['Invoice']

export type InvoiceLine = Schemas['InvoiceLine']

/** `pending` until the provider reports `succeeded`, `failed`, `cancelled` or `expired`. */
export type PaymentStatus = Schemas['PaymentStatus']

/** `GET /v1/payments/{id}`: a payment with its allocations to invoices. */
export type Payment = Schemas['Payment']

export type PaymentAllocation = Schemas['PaymentAllocation']

/** The body of `POST /v1/payments`. */
export type CreatePaymentRequest = Schemas['CreatePaymentRequest']

/** One row of `GET /v1/documents`: a tax invoice, delivery order, certificate … */
export type PortalDocument = Schemas['Document']

export type DocumentType = Schemas['DocumentType']

/** A page of `GET /v1/documents`, newest first. */
export type DocumentPage = Schemas['DocumentList']

/** `POST /v1/documents/{id}/download-link`: a signed path, valid until `expiresAt` (≤ 5 minutes). */
export type DownloadLink = Schemas['DownloadLink']

/**
 * One contract of `GET /v1/contracts`: term, renewal, items and its document.
 * `document` is restated because the generator renders a nullable reference
 * as an intersection no value satisfies.
 */
export type Contract = Omit<Schemas['Contract'], 'document'> & { document: PortalDocument | null }

export type ContractItem = Schemas['ContractItem']

/** `active`, `cancelled` or `expired`. */
export type ContractStatus = Schemas['ContractStatus']

/** A page of `GET /v1/contracts`, soonest renewal first. */
export interface ContractPage {
  data: Contract[]
  nextCursor: string | null
}
/** `question`, `delivery`, `quality` (RMA), `warranty`, `billing`, `maintenance`. */
export type CaseCategory = Schemas['CaseCategory']

/** `low`, `normal` (the default), `high`, `urgent`. */
export type CasePriority = Schemas['CasePriority']

/** `new → open ⇄ waiting_on_customer → resolved → closed`; a closed case can be reopened. */
export type CaseStatus = Schemas['CaseStatus']

/** Whether the case is in step with the CRM: `synced`, `syncing`, `failed`. */
export type CaseSyncStatus = Schemas['CaseSyncStatus']

/** One row of `GET /v1/cases`, with its SLA due times. */
export type CaseSummary = Schemas['CaseSummary']

/** `GET /v1/cases/{id}`: the case with its thread (oldest first) and attachments. */
export type SupportCase = Schemas['Case']

export type CaseComment = Schemas['CaseComment']
export type CaseAttachment = Schemas['CaseAttachment']

/** A page of `GET /v1/cases`, newest first. */
export type CasePage = Schemas['CaseList']

/** The body of `POST /v1/cases`. */
export type CreateCaseRequest = Schemas['CreateCaseRequest']

/** One entry of `GET /v1/activity`. */
export type ActivityItem = Schemas['ActivityItem']
