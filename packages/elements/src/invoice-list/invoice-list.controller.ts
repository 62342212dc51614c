import type { ReactiveControllerHost } from 'lit'
import { CursorListController, type CursorListState } from '../list/cursor-list.controller.js'
import type { InvoicePage, InvoiceStatus, InvoiceSummary, PortalClient } from '../portal-client.js'
import type { RequestError } from '../request-error.js'

/** See {@link CursorListState}: `idle` until there is a client, then `loading` and an outcome. */
export type InvoiceListState = CursorListState

/** Why a request failed; see {@link RequestError}. */
export type InvoiceListError = RequestError

/** The status filter: one invoice status, or every status. */
export type InvoiceStatusFilter = InvoiceStatus | 'all'

export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = Object.freeze([
  'all',
  'open',
  'partially_paid',
  'overdue',
  'paid',
  'void',
])

/** What the list asks the API for. */
export interface InvoiceListQuery {
  status: InvoiceStatusFilter
  /** Rows per request, 1..100. */
  pageSize: number
  /** `YYYY-MM-DD`, inclusive. */
  issuedFrom?: string | undefined
  /** `YYYY-MM-DD`, inclusive. */
  issuedTo?: string | undefined
}

export interface InvoiceListControllerOptions extends Partial<InvoiceListQuery> {
  client?: PortalClient | undefined
}

/**
 * The data logic of `<portico-invoice-list>`, usable on its own to build a
 * different UI on the same behaviour: it pages through `GET /v1/invoices`
 * with a cursor, applies a status filter and an issue-date range, aborts a
 * request whose answer is no longer wanted, and maps 401/403 to states a UI
 * can explain — the paging every list shares, from `CursorListController`.
 *
 * The controller requests a host update whenever its state changes.
 *
 * @example
 * ```ts
 * class MyInvoices extends LitElement {
 *   invoices = new InvoiceListController(this, { client, status: 'open' })
 *   render() {
 *     const { state, items } = this.invoices
 *     return state === 'ready' ? items.map((i) => html`<p>${i.number}</p>`) : html`…`
 *   }
 * }
 * ```
 */
export class InvoiceListController extends CursorListController<
  InvoiceSummary,
  InvoiceListQuery,
  InvoicePage
> {
  constructor(host: ReactiveControllerHost, options: InvoiceListControllerOptions = {}) {
    const { client, ...query } = options
    super(host, client, { status: 'all', pageSize: 20, ...query })
  }

  /** Shows only invoices with `status` (`'all'` for every status) and reloads. */
  setStatus(status: InvoiceStatusFilter): Promise<void> {
    return this.configure({ status })
  }

  protected fetchPage(
    client: PortalClient,
    { status, pageSize, issuedFrom, issuedTo }: Readonly<InvoiceListQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/invoices', {
      params: {
        query: {
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
          ...(status !== 'all' ? { status } : {}),
          ...(issuedFrom ? { issuedFrom } : {}),
          ...(issuedTo ? { issuedTo } : {}),
        },
      },
      signal,
    })
  }
}
