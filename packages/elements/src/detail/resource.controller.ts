import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PortalClient } from '../portal-client.js'
import { failureState, type RequestError } from '../request-error.js'

/**
 * Where one shown resource (an order, an invoice, a case) is in its life:
 *
 * ```
 * idle ──► loading ──► ready | not-found | error | unauthorized | forbidden
 *             ▲                         │ reload()
 *             └── another id ◄──────────┘
 * ```
 *
 * `idle` means "nothing to load yet" (no client or no id). Once `ready`,
 * live refreshes replace the resource in place; the state stays.
 */
export type ResourceState =
  'idle' | 'loading' | 'ready' | 'not-found' | 'error' | 'unauthorized' | 'forbidden'

/** What a fetch gives back: the resource, or why there is none. */
export type ResourceOutcome<T> = { data: T } | { error: RequestError }

/**
 * The loading logic every detail component shares, as a Lit reactive
 * controller: it loads one resource by id, reloads when the client or the
 * id changes, refreshes in place for live updates (a failed refresh keeps
 * what is shown), aborts a request whose answer is no longer wanted, and
 * maps the failures to states a UI can explain — a malformed id (400) is as
 * missing as an unknown one (404) to the person reading.
 *
 * A subclass names the route in {@link fetchResource} and reacts to each
 * loaded value in {@link accepted}; `OrderTrackerController`,
 * `InvoiceDetailController` and `CaseDetailController` are three.
 */
export abstract class ResourceController<T> implements ReactiveController {
  /** Where the resource is in its life; see {@link ResourceState}. */
  state: ResourceState = 'idle'
  /** Why the resource is in `error`, `unauthorized`, `forbidden` or `not-found`. */
  error: RequestError | null = null

  protected readonly host: ReactiveControllerHost
  /** The resource, once loaded; replaced by every refresh. */
  protected resource: T | null = null
  #client: PortalClient | undefined
  #id: string | undefined
  #abort: AbortController | undefined

  constructor(host: ReactiveControllerHost, client?: PortalClient, id?: string) {
    this.host = host
    this.#client = client
    this.#id = id
    host.addController(this)
  }

  get client(): PortalClient | undefined {
    return this.#client
  }

  /** The id of the resource shown (or to be shown). */
  protected get resourceId(): string | undefined {
    return this.#id
  }

  /**
   * Fetches the resource. `refreshing` is true for a live refresh of a shown
   * resource, false for a first load. The subclass may load what goes beside
   * it on the same `signal`; nothing it sets survives an aborted load.
   */
  protected abstract fetchResource(
    client: PortalClient,
    id: string,
    signal: AbortSignal,
    refreshing: boolean,
  ): Promise<ResourceOutcome<T>>

  /**
   * Told after each load or {@link accept} that made `resource` current, with
   * the one it replaced (`null` for a first load, another id, or a reload).
   */
  protected accepted(_resource: T, _previous: T | null): void {}

  /**
   * Follows another resource and/or client (an option left out keeps its
   * value); loads it when anything changed. Each subclass's `configure`
   * names its id.
   */
  protected follow(options: {
    client?: PortalClient | undefined
    id?: string | undefined
  }): Promise<void> {
    const client = 'client' in options ? options.client : this.#client
    const id = 'id' in options ? options.id : this.#id
    const changed = client !== this.#client || id !== this.#id
    this.#client = client
    this.#id = id
    if (changed || (this.state === 'idle' && client && id)) return this.reload()
    return Promise.resolve()
  }

  /** Loads the resource from scratch, showing the loading state. */
  reload(): Promise<void> {
    this.resource = null
    return this.#load(false)
  }

  /**
   * Fetches the resource again while still showing it — what a live update
   * does. A failure leaves the shown resource as it was.
   */
  refresh(): Promise<void> {
    if (this.state !== 'ready') return Promise.resolve()
    return this.#load(true)
  }

  /** Shows a resource the API answered with otherwise (a cancel, a close). */
  protected accept(resource: T): void {
    const previous = this.resource
    this.resource = resource
    this.error = null
    this.state = 'ready'
    this.host.requestUpdate()
    this.accepted(resource, previous)
  }

  /** @internal */
  hostConnected(): void {
    if (this.state === 'idle' && this.#client && this.#id) void this.reload()
  }

  /** @internal */
  hostDisconnected(): void {
    const wasLoading = this.state === 'loading'
    this.#abort?.abort()
    if (wasLoading) this.state = 'idle'
  }

  async #load(refreshing: boolean): Promise<void> {
    this.#abort?.abort()
    const client = this.#client
    const id = this.#id
    if (!client || !id) {
      this.state = 'idle'
      this.host.requestUpdate()
      return
    }
    const abort = (this.#abort = new AbortController())
    if (!refreshing) {
      this.state = 'loading'
      this.error = null
      this.host.requestUpdate()
    }
    const outcome = await this.fetchResource(client, id, abort.signal, refreshing)
    if (abort.signal.aborted) return
    if ('data' in outcome) return this.accept(outcome.data)
    const { error } = outcome
    if (refreshing && failureState(error) === 'error') return // keep showing what we have
    this.resource = null
    this.error = error
    this.state = error.status === 404 || error.status === 400 ? 'not-found' : failureState(error)
    this.host.requestUpdate()
  }
}
