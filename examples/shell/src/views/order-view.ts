import {
  LocalizeController,
  orderTrackerCatalogue,
  type OrderLoadEvent,
  type PorticoOrderTracker,
} from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { navigate } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { ShellView } from './shell-view.js'
import './orders.css'
import './billing.css'

/**
 * One order, `/orders/{id}`: `<portico-order-tracker>` — timeline,
 * shipments, lines, cancel — following the order live, and the order's
 * documents (delivery orders, certificates) in `<portico-document-center>`.
 * The tracker's title is the page's `<h1>`.
 */
export class OrderView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  @property() orderId = ''

  /** The order number once loaded, for the document title. */
  @state() protected number: string | undefined

  @query('portico-order-tracker') protected tracker?: PorticoOrderTracker

  /** The tracker's words, so the document title says what its heading says. */
  readonly #tracker = new LocalizeController(this, {
    catalogue: orderTrackerCatalogue,
    locale: () => this.language,
  })

  override get pageTitle() {
    const t = this.#tracker.messages
    return this.number && t ? t.orderTitle(this.number) : this.t.ordersTitle
  }

  /** Focus goes to the order's title once it has loaded (or to what is shown instead). */
  override async focusHeading() {
    await this.updateComplete
    const tracker = this.tracker
    if (!tracker) return
    while (['idle', 'loading'].includes(tracker.controller.state))
      await new Promise((resolve) => setTimeout(resolve, 50))
    await tracker.focusTitle()
  }

  protected override render() {
    return html`
      <p class="back">
        <a href="/orders" @click=${this.#onBack}
          ><span aria-hidden="true">←</span> ${this.t.backToOrders}</a
        >
      </p>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-order-tracker
          order-id=${this.orderId}
          heading-level="1"
          @portico-order-load=${(event: OrderLoadEvent) => (this.number = event.detail.order.number)}
        >
          <a
            slot="actions"
            class="button"
            href=${`/cases/new?${new URLSearchParams({ orderId: this.orderId, category: 'delivery' })}`}
            >${this.t.reportProblem}</a
          >
        </portico-order-tracker>
        <portico-document-center class="order-documents" order-id=${this.orderId} page-size="10">
          <h2 slot="header">${this.t.orderDocuments}</h2>
        </portico-document-center>
      </portico-provider>
    `
  }

  /** Opened from the list: go back, which restores its filter; otherwise go to the list. */
  #onBack(event: MouseEvent) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    if ((history.state as FromListState | null)?.fromList) history.back()
    else navigate('/orders')
  }
}

customElements.define('shell-order-view', OrderView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-order-view': OrderView
  }
}
