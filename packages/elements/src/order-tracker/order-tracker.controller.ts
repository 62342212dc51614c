import type { PortalEvent } from '@portico/sdk'
import type { ReactiveControllerHost } from 'lit'
import type { Order, OrderStatus, PortalClient } from '../portal-client.js'
import { ResourceController, type ResourceState } from '../detail/resource.controller.js'
import { settle, type RequestError } from '../request-error.js'

/** Where a tracked order is in its life: see {@link ResourceState}. */
export type OrderTrackerState = ResourceState

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
export class OrderTrackerController extends ResourceController<Order> {
  /** True while a `cancel()` request is in flight. */
  cancelling = false
  /** Why the last `cancel()` failed (`problem.code` `order_not_cancellable` on 409). */
  cancelError: RequestError | null = null

  readonly #onStatusChange: OrderTrackerControllerOptions['onStatusChange']
  readonly #onLoad: OrderTrackerControllerOptions['onLoad']

  constructor(host: ReactiveControllerHost, options: OrderTrackerControllerOptions = {}) {
    super(host, options.client, options.orderId)
    this.#onStatusChange = options.onStatusChange
    this.#onLoad = options.onLoad
  }

  /** The order, once loaded; replaced by every refresh. */
  get order(): Order | null {
    return this.resource
  }

  get orderId(): string | undefined {
    return this.resourceId
  }

  /** True while the order may still be cancelled: the ERP has not confirmed it. */
  get cancellable(): boolean {
    return this.order?.status === 'placed'
  }

  /** Follows another order and/or client; loads it when anything changed. */
  configure(options: Pick<OrderTrackerControllerOptions, 'client' | 'orderId'>): Promise<void> {
    return this.follow({
      ...('client' in options && { client: options.client }),
      ...('orderId' in options && { id: options.orderId }),
    })
  }

  /** Loads the order from scratch, showing the loading state. */
  override reload(): Promise<void> {
    this.cancelError = null
    return super.reload()
  }

  /** Refreshes when an account event is about this order. Returns whether it was. */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    if (!event.type.startsWith('order.') || event.subjectId !== this.orderId) return false
    void this.refresh()
    return true
  }

  /**
   * Cancels the order. Resolves with the cancelled order, or `null` when the
   * API refused — `cancelError` says why; on 409 the order is refreshed,
   * since the ERP moved it on.
   */
  async cancel(reason?: string): Promise<Order | null> {
    const client = this.client
    const id = this.orderId
    if (!client || !id || !this.cancellable || this.cancelling) return null
    this.cancelling = true
    this.cancelError = null
    this.host.requestUpdate()
    const outcome = await settle(() =>
      client.POST('/v1/orders/{id}/cancel', {
        params: { path: { id } },
        body: reason?.trim() ? { reason: reason.trim() } : {},
      }),
    )
    this.cancelling = false
    if ('data' in outcome && id === this.orderId) {
      this.accept(outcome.data)
      return outcome.data
    }
    if ('error' in outcome) {
      this.cancelError = outcome.error
      if (outcome.error.status === 409) void this.refresh()
    }
    this.host.requestUpdate()
    return null
  }

  protected fetchResource(client: PortalClient, id: string, signal: AbortSignal) {
    return settle(() => client.GET('/v1/orders/{id}', { params: { path: { id } }, signal }))
  }

  protected override accepted(order: Order, previous: Order | null): void {
    if (!previous) this.#onLoad?.(order)
    else if (previous.status !== order.status) this.#onStatusChange?.(order, previous.status)
  }
}
