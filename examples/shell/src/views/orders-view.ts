import type { OrderFilterChangeEvent, OrderSelectEvent } from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate, replaceQuery } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { ShellView } from './shell-view.js'
import './orders.css'

/**
 * The account's orders, `/orders`: `<portico-order-list>`, live. The status
 * filter lives in the URL (`/orders?status=shipped`), so Back from an order
 * restores it; "Quick order" is one click away.
 */
export class OrdersView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  /** The status filter from the URL. */
  @property() status: string | undefined

  override get pageTitle() {
    return this.t.ordersTitle
  }

  protected override render() {
    return html`
      <div class="page-actions">
        <a class="button button--primary" href="/order">${this.t.quickOrderTitle}</a>
      </div>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-order-list
          status=${this.status ?? 'all'}
          page-size="20"
          @portico-order-select=${this.#onSelect}
          @portico-order-filter-change=${this.#onFilterChange}
        >
          <h1 slot="header" tabindex="-1">${this.t.ordersTitle}</h1>
        </portico-order-list>
      </portico-provider>
    `
  }

  #onSelect(event: OrderSelectEvent) {
    navigate(`/orders/${encodeURIComponent(event.detail.order.id)}`, {
      state: { fromList: true } satisfies FromListState,
    })
  }

  #onFilterChange(event: OrderFilterChangeEvent) {
    const { status } = event.detail
    this.status = status
    replaceQuery({ status: status === 'all' ? undefined : status })
  }
}

customElements.define('shell-orders-view', OrdersView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-orders-view': OrdersView
  }
}
