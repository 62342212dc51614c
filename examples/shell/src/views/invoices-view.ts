import type { PortalClient } from '@portico/sdk'
import type { InvoiceFilterChangeEvent, InvoiceSelectEvent } from '@portico/elements'
import { html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate, replaceQuery } from '../router.js'
import { ShellView } from './shell-view.js'
import './orders.css'

/** History state of an invoice page opened from the list, so "All invoices" can go back. */
export interface FromListState {
  fromList: true
}

/**
 * The dashboard: `<portico-invoice-list>` inside `<portico-provider>`, on
 * the shell's own client (cookie session, 401 → sign-in). The status filter
 * lives in the URL (`/?status=overdue`), so Back from an invoice restores it.
 */
export class InvoicesView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  /** The status filter from the URL. */
  @property() status: string | undefined
  /** Whether to offer "Pay invoices" (the person's role pays invoices). */
  @property({ attribute: false }) canPay = false

  override get pageTitle() {
    return this.t.invoicesTitle
  }

  protected override render() {
    return html`
      ${
        this.canPay
          ? html`<div class="page-actions">
              <a class="button button--primary" href="/pay">${this.t.payInvoices}</a>
            </div>`
          : nothing
      }
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-invoice-list
          status=${this.status ?? 'all'}
          page-size="20"
          @portico-invoice-select=${this.#onSelect}
          @portico-invoice-filter-change=${this.#onFilterChange}
        >
          <h1 slot="header" tabindex="-1">${this.t.invoicesTitle}</h1>
        </portico-invoice-list>
      </portico-provider>
    `
  }

  #onSelect(event: InvoiceSelectEvent) {
    const { invoice } = event.detail
    navigate(`/invoices/${encodeURIComponent(invoice.id)}`, {
      state: { fromList: true } satisfies FromListState,
    })
  }

  #onFilterChange(event: InvoiceFilterChangeEvent) {
    const { status } = event.detail
    this.status = status
    replaceQuery({ status: status === 'all' ? undefined : status })
  }
}

customElements.define('shell-invoices-view', InvoicesView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-invoices-view': InvoicesView
  }
}
