import {
  LocalizeController,
  payInvoicesCatalogue,
  type PorticoPayInvoices,
} from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html, nothing } from 'lit'
import { property, query } from 'lit/decorators.js'
import { ShellView } from './shell-view.js'
import './invoice-view.css'

/**
 * Paying invoices, `/pay`: `<portico-pay-invoices>`. `?invoices=a,b`
 * preselects invoices (from an invoice's Pay button); the payment provider
 * sends the customer back to `/pay?payment={id}&status=…`, and the element
 * follows that payment to the outcome the API recorded — the `status` the
 * provider put in the URL is never read.
 */
export class PayView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  /** Invoices to preselect, from `?invoices=`. */
  @property({ attribute: false }) invoiceIds: string[] = []
  /** The payment the provider sent the customer back with, from `?payment=`. */
  @property() paymentId: string | undefined

  @query('portico-pay-invoices') protected pay?: PorticoPayInvoices

  readonly #pay = new LocalizeController(this, {
    catalogue: payInvoicesCatalogue,
    locale: () => this.language,
  })

  override get pageTitle(): string {
    return this.#pay.messages?.payTitle ?? this.t.invoicesTitle
  }

  /** Focus goes to the element's heading once it shows one. */
  override async focusHeading() {
    await this.updateComplete
    const pay = this.pay
    if (!pay) return
    while (['idle', 'loading'].includes(pay.controller.state))
      await new Promise((resolve) => setTimeout(resolve, 50))
    await pay.updateComplete
    pay.shadowRoot?.querySelector<HTMLElement>('[part~="title"], .message-title')?.focus()
  }

  protected override render() {
    return html`
      <p class="back">
        <a href="/"><span aria-hidden="true">←</span> ${this.t.backToInvoices}</a>
      </p>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-pay-invoices
          heading-level="1"
          invoices=${this.invoiceIds.join(',') || nothing}
          payment-id=${this.paymentId ?? nothing}
          return-url=${new URL('/pay', location.origin).href}
        >
          <a slot="done" class="button" href="/">${this.t.backToInvoices}</a>
        </portico-pay-invoices>
      </portico-provider>
    `
  }
}

customElements.define('shell-pay-view', PayView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-pay-view': PayView
  }
}
