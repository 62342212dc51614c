import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import { orderStatusBadge, orderStatusLabel, orderStatusStyles } from '../orders/order-status.js'
import type { OrderSummary, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles } from '../theme/base.styles.js'
import { icon, icons } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  OrderListController,
  orderStatusFilters,
  type OrderStatusFilter,
} from './order-list.controller.js'
import { orderListStyles } from './order-list.styles.js'
import { orderListCatalogue, type OrderListMessages } from './order-list.messages.js'

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
  static override styles = [tokenStyles, baseStyles, orderStatusStyles, orderListStyles]

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
        this.#announce(t.orderNowStatus(order.number, orderStatusLabel(t, order.status)))
      }
    },
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: orderListCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  /** Whether live updates are arriving: `off`, `connecting` or `live`. */
  get liveState(): LiveState {
    return this.#live.state
  }

  /** Text of the polite live region. */
  @state() protected announcement = ''

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('online', this.#onOnline)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('online', this.#onOnline)
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const status = orderStatusFilters.includes(this.status) ? this.status : 'all'
    const pageSize = Number.isInteger(this.pageSize)
      ? Math.min(Math.max(this.pageSize, 1), 100)
      : 20
    const client = this.client ?? this.portico?.client
    void this.controller.configure({ client, status, pageSize })
    this.#live.configure(client, this.liveUpdates !== 'off')
  }

  protected override render() {
    const t = this.#localize.messages
    const { state } = this.controller
    const busy = !t || state === 'loading' || state === 'idle'
    return html`
      <div part="base" class="frame base" lang=${this.#localize.locale} aria-busy=${busy}>
        <div part="toolbar" class="toolbar">
          <slot name="header"></slot>
          ${t ? this.#renderFilter(t) : nothing}
        </div>
        ${t ? this.#renderBody(t) : this.#renderSkeleton()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `
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

  #renderBody(t: Messages) {
    const { state, error } = this.controller
    switch (state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'empty':
        return html`
          <div part="empty" class="message">
            <slot name="empty">
              ${icon(icons.box)}
              <p>
                ${this.controller.query.status === 'all' ? t.ordersEmpty : t.ordersEmptyFiltered}
              </p>
            </slot>
          </div>
        `
      case 'error':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(icons.alert)}
            <p class="message-title">${this.#isOffline ? t.ordersOffline : t.ordersLoadError}</p>
            ${
              error?.problem?.requestId
                ? html`<p class="reference">${t.errorReference(error.problem.requestId)}</p>`
                : nothing
            }
            <button
              part="retry"
              class="button button--primary"
              type="button"
              @click=${this.#onRetry}
            >
              ${t.retry}
            </button>
          </div>
        `
      case 'unauthorized':
      case 'forbidden':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(icons.lock)}
            <p class="message-title">
              ${state === 'unauthorized' ? t.unauthorized : t.ordersForbidden}
            </p>
          </div>
        `
      case 'ready':
        return this.#renderTable(t)
    }
  }

  /** The last load failed without an answer while the browser reports no network. */
  get #isOffline(): boolean {
    return this.controller.error?.status === 0 && navigator.onLine === false
  }

  /** The loading placeholder; without `t` while the messages themselves load. */
  #renderSkeleton(t?: Messages) {
    const rows = Math.min(this.controller.query.pageSize, 6)
    return html`
      <div part="skeleton" class="skeleton">
        ${t ? html`<span class="sr-only">${t.loadingOrders}</span>` : nothing}
        ${Array.from(
          { length: rows + 1 },
          () => html`
            <div class="skeleton-row" aria-hidden="true">
              <span class="bone"></span><span class="bone"></span><span class="bone"></span>
              <span class="bone"></span><span class="bone"></span><span class="bone"></span>
            </div>
          `,
        )}
      </div>
    `
  }

  #renderTable(t: Messages) {
    const { items, loadingMore, loadMoreError, hasMore } = this.controller
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
          <tbody role="rowgroup" @click=${this.#onRowClick} @keydown=${this.#onRowKeydown}>
            ${items.map(
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
      <div part="footer" class="footer">
        <span>${t.ordersShown(items.length)}</span>
        ${
          loadMoreError
            ? html`<span class="field-error" role="alert">${t.ordersLoadError}</span>`
            : nothing
        }
        ${
          hasMore
            ? html`
                <button
                  part="load-more"
                  class="button"
                  type="button"
                  aria-disabled=${loadingMore}
                  @click=${this.#onLoadMore}
                >
                  ${loadingMore ? t.loadingMore : t.loadMore}
                </button>
              `
            : nothing
        }
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
    const { state, items, query } = this.controller
    if (query.status !== status) return // superseded by a newer choice
    const t = this.#localize.messages
    if (t && (state === 'ready' || state === 'empty')) this.#announce(t.ordersShown(items.length))
  }

  async #onLoadMore(event: Event) {
    if (this.controller.loadingMore) return
    const button = event.currentTarget as HTMLElement
    const firstNew = this.controller.items.length
    const added = await this.controller.loadMore()
    if (!added) return
    const t = this.#localize.messages
    if (t) this.#announce(t.loadedMoreOrders(added))
    await this.updateComplete
    // The button disappears with the last page; keep focus in the table.
    if (!button.isConnected || !this.controller.hasMore) this.#numberButton(firstNew)?.focus()
  }

  /** Back online: try again what failed for want of a network. */
  readonly #onOnline = () => {
    const { state, error, loadMoreError } = this.controller
    if ((state === 'error' && error?.status === 0) || loadMoreError?.status === 0) {
      void this.controller.retry()
    }
  }

  #onRetry() {
    void this.controller.retry()
  }

  #onRowClick(event: MouseEvent) {
    const row = (event.target as Element).closest('tr[data-index]')
    const order = row && this.controller.items[Number(row.getAttribute('data-index'))]
    if (!order) return
    this.dispatchEvent(
      new CustomEvent<OrderSelectDetail>('portico-order-select', {
        detail: { order },
        bubbles: true,
        composed: true,
      }),
    )
  }

  /** Arrow keys move between order numbers, like a list; Tab still leaves the table. */
  #onRowKeydown(event: KeyboardEvent) {
    const keys: Record<string, (index: number, last: number) => number> = {
      ArrowDown: (i, last) => Math.min(i + 1, last),
      ArrowUp: (i) => Math.max(i - 1, 0),
      Home: () => 0,
      End: (_, last) => last,
    }
    const move = keys[event.key]
    const row = (event.target as Element).closest('tr[data-index]')
    if (!move || !row) return
    event.preventDefault()
    const next = move(Number(row.getAttribute('data-index')), this.controller.items.length - 1)
    this.#numberButton(next)?.focus()
  }

  #numberButton(index: number): HTMLButtonElement | null | undefined {
    return this.renderRoot.querySelector<HTMLButtonElement>(
      `tr[data-index="${index}"] button.number`,
    )
  }

  #announce(text: string) {
    // A live region only speaks when its text changes: alternate a trailing
    // invisible character so the same sentence twice is still announced.
    this.announcement = this.announcement.endsWith('\u200b') ? text : `${text}\u200b`
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-order-select': OrderSelectEvent
    'portico-order-filter-change': OrderFilterChangeEvent
  }
}
