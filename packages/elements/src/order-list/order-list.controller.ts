import type { ReactiveControllerHost } from 'lit'
import { CursorListController, type CursorListState } from '../list/cursor-list.controller.js'
import { orderStatuses } from '../orders/order-status.js'
import type { Order, OrderPage, OrderStatus, OrderSummary, PortalClient } from '../portal-client.js'
import type { PortalEvent } from '@portico/sdk'

/** See {@link CursorListState}. */
export type OrderListState = CursorListState

/** The status filter: one order status, or every status. */
export type OrderStatusFilter = OrderStatus | 'all'

export const orderStatusFilters: readonly OrderStatusFilter[] = Object.freeze([
  'all',
  ...orderStatuses,
])

/** What the order list asks the API for. */
export interface OrderListQuery {
  status: OrderStatusFilter
  /** Rows per request, 1..100. */
  pageSize: number
}

export interface OrderListControllerOptions extends Partial<OrderListQuery> {
  client?: PortalClient | undefined
}

/**
 * The data logic of `<portico-order-list>`: pages through `GET /v1/orders`
 * (newest first) with a cursor and a status filter, and keeps loaded rows
 * current as orders move — {@link applyEvent} takes the account's
 * `order.*` events (the element subscribes through the SDK's
 * `events.subscribe`) and refetches only the order an event is about.
 *
 * @example
 * ```ts
 * class MyOrders extends LitElement {
 *   orders = new OrderListController(this, { client, status: 'shipped' })
 *   render() {
 *     const { state, items } = this.orders
 *     return state === 'ready' ? items.map((o) => html`<p>${o.number}</p>`) : html`…`
 *   }
 * }
 * ```
 */
export class OrderListController extends CursorListController<
  OrderSummary,
  OrderListQuery,
  OrderPage
> {
  constructor(host: ReactiveControllerHost, options: OrderListControllerOptions = {}) {
    const { client, ...query } = options
    super(host, client, { status: 'all', pageSize: 20, ...query })
  }

  /** Shows only orders with `status` (`'all'` for every status) and reloads. */
  setStatus(status: OrderStatusFilter): Promise<void> {
    return this.configure({ status })
  }

  /**
   * Brings the list up to date after an account event: an order shown in
   * the list is refetched and its row replaced (or dropped when it no longer
   * matches the filter); a newly placed order that matches the filter is
   * put on top. Resolves with the order that changed, if one did.
   */
  async applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): Promise<OrderSummary | null> {
    const client = this.client
    const id = event.subjectId
    if (!client || !id || !event.type.startsWith('order.')) return null
    if (this.state !== 'ready' && this.state !== 'empty') return null
    const shown = this.items.some((order) => order.id === id)
    if (!shown && event.type !== 'order.placed') return null
    let order: Order | undefined
    try {
      ;({ data: order } = await client.GET('/v1/orders/{id}', { params: { path: { id } } }))
    } catch {
      return null // the next event or reload will catch up
    }
    if (!order) return null
    const { status } = this.query
    const matches = status === 'all' || order.status === status
    const summary = toSummary(order)
    if (this.items.some((item) => item.id === id)) {
      this.items = matches
        ? this.items.map((item) => (item.id === id ? summary : item))
        : this.items.filter((item) => item.id !== id)
    } else if (matches) {
      this.items = [summary, ...this.items]
    } else return null
    this.state = this.items.length ? 'ready' : 'empty'
    this.host.requestUpdate()
    return summary
  }

  protected fetchPage(
    client: PortalClient,
    { status, pageSize }: Readonly<OrderListQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/orders', {
      params: {
        query: {
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
          ...(status !== 'all' ? { status } : {}),
        },
      },
      signal,
    })
  }
}

/** The summary fields of a full order: what a list row holds. */
function toSummary(order: Order): OrderSummary {
  const {
    lines: _lines,
    timeline: _timeline,
    shipments: _shipments,
    deliveryAddress: _address,
    note: _note,
    statusReason: _reason,
    ...summary
  } = order
  return summary
}
