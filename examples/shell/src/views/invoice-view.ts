import {
  createFormatters,
  invoiceStatusLabel,
  LocalizeController,
  sharedCatalogue,
} from '@portico/elements'
import { PortalApiError, unwrap, type PortalClient, type Schemas } from '@portico/sdk'
import { html, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { navigate } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { renderNotFound } from './not-found-view.js'
import { ShellView } from './shell-view.js'
import './invoice-view.css'

type Invoice = Schemas['Invoice']

type Load =
  | { state: 'loading' }
  | { state: 'ready'; invoice: Invoice }
  | { state: 'not-found' }
  | { state: 'error'; error: PortalApiError }

/** One invoice, `/invoices/{id}`: header facts, lines, totals — `GET /v1/invoices/{id}`. */
export class InvoiceView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  @property() invoiceId = ''

  @state() protected load: Load = { state: 'loading' }

  /** The elements' words for invoice statuses, so the list and this page agree. */
  readonly #elements = new LocalizeController(this, {
    catalogue: sharedCatalogue,
    locale: () => this.language,
  })

  #abort: AbortController | undefined

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('invoiceId') || changed.has('client')) void this.#fetch()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#abort?.abort()
  }

  async #fetch() {
    if (!this.client || !this.invoiceId) return
    this.#abort?.abort()
    const abort = (this.#abort = new AbortController())
    this.load = { state: 'loading' }
    try {
      const invoice = await unwrap(
        this.client.GET('/v1/invoices/{id}', {
          params: { path: { id: this.invoiceId } },
          signal: abort.signal,
        }),
      )
      this.load = { state: 'ready', invoice }
    } catch (error) {
      if (abort.signal.aborted) return
      if (!(error instanceof PortalApiError)) throw error
      // A malformed id is as missing as an unknown one to the person reading.
      this.load =
        error.status === 404 || error.status === 400
          ? { state: 'not-found' }
          : { state: 'error', error }
    }
  }

  override get pageTitle(): string {
    const t = this.t
    if (this.load.state === 'ready') return t.invoiceTitle(this.load.invoice.number)
    if (this.load.state === 'not-found') return t.notFoundTitle
    return t.invoicesTitle
  }

  protected override render() {
    const t = this.t
    const load = this.load
    if (load.state === 'not-found') return renderNotFound(t, t.invoiceNotFoundText)
    const elements = this.#elements.messages
    // One heading element through loading, error and ready, so focus stays on it.
    const title =
      load.state === 'ready'
        ? t.invoiceTitle(load.invoice.number)
        : load.state === 'loading'
          ? t.invoiceLoading
          : t.invoiceLoadError
    return html`
      <p class="back">
        <a href="/" @click=${this.#onBack}><span aria-hidden="true">←</span> ${t.backToInvoices}</a>
      </p>
      <div class="invoice-head">
        <h1 tabindex="-1">${title}</h1>
        ${
          load.state === 'ready' && elements
            ? html`<span class="badge badge--${load.invoice.status}"
                >${invoiceStatusLabel(elements, load.invoice.status)}</span
              >`
            : nothing
        }
      </div>
      ${
        load.state === 'ready'
          ? this.#renderInvoice(load.invoice)
          : load.state === 'error'
            ? html`<div class="alert invoice-error" role="alert">
                <p>${load.error.status === 0 ? t.networkError : load.error.message}</p>
                ${
                  load.error.requestId
                    ? html`<p class="reference">${t.errorReference(load.error.requestId)}</p>`
                    : nothing
                }
                <p>
                  <button class="button" type="button" @click=${() => this.#fetch()}>
                    ${t.retry}
                  </button>
                </p>
              </div>`
            : html`<div class="invoice-skeleton" aria-hidden="true">
                <span></span><span></span><span></span>
              </div>`
      }
    `
  }

  #renderInvoice(invoice: Invoice) {
    const t = this.t
    const format = createFormatters(this.language)
    const money = (minor: number) => format.money(minor, invoice.currency)
    const number = new Intl.NumberFormat(this.language)
    const percent = new Intl.NumberFormat(this.language, {
      style: 'percent',
      maximumFractionDigits: 2,
    })
    return html`
      <dl class="invoice-facts">
        <div>
          <dt>${t.issueDate}</dt>
          <dd>${format.date(invoice.issueDate)}</dd>
        </div>
        <div>
          <dt>${t.dueDate}</dt>
          <dd>${format.date(invoice.dueDate)}</dd>
        </div>
        ${
          invoice.poNumber
            ? html`<div>
                <dt>${t.poNumber}</dt>
                <dd>${invoice.poNumber}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${t.amountDue}</dt>
          <dd class="invoice-due">${money(invoice.amountDue)}</dd>
        </div>
      </dl>

      <section class="invoice-card" aria-labelledby="lines-heading">
        <h2 id="lines-heading">${t.lines}</h2>
        <div class="table-scroll" role="region" aria-labelledby="lines-heading" tabindex="0">
          <table class="lines">
            <thead>
              <tr>
                <th scope="col">${t.description}</th>
                <th scope="col">${t.sku}</th>
                <th scope="col" class="num">${t.quantity}</th>
                <th scope="col" class="num">${t.unitPrice}</th>
                <th scope="col" class="num">${t.taxRate}</th>
                <th scope="col" class="num">${t.amount}</th>
              </tr>
            </thead>
            <tbody>
              ${invoice.lines.map(
                (line) => html`
                  <tr>
                    <td class="description">${line.description}</td>
                    <td class="sku" data-label=${t.sku}>${line.sku ?? '—'}</td>
                    <td class="num" data-label=${t.quantity}>${number.format(line.quantity)}</td>
                    <td class="num" data-label=${t.unitPrice}>${money(line.unitPrice)}</td>
                    <td class="num" data-label=${t.taxRate}>
                      ${percent.format(line.taxRate / 10_000)}
                    </td>
                    <td class="num" data-label=${t.amount}>${money(line.amount)}</td>
                  </tr>
                `,
              )}
            </tbody>
          </table>
        </div>
        <dl class="totals">
          <div>
            <dt>${t.subtotal}</dt>
            <dd>${money(invoice.subtotal)}</dd>
          </div>
          <div>
            <dt>${t.tax}</dt>
            <dd>${money(invoice.taxTotal)}</dd>
          </div>
          <div class="totals-total">
            <dt>${t.total}</dt>
            <dd>${money(invoice.total)}</dd>
          </div>
          <div>
            <dt>${t.paid}</dt>
            <dd>${money(invoice.amountPaid)}</dd>
          </div>
          <div class="totals-due">
            <dt>${t.amountDue}</dt>
            <dd>${money(invoice.amountDue)}</dd>
          </div>
        </dl>
      </section>
    `
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
