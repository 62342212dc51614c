import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import {
  invoiceStatusBadge,
  invoiceStatusLabel,
  invoiceStatusStyles,
} from '../invoices/invoice-status.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import { redirectToPayment } from '../payments/payment-redirect.js'
import { paymentStatusBadge, paymentStatusStyles } from '../payments/payment-status.js'
import type { Invoice, Payment, PortalClient, PortalDocument } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { bannerStyles, baseStyles } from '../theme/base.styles.js'
import { alertIcon, boxIcon, documentIcon, icon, lockIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import { InvoiceDetailController, type InvoiceSection } from './invoice-detail.controller.js'
import { invoiceDetailCatalogue, type InvoiceDetailMessages } from './invoice-detail.messages.js'
import { invoiceDetailStyles } from './invoice-detail.styles.js'

type Messages = SharedMessages & InvoiceDetailMessages

/** `detail` of `portico-invoice-load` and `portico-invoice-pay`. */
export interface InvoiceDetail {
  invoice: Invoice
}

/** `detail` of `portico-document-open`. */
export interface DocumentOpenDetail {
  /** The signed, absolute download URL (valid for minutes). */
  url: string
  /** The document, or `null` for the invoice PDF. */
  document: PortalDocument | null
}

export type InvoiceLoadEvent = CustomEvent<InvoiceDetail>
export type InvoicePayEvent = CustomEvent<InvoiceDetail>
export type DocumentOpenEvent = CustomEvent<DocumentOpenDetail>

/**
 * @summary One invoice for the person who pays it: number, status, dates,
 * lines with tax, totals, what is paid and what is due, the payment history,
 * the documents attached (tax invoice, delivery order …) and the invoice as a
 * PDF — updated live as payments come in, with a Pay button while a balance
 * is open.
 *
 * Gets its API client and locale from a surrounding `<portico-provider>`, or
 * from its own `client` property and `locale` attribute. The credential needs
 * `invoices:read`; `payments:read` for the history, `documents:read` for the
 * documents, `events:read` for live updates. The data logic is
 * `InvoiceDetailController`, exported for building another UI on it.
 *
 * @fires {InvoiceLoadEvent} portico-invoice-load - The invoice loaded (first time, or another
 *   `invoice-id`), e.g. to title the page. `detail: { invoice }`. Bubbles and crosses shadow roots.
 * @fires {InvoicePayEvent} portico-invoice-pay - The person pressed "Pay invoice": open the pay
 *   flow (e.g. `<portico-pay-invoices>`) for it. `detail: { invoice }`. Bubbles, crosses shadow roots.
 * @fires {DocumentOpenEvent} portico-document-open - A download link is ready. Unless a listener
 *   calls `preventDefault()`, the page navigates to it (the file downloads; the page stays).
 *   `detail: { url, document }`. Bubbles, crosses shadow roots, cancelable.
 *
 * @slot actions - Extra controls beside the Pay button.
 *
 * @csspart base - The outer frame.
 * @csspart header - Number, status, facts and actions.
 * @csspart title - The invoice number heading.
 * @csspart status-badge - The invoice status badge; also `status-badge-<status>`.
 * @csspart live - The "Live" indicator, shown while updates stream in.
 * @csspart facts - Issue date, due date, PO number, total, paid, balance.
 * @csspart pay-button - "Pay invoice", only while a balance is open.
 * @csspart pdf-button - "Invoice PDF".
 * @csspart lines - The `<table>` of lines with the totals.
 * @csspart payments - The payment history section.
 * @csspart payment-badge - A payment's status badge; also `payment-badge-<status>`.
 * @csspart continue-payment - "Continue payment", beside a payment still open at the provider.
 * @csspart documents - The documents section.
 * @csspart document-button - Each document's download button.
 * @csspart banner - A download that could not start.
 * @csspart error - The not-found, error, unauthorized and forbidden states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Links, buttons.
 * @cssprop --portico-color-on-primary - Text on a primary background.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - Secondary text.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame and rules.
 * @cssprop --portico-color-danger - Overdue, declined payments, errors.
 * @cssprop --portico-color-success - Paid, the "Live" dot.
 * @cssprop --portico-color-warning - Open balances, pending payments.
 * @cssprop --portico-radius - Corners of the frame and buttons.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Facts and tables.
 * @cssprop --portico-font-size-md - Base size, headings.
 * @cssprop --portico-space-1 - Smallest gaps.
 * @cssprop --portico-space-2 - Cell padding.
 * @cssprop --portico-space-3 - Section gaps.
 * @cssprop --portico-space-4 - Frame padding.
 */
export class PorticoInvoiceDetail extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    bannerStyles,
    invoiceStatusStyles,
    paymentStatusStyles,
    invoiceDetailStyles,
  ]

  /** The invoice to show (`inv_…`). */
  @property({ attribute: 'invoice-id' }) invoiceId?: string

  /** `on`: refetch as payments and invoice events happen; `off`: only on reload. */
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'

  /** Level of the invoice number heading (its sections are one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `invoice`, `payments`, `documents` from it. */
  readonly controller = new InvoiceDetailController(this, {
    onLoad: (invoice) => this.#emit('portico-invoice-load', { invoice }),
    onChange: (invoice) => {
      const t = this.#localize.messages
      if (t)
        this.#announce(
          t.invoiceNowStatus(
            invoice.number,
            invoiceStatusLabel(t, invoice.status),
            this.#localize.money(invoice.amountDue, invoice.currency),
          ),
        )
    },
  })

  readonly #live = new LiveEventsController(this, {
    types: ['invoice.*', 'payment.*'],
    onEvent: (event) => this.controller.applyEvent(event),
    // The stream starts "now": catch up on anything between the load and the connection.
    onOpen: () => void this.controller.refresh(),
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: invoiceDetailCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  /** Whether live updates are arriving: `off`, `connecting` or `live`. */
  get liveState(): LiveState {
    return this.#live.state
  }

  /** Text of the polite live region. */
  @state() protected announcement = ''

  /** The download being prepared: a document id, `pdf`, or none. */
  @state() protected preparing: string | null = null

  /** Set when the last download could not start. */
  @state() protected downloadError = false

  /**
   * Moves focus to the invoice's title — or, before it has loaded, to the
   * message shown instead — as a host page does after navigating here.
   */
  async focusTitle(): Promise<void> {
    await this.updateComplete
    this.renderRoot
      .querySelector<HTMLElement>('[part~="title"], [part="error"] .message-title')
      ?.focus()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client ?? this.portico?.client
    if (changed.has('invoiceId')) this.downloadError = false
    void this.controller.configure({ client, invoiceId: this.invoiceId || undefined })
    this.#live.configure(client, this.liveUpdates !== 'off')
  }

  protected override render() {
    const t = this.#localize.messages
    const { state } = this.controller
    const busy = !t || state === 'loading' || state === 'idle'
    return html`
      <div part="base" class="frame base" lang=${this.#localize.locale} aria-busy=${busy}>
        ${t ? this.#renderBody(t) : this.#renderSkeleton()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `
  }

  #renderBody(t: Messages) {
    const { state, invoice, error } = this.controller
    switch (state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'not-found':
        return this.#message(boxIcon, t.invoiceNotFound, false)
      case 'unauthorized':
        return this.#message(lockIcon, t.unauthorized)
      case 'forbidden':
        return this.#message(lockIcon, t.invoiceForbidden)
      case 'error':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(alertIcon)}
            <p class="message-title" tabindex="-1">${t.invoiceLoadError}</p>
            ${
              error?.problem?.requestId
                ? html`<p class="reference">${t.errorReference(error.problem.requestId)}</p>`
                : nothing
            }
            <button
              part="retry"
              class="button button--primary"
              type="button"
              @click=${() => this.controller.reload()}
            >
              ${t.retry}
            </button>
          </div>
        `
      case 'ready':
        return this.#renderInvoice(t, invoice!)
    }
  }

  #message(paths: TemplateResult<2>, text: string, isError = true) {
    return html`
      <div part="error" class="message ${isError ? 'message--error' : ''}" role="alert">
        ${icon(paths)}
        <p class="message-title" tabindex="-1">${text}</p>
      </div>
    `
  }

  /** The loading placeholder; without `t` while the messages themselves load. */
  #renderSkeleton(t?: Messages) {
    return html`
      <div part="skeleton" class="skeleton">
        ${t ? html`<span class="sr-only">${t.loadingInvoice}</span>` : nothing}
        <div class="skeleton-head" aria-hidden="true">
          <span class="bone bone--title"></span>
          <span class="bone"></span><span class="bone"></span><span class="bone"></span>
        </div>
        <div class="skeleton-body" aria-hidden="true">
          ${Array.from({ length: 5 }, () => html`<span class="bone"></span>`)}
        </div>
      </div>
    `
  }

  #heading(level: number, id: string, text: string, part = '') {
    return html`<div
      role="heading"
      aria-level=${Math.min(Math.max(level, 1), 6)}
      id=${id}
      class="heading heading--${level === this.headingLevel ? 'title' : 'section'}"
      part=${part || nothing}
      tabindex=${part === 'title' ? '-1' : nothing}
    >
      ${text}
    </div>`
  }

  #renderInvoice(t: Messages, invoice: Invoice) {
    const l = this.#localize
    const money = (minor: number) => l.money(minor, invoice.currency)
    const finished = invoice.status === 'paid' || invoice.status === 'void'
    const fact = (label: string, value: string | null, className = '') =>
      value
        ? html`<div class=${className}>
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`
        : nothing
    return html`
      <div part="header" class="header">
        <div class="title-row">
          ${this.#heading(this.headingLevel, 'invoice-title', t.invoiceTitle(invoice.number), 'title')}
          ${invoiceStatusBadge(t, invoice.status)}
          ${
            this.#live.state === 'live' && !finished
              ? html`<span part="live" class="live"><span class="live-dot"></span>${t.live}</span>`
              : nothing
          }
          <div class="actions">
            <slot name="actions"></slot>
            <button
              part="pdf-button"
              class="button"
              type="button"
              aria-busy=${this.preparing === 'pdf' ? 'true' : 'false'}
              @click=${() => this.#download(null)}
            >
              ${icon(documentIcon)}
              ${this.preparing === 'pdf' ? t.preparingDownload : t.downloadPdf}
            </button>
            ${
              this.controller.payable
                ? html`<button
                    part="pay-button"
                    class="button button--primary"
                    type="button"
                    @click=${() => this.#emit('portico-invoice-pay', { invoice })}
                  >
                    ${t.payInvoice}
                  </button>`
                : nothing
            }
          </div>
        </div>
        <dl part="facts" class="facts">
          ${fact(t.issueDate, l.date(invoice.issueDate))}
          ${fact(t.dueDate, l.date(invoice.dueDate))} ${fact(t.poNumber, invoice.poNumber)}
          ${fact(t.columnTotal, money(invoice.total))}
          ${fact(t.amountPaid, money(invoice.amountPaid))}
          ${invoice.status === 'void' ? nothing : fact(t.amountDue, money(invoice.amountDue), 'due')}
        </dl>
        ${
          this.downloadError
            ? html`<div part="banner" class="banner banner--danger" role="alert">
                <p>${t.downloadFailed}</p>
              </div>`
            : nothing
        }
      </div>
      <section class="section">
        ${this.#heading(this.headingLevel + 1, 'lines-heading', t.lines)}
        ${this.#renderLines(t, invoice)}
      </section>
      <section part="payments" class="section">
        ${this.#heading(this.headingLevel + 1, 'payments-heading', t.payments)}
        ${this.#renderPayments(t, invoice, this.controller.payments)}
      </section>
      <section part="documents" class="section">
        ${this.#heading(this.headingLevel + 1, 'documents-heading', t.documents)}
        ${this.#renderDocuments(t, this.controller.documents)}
      </section>
    `
  }

  #renderLines(t: Messages, invoice: Invoice) {
    const l = this.#localize
    const money = (minor: number) => l.money(minor, invoice.currency)
    return html`
      <div class="scroll" role="region" aria-labelledby="lines-heading" tabindex="0">
        <table part="lines" class="table">
          <thead>
            <tr>
              <th scope="col">${t.columnDescription}</th>
              <th scope="col" class="num">${t.columnQuantity}</th>
              <th scope="col" class="num">${t.columnUnitPrice}</th>
              <th scope="col" class="num">${t.columnTaxRate}</th>
              <th scope="col" class="num">${t.columnAmount}</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.lines.map(
              (line) => html`
                <tr>
                  <th scope="row">
                    <span class="description">${line.description}</span>
                    ${line.sku ? html`<span class="sku">${line.sku}</span>` : nothing}
                  </th>
                  <td class="num" data-label=${t.columnQuantity}>${l.number(line.quantity)}</td>
                  <td class="num" data-label=${t.columnUnitPrice}>${money(line.unitPrice)}</td>
                  <td class="num" data-label=${t.columnTaxRate}>${l.basisPoints(line.taxRate)}</td>
                  <td class="num" data-label=${t.columnAmount}>${money(line.amount)}</td>
                </tr>
              `,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="4">${t.subtotal}</th>
              <td class="num">${money(invoice.subtotal)}</td>
            </tr>
            <tr>
              <th scope="row" colspan="4">${t.tax}</th>
              <td class="num">${money(invoice.taxTotal)}</td>
            </tr>
            <tr class="total">
              <th scope="row" colspan="4">${t.columnTotal}</th>
              <td class="num">${money(invoice.total)}</td>
            </tr>
            <tr>
              <th scope="row" colspan="4">${t.amountPaid}</th>
              <td class="num">${money(invoice.amountPaid)}</td>
            </tr>
            ${
              invoice.status === 'void'
                ? nothing
                : html`<tr class="due">
                    <th scope="row" colspan="4">${t.amountDue}</th>
                    <td class="num">${money(invoice.amountDue)}</td>
                  </tr>`
            }
          </tfoot>
        </table>
      </div>
    `
  }

  #sectionProblem(state: InvoiceSection<unknown>['state'], forbidden: string, failed: string) {
    if (state === 'loading') return html`<span class="bone" aria-hidden="true"></span>`
    if (state === 'forbidden') return html`<p class="hint muted">${forbidden}</p>`
    return html`<p class="hint muted" role="alert">${failed}</p>`
  }

  #renderPayments(t: Messages, invoice: Invoice, section: InvoiceSection<Payment>) {
    if (section.state !== 'ready')
      return this.#sectionProblem(section.state, t.paymentsForbidden, t.paymentsLoadError)
    if (!section.items.length) return html`<p class="hint muted">${t.noPayments}</p>`
    const l = this.#localize
    return html`
      <div class="scroll" role="region" aria-labelledby="payments-heading" tabindex="0">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">${t.columnDate}</th>
              <th scope="col">${t.columnStatus}</th>
              <th scope="col" class="num">${t.columnPaidOnInvoice}</th>
            </tr>
          </thead>
          <tbody>
            ${section.items.map((payment) => {
              const share = payment.allocations.find((a) => a.invoiceId === invoice.id)?.amount ?? 0
              const several = payment.allocations.length > 1
              return html`<tr>
                <th scope="row">
                  <time datetime=${payment.succeededAt ?? payment.createdAt}
                    >${l.instant(payment.succeededAt ?? payment.createdAt, { time: true })}</time
                  >
                  ${
                    several
                      ? html`<span class="note"
                          >${t.partOfPayment(
                            l.money(payment.amount, payment.currency),
                            payment.allocations.length,
                          )}</span
                        >`
                      : nothing
                  }
                </th>
                <td data-label=${t.columnStatus}>
                  ${paymentStatusBadge(t, payment.status)}
                  ${
                    payment.status === 'pending' && payment.redirectUrl
                      ? html`<a
                          part="continue-payment"
                          class="continue"
                          href=${payment.redirectUrl}
                          @click=${(event: MouseEvent) => this.#onContinue(event, payment)}
                          >${t.continuePayment}<span class="sr-only"
                            >, ${l.money(payment.amount, payment.currency)}</span
                          ></a
                        >`
                      : nothing
                  }
                </td>
                <td class="num" data-label=${t.columnPaidOnInvoice}>
                  ${l.money(share, payment.currency)}
                </td>
              </tr>`
            })}
          </tbody>
        </table>
      </div>
    `
  }

  /**
   * A payment still open at the provider (a checkout left midway) holds its
   * amounts until it expires: the person picks it up where they left it
   * rather than waiting. A modified click opens it the browser's way.
   */
  #onContinue(event: MouseEvent, payment: Payment) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    redirectToPayment(this, payment, payment.redirectUrl!)
  }

  #renderDocuments(t: Messages, section: InvoiceSection<PortalDocument>) {
    if (section.state !== 'ready')
      return this.#sectionProblem(section.state, t.documentsForbidden, t.documentsLoadError)
    if (!section.items.length) return html`<p class="hint muted">${t.noDocuments}</p>`
    const l = this.#localize
    return html`
      <ul class="documents">
        ${section.items.map(
          (document) =>
            html`<li class="document">
              <button
                part="document-button"
                class="link document-name"
                type="button"
                aria-busy=${this.preparing === document.id ? 'true' : 'false'}
                @click=${() => this.#download(document)}
              >
                ${icon(documentIcon)}
                <span
                  >${this.preparing === document.id ? t.preparingDownload : document.title}</span
                >
              </button>
              <span class="document-meta"
                >${t.documentTypes[document.type] ?? t.documentTypes.other} ·
                ${l.date((document.documentDate ?? document.createdAt).slice(0, 10))} ·
                ${document.fileName}</span
              >
            </li>`,
        )}
      </ul>
    `
  }

  /** Asks for a signed link and follows it (unless a listener takes it over). */
  async #download(document: PortalDocument | null) {
    const key = document?.id ?? 'pdf'
    if (this.preparing) return
    this.preparing = key
    this.downloadError = false
    const outcome = document
      ? await this.controller.documentLink(document.id)
      : await this.controller.invoicePdfLink()
    this.preparing = null
    if ('error' in outcome) {
      this.downloadError = true
      return
    }
    const open = new CustomEvent<DocumentOpenDetail>('portico-document-open', {
      detail: { url: outcome.url, document },
      bubbles: true,
      composed: true,
      cancelable: true,
    })
    // The file answers with `Content-Disposition: attachment`: the page stays where it is.
    if (this.dispatchEvent(open)) window.location.assign(outcome.url)
  }

  #emit<K extends 'portico-invoice-load' | 'portico-invoice-pay'>(type: K, detail: InvoiceDetail) {
    this.dispatchEvent(
      new CustomEvent<InvoiceDetail>(type, { detail, bubbles: true, composed: true }),
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
    'portico-invoice-load': InvoiceLoadEvent
    'portico-invoice-pay': InvoicePayEvent
    'portico-document-open': DocumentOpenEvent
  }
}
