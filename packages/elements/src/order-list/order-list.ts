import { consume } from '@lit/context'
import { html, LitElement, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import { cursorListStyles } from '../list/cursor-list.styles.js'
import { CursorListView } from '../list/cursor-list.view.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import { orderStatusBadge, orderStatusLabel, orderStatusStyles } from '../orders/order-status.js'
import type { OrderSummary, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles, fieldStyles } from '../theme/base.styles.js'
import { boxIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  OrderListController,
  orderStatusFilters,
  type OrderStatusFilter,
} from './order-list.controller.js'
import { orderListCatalogue, type OrderListMessages } from './order-list.messages.js'
import { orderListStyles } from './order-list.styles.js'

type Messages = SharedMessages & OrderListMessages

/** `detail` of the `portico-order-select` event. */
export interface OrderSelectDetail {
  order: OrderSummary
}

/** `detail` of the `portico-order-filter-change` event. */
export interface OrderFilterChangeDetail {
  status: OrderStatusFilter
}

export type OrderSelectEvent = CustomEvent<OrderSelectDetail>
export type OrderFilterChangeEvent = CustomEvent<OrderFilterChangeDetail>

/**
 * @summary The signed-in customer's orders: a status filter, a paginated
 * table that stays current as orders move, and every loading, empty and
 * failure state designed.
 *
 * Gets its API client and locale from a surrounding `<portico-provider>`, or
 * from its own `client` property and `locale` attribute. The credential needs
 * `orders:read` (and `events:read` for live updates). The data logic is
 * `OrderListController`, exported for building another UI on it.
 *
 * @fires {OrderSelectEvent} portico-order-select - A row was activated (click, or Enter/Space on
 *   its order number). `detail: { order }`. Bubbles and crosses shadow roots.
 * @fires {OrderFilterChangeEvent} portico-order-filter-change - The person changed the status
 *   filter. `detail: { status }`. Bubbles and crosses shadow roots.
 *
 * @slot header - A heading shown left of the filter, e.g. `<h2 slot="header">Orders</h2>`.
 * @slot empty - Replaces the message shown when there are no orders to list.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The bar holding the header slot and the filter.
 * @csspart filter - The status filter (a `<select>`).
 * @csspart table - The `<table>`.
 * @csspart row - Each order row.
 * @csspart order-number - The order number button that selects a row.
 * @csspart status-badge - Each status badge; also `status-badge-<status>` (`status-badge-shipped`, …).
 * @csspart amount - Each total.
 * @csspart footer - The bar under the table with the row count and load more.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error, unauthorized and forbidden states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Links, buttons, confirmed and in-production badges.
 * @cssprop --portico-color-on-primary - Text on a primary background.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - Secondary text: headers, dates, counts, placed badges.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame and row rules.
 * @cssprop --portico-color-danger - Rejected badges, errors.
 * @cssprop --portico-color-success - Delivered badges.
 * @cssprop --portico-color-warning - Shipped and partially shipped badges.
 * @cssprop --portico-radius - Corner radius of the frame, buttons and filter.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Table, buttons, badges.
 * @cssprop --portico-font-size-md - Base size and header.
 * @cssprop --portico-space-1 - Smallest gap (badge).
 * @cssprop --portico-space-2 - Cell padding (block).
 * @cssprop --portico-space-3 - Toolbar and footer padding.
 * @cssprop --portico-space-4 - Cell padding (inline), frame padding.
 */
export class PorticoOrderList extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    cursorListStyles(40),
    orderStatusStyles,
    orderListStyles,
  ]

  /** Show only orders with this status; `all` shows every status. */
  @property({ reflect: true }) status: OrderStatusFilter = 'all'

  /** Rows loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20

  /** `on`: rows follow the account's order events as they happen; `off`: only on reload. */
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `items`, `nextCursor` from it. */
  readonly controller = new OrderListController(this)

  readonly #live = new LiveEventsController(this, {
    types: ['order.*'],
    onEvent: async (event) => {
      const before = this.controller.items.find((order) => order.id === event.subjectId)
      const order = await this.controller.applyEvent(event)
      const t = this.#localize.messages
      if (t && order && before && before.status !== order.status) {
        this.#view.announce(t.orderNowStatus(order.number, orderStatusLabel(t, order.status)))
      }
    },
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: orderListCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  readonly #view = new CursorListView(this, {
    list: this.controller,
    localize: this.#localize,
    emptyIcon: boxIcon,
    filtered: () => this.controller.query.status !== 'all',
    onSelect: (order) =>
      this.dispatchEvent(
        new CustomEvent<OrderSelectDetail>('portico-order-select', {
          detail: { order },
          bubbles: true,
          composed: true,
        }),
      ),
  })

  /** Whether live updates are arriving: `off`, `connecting` or `live`. */
  get liveState(): LiveState {
    return this.#live.state
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const status = orderStatusFilters.includes(this.status) ? this.status : 'all'
    const client = this.client ?? this.portico?.client
    void this.controller.configure({ client, status, pageSize: clampPageSize(this.pageSize) })
    this.#live.configure(client, this.liveUpdates !== 'off')
  }

  protected override render() {
    return this.#view.render({
      toolbar: (t) => this.#renderFilter(t),
      table: (t) => this.#renderTable(t),
    })
  }

  #renderFilter(t: Messages) {
    const current = this.controller.query.status
    return html`
      <div class="filter">
        <label class="label" for="status">${t.statusFilter}</label>
        <select part="filter" id="status" class="input" @change=${this.#onFilterChange}>
          ${orderStatusFilters.map(
            (status) => html`
              <option value=${status} ?selected=${status === current}>
                ${status === 'all' ? t.orderStatusAll : orderStatusLabel(t, status)}
              </option>
            `,
          )}
        </select>
      </div>
    `
  }

  #renderTable(t: Messages) {
    const l = this.#localize
    return html`
      <div class="scroll">
        <table part="table" role="table">
          <caption class="sr-only">
            ${t.orders}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${t.columnOrder}</th>
              <th role="columnheader" scope="col">${t.columnPlaced}</th>
              <th role="columnheader" scope="col">${t.columnStatus}</th>
              <th role="columnheader" scope="col">${t.columnPoNumber}</th>
              <th role="columnheader" scope="col">${t.columnErpNumber}</th>
              <th role="columnheader" scope="col" class="num">${t.columnTotal}</th>
            </tr>
          </thead>
          <tbody role="rowgroup" @click=${this.#view.selectRow} @keydown=${this.#view.moveFocus}>
            ${this.controller.items.map(
              (order, index) => html`
                <tr part="row" role="row" data-index=${index}>
                  <th role="rowheader" scope="row">
                    <button class="number link" part="order-number" type="button">
                      ${order.number}
                    </button>
                  </th>
                  <td role="cell" class="muted cell--placed">${l.instant(order.placedAt)}</td>
                  <td role="cell" class="cell--status">${orderStatusBadge(t, order.status)}</td>
                  <td role="cell" class="cell--po" data-label=${t.columnPoNumber}>
                    ${order.poNumber ?? html`<span class="none" aria-hidden="true">—</span>`}
                  </td>
                  <td role="cell" class="muted cell--erp">
                    ${order.erpOrderNumber ?? html`<span class="none" aria-hidden="true">—</span>`}
                  </td>
                  <td role="cell" part="amount" class="num cell--total">
                    ${l.money(order.total, order.currency)}
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `
  }

  async #onFilterChange(event: Event) {
    const status = (event.target as HTMLSelectElement).value as OrderStatusFilter
    this.status = status
    this.dispatchEvent(
      new CustomEvent<OrderFilterChangeDetail>('portico-order-filter-change', {
        detail: { status },
        bubbles: true,
        composed: true,
      }),
    )
    await this.controller.setStatus(status)
    // Unless a newer choice superseded this one, say how many rows it shows.
    if (this.controller.query.status === status) this.#view.announceShown()
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-order-select': OrderSelectEvent
    'portico-order-filter-change': OrderFilterChangeEvent
  }
}
