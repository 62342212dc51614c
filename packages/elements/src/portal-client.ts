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

/** `open`: unpaid and not yet due; `overdue`: unpaid past its due date; `paid`; `void`: cancelled. */
export type InvoiceStatus = Schemas['InvoiceStatus']

/** A page of `GET /v1/invoices`, newest first. */
export type InvoicePage = Schemas['InvoiceList']

/** Query parameters of `GET /v1/invoices`. */
export type InvoiceListParams = NonNullable<operations['listInvoices']['parameters']['query']>
