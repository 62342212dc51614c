import {
  invoiceDetailCatalogue,
  LocalizeController,
  type InvoiceLoadEvent,
  type InvoicePayEvent,
  type PorticoInvoiceDetail,
} from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { navigate } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { ShellView } from './shell-view.js'
import './invoice-view.css'

/**
 * One invoice, `/invoices/{id}`: `<portico-invoice-detail>` — facts, lines,
 * totals, payment history, documents, live. Its title is the page's `<h1>`;
 * its Pay button leads to `/pay?invoices={id}`.
 */
export class InvoiceView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  @property() invoiceId = ''

  /** The invoice number once loaded, for the document title. */
  @state() protected number: string | undefined

  @query('portico-invoice-detail') protected detail?: PorticoInvoiceDetail

  /** The detail's words, so the document title says what its heading says. */
  readonly #detail = new LocalizeController(this, {
    catalogue: invoiceDetailCatalogue,
    locale: () => this.language,
  })

  override get pageTitle(): string {
    const t = this.#detail.messages
    return this.number && t ? t.invoiceTitle(this.number) : this.t.invoicesTitle
  }

  /** Focus goes to the invoice's title once it has loaded (or to what is shown instead). */
  override async focusHeading() {
    await this.updateComplete
    const detail = this.detail
    if (!detail) return
    while (['idle', 'loading'].includes(detail.controller.state))
      await new Promise((resolve) => setTimeout(resolve, 50))
    await detail.focusTitle()
  }

  protected override render() {
    return html`
      <p class="back">
        <a href="/" @click=${this.#onBack}
          ><span aria-hidden="true">←</span> ${this.t.backToInvoices}</a
        >
      </p>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-invoice-detail
          invoice-id=${this.invoiceId}
          heading-level="1"
          @portico-invoice-load=${(event: InvoiceLoadEvent) =>
            (this.number = event.detail.invoice.number)}
          @portico-invoice-pay=${this.#onPay}
        >
          <a
            slot="actions"
            class="button"
            href=${`/cases/new?${new URLSearchParams({ invoiceId: this.invoiceId, category: 'billing' })}`}
            >${this.t.reportProblem}</a
          >
        </portico-invoice-detail>
      </portico-provider>
    `
  }

  #onPay(event: InvoicePayEvent) {
    navigate(`/pay?invoices=${encodeURIComponent(event.detail.invoice.id)}`)
  }

  /** Opened from the list: go back, which restores its filter; otherwise go to the list. */
  #onBack(event: MouseEvent) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    if ((history.state as FromListState | null)?.fromList) history.back()
    else navigate('/')
  }
}

customElements.define('shell-invoice-view', InvoiceView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-invoice-view': InvoiceView
  }
}
