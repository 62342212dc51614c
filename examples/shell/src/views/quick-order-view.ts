import type { OrderSelectEvent } from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate } from '../router.js'
import { ShellView } from './shell-view.js'
import './orders.css'

/**
 * Ordering, `/order`: `<portico-quick-order>` on the shell's client. "View
 * order" after placing opens the new order's tracker.
 */
export class QuickOrderView extends ShellView {
  @property({ attribute: false }) client?: PortalClient

  override get pageTitle() {
    return this.t.quickOrderTitle
  }

  protected override render() {
    return html`
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-quick-order page-size="20" @portico-order-select=${this.#onSelect}>
          <h1 slot="header" tabindex="-1">${this.t.quickOrderTitle}</h1>
        </portico-quick-order>
      </portico-provider>
    `
  }

  #onSelect(event: OrderSelectEvent) {
    navigate(`/orders/${encodeURIComponent(event.detail.order.id)}`)
  }
}

customElements.define('shell-quick-order-view', QuickOrderView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-quick-order-view': QuickOrderView
  }
}
