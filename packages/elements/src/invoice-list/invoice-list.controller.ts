import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type {
  InvoiceListParams,
  InvoiceStatus,
  InvoiceSummary,
  PortalClient,
  Problem,
} from '../portal-client.js'

/**
 * Where an invoice list is in its life:
 *
 * ```
 * idle ──► loading ──► ready | empty | error | unauthorized | forbidden
 *             ▲                         │ retry()
 *             └── filter change ◄───────┘
 * ```
 *
 * `idle` means "nothing to load from yet" (no client).
 */
export type InvoiceListState =
  'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'unauthorized' | 'forbidden'

/** The status filter: one invoice status, or every status. */
export type InvoiceStatusFilter = InvoiceStatus | 'all'

export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = Object.freeze([
  'all',
  'open',
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

/** Why a request failed: an HTTP error with its problem document, or no answer at all. */
export interface InvoiceListError {
  /** HTTP status, or `0` when the request never got an answer (network, CORS, DNS). */
  status: number
  /** The RFC 9457 problem the API answered with, when it did. */
  problem?: Problem | undefined
  cause?: unknown
}

export interface InvoiceListControllerOptions extends Partial<InvoiceListQuery> {
  client?: PortalClient | undefined
}

const defaultQuery: InvoiceListQuery = Object.freeze({ status: 'all', pageSize: 20 })

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value
}

/**
 * The data logic of `<portico-invoice-list>`, usable on its own to build a
 * different UI on the same behaviour: it pages through `GET /v1/invoices`
 * with a cursor, applies a status filter, aborts a request whose answer is
 * no longer wanted, and maps 401/403 to states a UI can explain.
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
export class InvoiceListController implements ReactiveController {
  /** Where the list is in its life; see {@link InvoiceListState}. */
  state: InvoiceListState = 'idle'

  /** Every invoice loaded so far, in API order (newest first). */
  items: readonly InvoiceSummary[] = []

  /** Cursor of the next page, or `null` when the last page is loaded. */
  nextCursor: string | null = null

  /** True while a `loadMore()` request is in flight (`state` stays `ready`). */
  loadingMore = false

  /** Why the list is in `error`, `unauthorized` or `forbidden`. */
  error: InvoiceListError | null = null

  /** Why the last `loadMore()` failed; cleared by the next attempt. The loaded rows stay. */
  loadMoreError: InvoiceListError | null = null

  readonly #host: ReactiveControllerHost
  #client: PortalClient | undefined
  #query: InvoiceListQuery
  #abort: AbortController | undefined

  constructor(host: ReactiveControllerHost, options: InvoiceListControllerOptions = {}) {
    const { client, ...query } = options
    this.#host = host
    this.#client = client
    this.#query = { ...defaultQuery, ...query }
    host.addController(this)
  }

  /** The client requests go through; `undefined` keeps the list `idle`. */
  get client(): PortalClient | undefined {
    return this.#client
  }

  /** The current filter and page size. */
  get query(): Readonly<InvoiceListQuery> {
    return this.#query
  }

  /** True when another page can be loaded. */
  get hasMore(): boolean {
    return this.nextCursor !== null
  }

  /**
   * Updates the client and/or query. When anything changed (or nothing was
   * loaded yet) it aborts the request in flight and loads the first page
   * again. Returns when that load settles.
   */
  configure(options: InvoiceListControllerOptions): Promise<void> {
    const { client: _, ...patch } = options
    const client = 'client' in options ? options.client : this.#client
    const query = { ...this.#query, ...patch }
    const changed =
      client !== this.#client ||
      (Object.keys(query) as (keyof InvoiceListQuery)[]).some(
        (key) => query[key] !== this.#query[key],
      )
    this.#client = client
    this.#query = query
    if (changed || (this.state === 'idle' && client)) return this.reload()
    return Promise.resolve()
  }

  /** Shows only invoices with `status` (`'all'` for every status) and reloads. */
  setStatus(status: InvoiceStatusFilter): Promise<void> {
    return this.configure({ status })
  }

  /** Loads the first page again, discarding loaded rows and aborting any request in flight. */
  async reload(): Promise<void> {
    const signal = this.#startRequest()
    this.items = []
    this.nextCursor = null
    this.error = null
    this.loadMoreError = null
    this.loadingMore = false
    this.#set(this.#client ? 'loading' : 'idle')
    if (!this.#client) return

    const outcome = await this.#fetchPage(signal, undefined)
    if (signal.aborted) return
    if ('page' in outcome) {
      this.items = outcome.page.data
      this.nextCursor = outcome.page.nextCursor
      this.#set(this.items.length ? 'ready' : 'empty')
    } else {
      this.error = outcome.error
      this.#set(this.#stateFor(outcome.error))
    }
  }

  /**
   * Appends the next page. Resolves with the number of rows added (0 when
   * there was nothing to load, another load was running, or it failed —
   * then `loadMoreError` says why and the loaded rows stay).
   */
  async loadMore(): Promise<number> {
    if (this.state !== 'ready' || this.loadingMore || !this.nextCursor || !this.#client) return 0
    const signal = this.#startRequest()
    this.loadingMore = true
    this.loadMoreError = null
    this.#host.requestUpdate()

    const outcome = await this.#fetchPage(signal, this.nextCursor)
    if (signal.aborted) return 0
    this.loadingMore = false
    if ('page' in outcome) {
      this.items = [...this.items, ...outcome.page.data]
      this.nextCursor = outcome.page.nextCursor
      this.#host.requestUpdate()
      return outcome.page.data.length
    }
    const state = this.#stateFor(outcome.error)
    if (state === 'error') {
      this.loadMoreError = outcome.error
      this.#host.requestUpdate()
    } else {
      // A 401/403 mid-way means the session ended or lost its rights: the rows
      // shown are no longer the user's to see.
      this.items = []
      this.nextCursor = null
      this.error = outcome.error
      this.#set(state)
    }
    return 0
  }

  /** Repeats whatever failed last: the next page after a `loadMore()` error, else the first page. */
  retry(): Promise<unknown> {
    return this.loadMoreError ? this.loadMore() : this.reload()
  }

  /** Aborts the request in flight, if any; the state stays as it is. */
  abort(): void {
    this.#abort?.abort()
    this.#abort = undefined
  }

  /** @internal */
  hostConnected(): void {
    if (this.state === 'idle' && this.#client) void this.reload()
  }

  /** @internal */
  hostDisconnected(): void {
    const wasLoading = this.state === 'loading'
    this.abort()
    this.loadingMore = false
    // Reconnecting (a list moved in the DOM) should finish what was started.
    if (wasLoading) this.state = 'idle'
  }

  #startRequest(): AbortSignal {
    this.abort()
    this.#abort = new AbortController()
    return this.#abort.signal
  }

  #set(state: InvoiceListState): void {
    this.state = state
    this.#host.requestUpdate()
  }

  #stateFor(error: InvoiceListError): InvoiceListState {
    if (error.status === 401) return 'unauthorized'
    if (error.status === 403) return 'forbidden'
    return 'error'
  }

  async #fetchPage(
    signal: AbortSignal,
    cursor: string | undefined,
  ): Promise<
    { page: { data: InvoiceSummary[]; nextCursor: string | null } } | { error: InvoiceListError }
  > {
    const { status, pageSize, issuedFrom, issuedTo } = this.#query
    const params: InvoiceListParams = { limit: pageSize }
    if (cursor) params.cursor = cursor
    if (status !== 'all') params.status = status
    if (issuedFrom) params.issuedFrom = issuedFrom
    if (issuedTo) params.issuedTo = issuedTo
    try {
      const { data, error, response } = await this.#client!.GET('/v1/invoices', {
        params: { query: params },
        signal,
      })
      if (data) return { page: data }
      return {
        error: { status: response.status, problem: isProblem(error) ? error : undefined },
      }
    } catch (cause) {
      // fetch() rejects only when no response arrived (or it was aborted,
      // which the caller checks before reading this).
      return { error: { status: 0, cause } }
    }
  }
}
