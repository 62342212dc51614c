import type { PortalEvent } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Order, OrderStatus, PortalClient } from '../portal-client.js'
import { failureState, settle, type RequestError } from '../request-error.js'

/**
 * Where a tracked order is in its life:
 *
 * ```
 * idle ──► loading ──► ready | not-found | error | unauthorized | forbidden
 *             ▲                         │ retry()
 *             └── another order-id ◄────┘
 * ```
 *
 * Once `ready`, live refreshes replace `order` in place; the state stays.
 */
export type OrderTrackerState =
  'idle' | 'loading' | 'ready' | 'not-found' | 'error' | 'unauthorized' | 'forbidden'

export interface OrderTrackerControllerOptions {
  client?: PortalClient | undefined
  orderId?: string | undefined
  /** Told when an order has loaded (the first time, or another `orderId`): not on refreshes. */
  onLoad?: (order: Order) => void
  /** Told when a refresh finds the order in another status (a live update). */
  onStatusChange?: (order: Order, previous: OrderStatus) => void
}

/**
 * The data logic of `<portico-order-tracker>`: loads one order
 * (`GET /v1/orders/{id}`) with its lines, timeline and shipments, refreshes
 * it in place when an account event is about it ({@link applyEvent}), and
 * cancels it while it is still `placed` (`POST /v1/orders/{id}/cancel`; the
 * API answers 409 `order_not_cancellable` once the ERP has confirmed it).
 *
 * @example
 * ```ts
 * tracker = new OrderTrackerController(this, { client, orderId })
 * client.events.subscribe({ types: ['order.*'] }, (event) => this.tracker.applyEvent(event))
 * ```
 */
export class OrderTrackerController implements ReactiveController {
  state: OrderTrackerState = 'idle'
  /** The order, once loaded; replaced by every refresh. */
  order: Order | null = null
  /** Why the order is in `error`, `unauthorized`, `forbidden` or `not-found`. */
  error: RequestError | null = null
  /** True while a `cancel()` request is in flight. */
  cancelling = false
  /** Why the last `cancel()` failed (`problem.code` `order_not_cancellable` on 409). */
  cancelError: RequestError | null = null

  readonly #host: ReactiveControllerHost
  readonly #onStatusChange: OrderTrackerControllerOptions['onStatusChange']
  readonly #onLoad: OrderTrackerControllerOptions['onLoad']
  #client: PortalClient | undefined
  #orderId: string | undefined
  #abort: AbortController | undefined

  constructor(host: ReactiveControllerHost, options: OrderTrackerControllerOptions = {}) {
    this.#host = host
    this.#client = options.client
    this.#orderId = options.orderId
    this.#onStatusChange = options.onStatusChange
    this.#onLoad = options.onLoad
    host.addController(this)
  }

  get client(): PortalClient | undefined {
    return this.#client
  }

  get orderId(): string | undefined {
    return this.#orderId
  }

  /** True while the order may still be cancelled: the ERP has not confirmed it. */
  get cancellable(): boolean {
    return this.order?.status === 'placed'
  }

  /** Follows another order and/or client; loads it when anything changed. */
  configure(options: Pick<OrderTrackerControllerOptions, 'client' | 'orderId'>): Promise<void> {
    const client = 'client' in options ? options.client : this.#client
    const orderId = 'orderId' in options ? options.orderId : this.#orderId
    const changed = client !== this.#client || orderId !== this.#orderId
    this.#client = client
    this.#orderId = orderId
    if (changed || (this.state === 'idle' && client && orderId)) return this.reload()
    return Promise.resolve()
  }

  /** Loads the order from scratch, showing the loading state. */
  async reload(): Promise<void> {
    this.order = null
    this.cancelError = null
    await this.#load(true)
  }

  /**
   * Fetches the order again while still showing the current one — what a
   * live update does. A failure leaves the shown order as it was.
   */
  refresh(): Promise<void> {
    if (this.state !== 'ready') return Promise.resolve()
    return this.#load(false)
  }

  /** Refreshes when an account event is about this order. Returns whether it was. */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    if (!event.type.startsWith('order.') || event.subjectId !== this.#orderId) return false
    void this.refresh()
    return true
  }

  /**
   * Cancels the order. Resolves with the cancelled order, or `null` when the
   * API refused — `cancelError` says why; on 409 the order is refreshed,
   * since the ERP moved it on.
   */
  async cancel(reason?: string): Promise<Order | null> {
    const client = this.#client
    const id = this.#orderId
    if (!client || !id || !this.cancellable || this.cancelling) return null
    this.cancelling = true
    this.cancelError = null
    this.#host.requestUpdate()
    const outcome = await settle(() =>
      client.POST('/v1/orders/{id}/cancel', {
        params: { path: { id } },
        body: reason?.trim() ? { reason: reason.trim() } : {},
      }),
    )
    this.cancelling = false
    if ('data' in outcome && id === this.#orderId) {
      this.#accept(outcome.data)
      return outcome.data
    }
    if ('error' in outcome) {
      this.cancelError = outcome.error
      if (outcome.error.status === 409) void this.refresh()
    }
    this.#host.requestUpdate()
    return null
  }

  /** @internal */
  hostConnected(): void {
    if (this.state === 'idle' && this.#client && this.#orderId) void this.reload()
  }

  /** @internal */
  hostDisconnected(): void {
    const wasLoading = this.state === 'loading'
    this.#abort?.abort()
    if (wasLoading) this.state = 'idle'
  }

  async #load(showLoading: boolean): Promise<void> {
    this.#abort?.abort()
    const client = this.#client
    const id = this.#orderId
    if (!client || !id) {
      this.state = 'idle'
      this.#host.requestUpdate()
      return
    }
    const abort = (this.#abort = new AbortController())
    if (showLoading) {
      this.state = 'loading'
      this.error = null
      this.#host.requestUpdate()
    }
    const outcome = await settle(() =>
      client.GET('/v1/orders/{id}', { params: { path: { id } }, signal: abort.signal }),
    )
    if (abort.signal.aborted) return
    if ('data' in outcome) return this.#accept(outcome.data)
    if (!showLoading && failureState(outcome.error) === 'error') return // keep showing what we have
    const { error } = outcome
    this.order = null
    this.error = error
    // A malformed id is as missing as an unknown one to the person reading.
    this.state = error.status === 404 || error.status === 400 ? 'not-found' : failureState(error)
    this.#host.requestUpdate()
  }

  #accept(order: Order): void {
    const previous = this.order?.status
    this.order = order
    this.error = null
    this.state = 'ready'
    this.#host.requestUpdate()
    if (!previous) this.#onLoad?.(order)
    else if (previous !== order.status) this.#onStatusChange?.(order, previous)
  }
}
