import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PortalClient } from '../portal-client.js'
import { failureState, settle, type RequestError } from '../request-error.js'

/**
 * Where a cursor-paginated list is in its life:
 *
 * ```
 * idle ──► loading ──► ready | empty | error | unauthorized | forbidden
 *             ▲                         │ retry()
 *             └── query change ◄────────┘
 * ```
 *
 * `idle` means "nothing to load from yet" (no client).
 */
export type CursorListState =
  'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'unauthorized' | 'forbidden'

/** A page as every Portico list route answers it. */
export interface CursorPage<Item> {
  data: Item[]
  nextCursor: string | null
}

/** What a list asks the API for; `pageSize` is common to all, the rest is the list's own. */
export interface CursorListQuery {
  /** Rows per request, 1..100. */
  pageSize: number
}

/** A page size as every list route takes it: a whole number from 1 to 100, else the default 20. */
export function clampPageSize(value: number): number {
  return Number.isInteger(value) ? Math.min(Math.max(value, 1), 100) : 20
}

type Fetched<Item> = { data?: CursorPage<Item>; error?: unknown; response: Response }

/**
 * The paging logic every Portico list shares, as a Lit reactive controller:
 * it loads the first page, appends the next on `loadMore()`, reloads when
 * the client or the query changes, aborts a request whose answer is no
 * longer wanted, and maps 401/403 to states a UI can explain.
 *
 * A subclass names the route in {@link fetchPage}; `InvoiceListController`,
 * `OrderListController` and `CatalogController` are three.
 */
export abstract class CursorListController<
  Item,
  Query extends CursorListQuery,
  Page extends CursorPage<Item> = CursorPage<Item>,
> implements ReactiveController {
  /** Where the list is in its life; see {@link CursorListState}. */
  state: CursorListState = 'idle'

  /** Every row loaded so far, in API order. */
  items: readonly Item[] = []

  /** Cursor of the next page, or `null` when the last page is loaded. */
  nextCursor: string | null = null

  /** True while a `loadMore()` request is in flight (`state` stays `ready`). */
  loadingMore = false

  /** Why the list is in `error`, `unauthorized` or `forbidden`. */
  error: RequestError | null = null

  /** Why the last `loadMore()` failed; cleared by the next attempt. The loaded rows stay. */
  loadMoreError: RequestError | null = null

  /** The last page received, for whatever a route sends besides its rows. */
  lastPage: Page | null = null

  protected readonly host: ReactiveControllerHost
  #client: PortalClient | undefined
  #query: Query
  #abort: AbortController | undefined

  constructor(host: ReactiveControllerHost, client: PortalClient | undefined, query: Query) {
    this.host = host
    this.#client = client
    this.#query = query
    host.addController(this)
  }

  /** The client requests go through; `undefined` keeps the list `idle`. */
  get client(): PortalClient | undefined {
    return this.#client
  }

  /** The current query. */
  get query(): Readonly<Query> {
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
  configure(options: Partial<Query> & { client?: PortalClient | undefined }): Promise<void> {
    const { client: _, ...patch } = options
    const client = 'client' in options ? options.client : this.#client
    const query = { ...this.#query, ...patch } as Query
    const changed =
      client !== this.#client ||
      (Object.keys(query) as (keyof Query)[]).some((key) => query[key] !== this.#query[key])
    this.#client = client
    this.#query = query
    if (changed || (this.state === 'idle' && client)) return this.reload()
    return Promise.resolve()
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

    const outcome = await this.#fetch(signal, undefined)
    if (signal.aborted) return
    if ('data' in outcome) {
      this.lastPage = outcome.data
      this.items = outcome.data.data
      this.nextCursor = outcome.data.nextCursor
      this.#set(this.items.length ? 'ready' : 'empty')
    } else {
      this.error = outcome.error
      this.#set(failureState(outcome.error))
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
    this.host.requestUpdate()

    const outcome = await this.#fetch(signal, this.nextCursor)
    if (signal.aborted) return 0
    this.loadingMore = false
    if ('data' in outcome) {
      this.lastPage = outcome.data
      this.items = [...this.items, ...outcome.data.data]
      this.nextCursor = outcome.data.nextCursor
      this.host.requestUpdate()
      return outcome.data.data.length
    }
    const state = failureState(outcome.error)
    if (state === 'error') {
      this.loadMoreError = outcome.error
      this.host.requestUpdate()
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

  /**
   * Replaces loaded rows in place (a live update), without a reload.
   * `replace` returns the new row, or the same one to keep it.
   */
  patchItems(replace: (item: Item) => Item): void {
    const items = this.items.map(replace)
    if (items.some((item, index) => item !== this.items[index])) {
      this.items = items
      this.host.requestUpdate()
    }
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

  /** Requests one page of the list; `cursor` is absent for the first. */
  protected abstract fetchPage(
    client: PortalClient,
    query: Readonly<Query>,
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<Fetched<Item> & { data?: Page }>

  #startRequest(): AbortSignal {
    this.abort()
    this.#abort = new AbortController()
    return this.#abort.signal
  }

  #set(state: CursorListState): void {
    this.state = state
    this.host.requestUpdate()
  }

  #fetch(signal: AbortSignal, cursor: string | undefined) {
    return settle<Page>(() => this.fetchPage(this.#client!, this.#query, cursor, signal))
  }
}
