import type { ReactiveControllerHost } from 'lit'
import { CursorListController } from '../list/cursor-list.controller.js'
import type { CatalogPage, CatalogProduct, PortalClient } from '../portal-client.js'

/** What the catalog asks the API for. */
export interface CatalogQuery {
  /** Search text (SKU or name, case-insensitive); empty lists everything. */
  q: string
  /** Products per request, 1..100. */
  pageSize: number
}

export interface CatalogControllerOptions extends Partial<CatalogQuery> {
  client?: PortalClient | undefined
  /** How long typing must pause before {@link CatalogController.search} asks the API (ms, default 250). */
  debounceMs?: number
}

/**
 * The products this account may order, from `GET /v1/catalog`, at its
 * contracted prices: a cursor list with a debounced search. `priceList`
 * names the contract the prices come from.
 *
 * @example
 * ```ts
 * catalog = new CatalogController(this, { client })
 * onInput(e) { this.catalog.search(e.target.value) }
 * ```
 */
export class CatalogController extends CursorListController<
  CatalogProduct,
  CatalogQuery,
  CatalogPage
> {
  readonly #debounceMs: number
  #timer: ReturnType<typeof setTimeout> | undefined
  #superseded: (() => void) | undefined

  constructor(host: ReactiveControllerHost, options: CatalogControllerOptions = {}) {
    const { client, debounceMs = 250, ...query } = options
    super(host, client, { q: '', pageSize: 20, ...query })
    this.#debounceMs = debounceMs
  }

  /** The contract the prices come from, once a page has arrived (`null`: none in force). */
  get priceList(): CatalogPage['priceList'] | undefined {
    return this.lastPage?.priceList
  }

  /**
   * Searches for `text` once typing pauses. Resolves when that search has
   * settled — or straight away when a newer call superseded it.
   */
  search(text: string): Promise<void> {
    this.#cancelSearch()
    const q = text.trim()
    return new Promise((resolve) => {
      this.#superseded = resolve
      this.#timer = setTimeout(() => {
        this.#timer = this.#superseded = undefined
        void this.configure({ q }).then(resolve)
      }, this.#debounceMs)
    })
  }

  /** True while a search waits for typing to pause. */
  get searchPending(): boolean {
    return this.#timer !== undefined
  }

  /** @internal */
  override hostDisconnected(): void {
    this.#cancelSearch()
    super.hostDisconnected()
  }

  #cancelSearch(): void {
    clearTimeout(this.#timer)
    this.#superseded?.()
    this.#timer = this.#superseded = undefined
  }

  protected fetchPage(
    client: PortalClient,
    { q, pageSize }: Readonly<CatalogQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/catalog', {
      params: { query: { limit: pageSize, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
      signal,
    })
  }
}
