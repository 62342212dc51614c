import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { invoiceStatusBadge, invoiceStatusStyles } from '../invoices/invoice-status.js'
import { LiveEventsController } from '../live/live-events.controller.js'
import type { InvoiceSummary, Payment, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import type { RequestError } from '../request-error.js'
import { bannerStyles, baseStyles, fieldStyles } from '../theme/base.styles.js'
import { alertIcon, boxIcon, checkIcon, crossIcon, icon, lockIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import { PayInvoicesController, type AmountProblem } from './pay-invoices.controller.js'
import {
  redirectToPayment,
  type PaymentRedirectDetail,
  type PaymentRedirectEvent,
} from '../payments/payment-redirect.js'
import { payInvoicesCatalogue, type PayInvoicesMessages } from './pay-invoices.messages.js'
import { payInvoicesStyles } from './pay-invoices.styles.js'

type Messages = SharedMessages & PayInvoicesMessages

export type { PaymentRedirectDetail, PaymentRedirectEvent }

/** `detail` of `portico-payment-complete`. */
export interface PaymentCompleteDetail {
  payment: Payment
}

export type PaymentCompleteEvent = CustomEvent<PaymentCompleteDetail>

/** `inv_a,inv_b` ⇄ `['inv_a', 'inv_b']`. */
const idList = {
  fromAttribute: (value: string | null) =>
    (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  toAttribute: (value: string[]) => value.join(','),
}

/** The return URL by default: this page, without what the provider added last time. */
function currentPage(): string {
  const url = new URL(globalThis.location.href)
  url.searchParams.delete('payment')
  url.searchParams.delete('status')
  url.hash = ''
  return url.href
}

/**
 * @summary Pays one or several open invoices online: pick the invoices,
 * keep or lower each amount (never above the balance, one currency), confirm
 * the total, go to the payment provider's page — and, back from it, see the
 * outcome the provider reported to the API.
 *
 * Gets its API client and locale from a surrounding `<portico-provider>`, or
 * from its own `client` property and `locale` attribute. The credential needs
 * `invoices:read` and `payments:write` (accounts payable, admins);
 * `events:read` to learn the outcome as it arrives rather than by polling.
 * The data logic is `PayInvoicesController`, exported for building another
 * UI on it.
 *
 * Nothing is paid twice: a confirmation carries one `Idempotency-Key`, reused
 * by every retry of it. Back from the provider (the page has `payment-id`,
 * e.g. from the `payment` query parameter the provider adds to the return
 * URL), the outcome shown is what `GET /v1/payments/{id}` says — the
 * provider's signed webhook — never the return URL's `status`.
 *
 * @fires {PaymentRedirectEvent} portico-payment-redirect - The payment is open: unless a listener
 *   calls `preventDefault()`, the page goes to the provider (`detail.url`). `detail: { payment,
 *   url }`. Bubbles, crosses shadow roots, cancelable.
 * @fires {PaymentCompleteEvent} portico-payment-complete - A followed payment reached its outcome
 *   (succeeded, failed, cancelled or expired). `detail: { payment }`. Bubbles, crosses shadow roots.
 *
 * @slot done - Shown under a succeeded payment (e.g. a link back to the invoices).
 *
 * @csspart base - The outer frame.
 * @csspart title - The heading.
 * @csspart invoices - The `<table>` of open invoices.
 * @csspart checkbox - Each invoice's checkbox.
 * @csspart amount-input - Each selected invoice's amount field.
 * @csspart field-error - The message under an amount the API would refuse.
 * @csspart review-button - "Review payment".
 * @csspart confirmation - The confirmation step.
 * @csspart pay-button - "Pay …" on the confirmation step.
 * @csspart change-button - "Change" on the confirmation step.
 * @csspart banner - Why the payment could not be opened.
 * @csspart outcome - The processing and final states.
 * @csspart try-again - "Try again" after a declined, cancelled or expired payment.
 * @csspart error - The empty, error, unauthorized, forbidden and not-found states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Buttons, checkboxes, the spinner.
 * @cssprop --portico-color-on-primary - Text on a primary background.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - Secondary text.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame, rules, fields.
 * @cssprop --portico-color-danger - Invalid amounts, declined payments, errors.
 * @cssprop --portico-color-success - A payment received.
 * @cssprop --portico-color-warning - Open balances.
 * @cssprop --portico-radius - Corners of the frame, fields and buttons.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Tables, hints.
 * @cssprop --portico-font-size-md - Base size, headings.
 * @cssprop --portico-space-1 - Smallest gaps.
 * @cssprop --portico-space-2 - Cell padding.
 * @cssprop --portico-space-3 - Section gaps.
 * @cssprop --portico-space-4 - Frame padding.
 */
export class PorticoPayInvoices extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    bannerStyles,
    invoiceStatusStyles,
    payInvoicesStyles,
  ]

  /** Invoices to select once loaded, comma-separated (`inv_a,inv_b`). */
  @property({ attribute: 'invoices', converter: idList }) invoiceIds: string[] = []

  /** A payment to follow to its outcome (`pay_…`): the page is back from the provider. */
  @property({ attribute: 'payment-id' }) paymentId?: string

  /**
   * Where the provider sends the customer back to; this page by default. The
   * provider adds `payment` (and `status`, which is not trusted) to it.
   */
  @property({ attribute: 'return-url' }) returnUrl?: string

  /** `on`: learn a payment's outcome from the event stream too; `off`: by polling only. */
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'

  /** Level of the heading (the confirmation's is one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  readonly #localize = new LocalizeController(this, {
    catalogue: payInvoicesCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  /** The data logic; read `state`, `invoices`, `payment` from it. */
  readonly controller = new PayInvoicesController(this, {
    locale: () => this.#localize.locale,
    onOutcome: (payment) => {
      this.dispatchEvent(
        new CustomEvent<PaymentCompleteDetail>('portico-payment-complete', {
          detail: { payment },
          bubbles: true,
          composed: true,
        }),
      )
      void this.#focus('[part~="outcome"] .heading')
    },
  })

  readonly #live = new LiveEventsController(this, {
    types: ['payment.*'],
    onEvent: (event) => this.controller.applyEvent(event),
  })

  /** Amount fields the person has typed in: they show their problem from then on. */
  @state() protected touched = new Set<string>()

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client ?? this.portico?.client
    if (changed.has('invoiceIds') || changed.has('paymentId')) this.touched = new Set()
    void this.controller.configure({
      client,
      invoiceIds: this.invoiceIds,
      paymentId: this.paymentId || undefined,
    })
    this.#live.configure(
      client,
      this.liveUpdates !== 'off' && this.controller.state === 'processing',
    )
  }

  protected override render() {
    const t = this.#localize.messages
    const { state } = this.controller
    const busy = !t || state === 'loading' || state === 'idle'
    return html`
      <div part="base" class="frame base" lang=${this.#localize.locale} aria-busy=${busy}>
        ${t ? this.#renderBody(t) : this.#renderSkeleton()}
      </div>
    `
  }

  #renderBody(t: Messages) {
    const c = this.controller
    switch (c.state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'empty':
        return this.#message(boxIcon, t.noOpenInvoices, false)
      case 'unauthorized':
        return this.#message(lockIcon, t.unauthorized)
      case 'forbidden':
        return this.#message(lockIcon, t.payForbidden)
      case 'not-found':
        return this.#message(boxIcon, t.paymentNotFound, false)
      case 'error':
        return this.#renderError(t, c.error)
      case 'select':
        return this.#renderSelect(t)
      case 'confirm':
      case 'redirecting':
        return this.#renderConfirm(t)
      case 'processing':
        return this.#renderProcessing(t)
      case 'succeeded':
      case 'failed':
      case 'cancelled':
      case 'expired':
        return this.#renderOutcome(t, c.state, c.payment!)
    }
  }

  #title(t: Messages) {
    return html`<div
      part="title"
      role="heading"
      aria-level=${Math.min(Math.max(this.headingLevel, 1), 6)}
      class="heading heading--title"
      tabindex="-1"
    >
      ${t.payTitle}
    </div>`
  }

  #message(paths: TemplateResult<2>, text: string, isError = true) {
    return html`
      <div part="error" class="message ${isError ? 'message--error' : ''}" role="alert">
        ${icon(paths)}
        <p class="message-title" tabindex="-1">${text}</p>
      </div>
    `
  }

  #renderError(t: Messages, error: RequestError | null) {
    const following = Boolean(this.paymentId)
    return html`
      <div part="error" class="message message--error" role="alert">
        ${icon(alertIcon)}
        <p class="message-title" tabindex="-1">
          ${following ? t.paymentLoadError : t.invoicesLoadError}
        </p>
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
  }

  /** The loading placeholder; without `t` while the messages themselves load. */
  #renderSkeleton(t?: Messages) {
    const loading = this.paymentId ? t?.processingTitle : t?.loadingInvoices
    return html`
      <div part="skeleton" class="skeleton">
        ${loading ? html`<span class="sr-only">${loading}</span>` : nothing}
        <div class="skeleton-body" aria-hidden="true">
          ${Array.from({ length: 5 }, () => html`<span class="bone"></span>`)}
        </div>
      </div>
    `
  }

  #money(minor: number, currency: string) {
    return this.#localize.money(minor, currency)
  }

  #problemText(t: Messages, problem: AmountProblem, currency: string): string {
    switch (problem.code) {
      case 'required':
        return t.amountRequired
      case 'invalid':
        return t.amountInvalid(problem.example)
      case 'not-positive':
        return t.amountNotPositive
      case 'too-high':
        return t.amountTooHigh(this.#money(problem.max, currency))
      case 'refused':
        return problem.message
    }
  }

  #renderSelect(t: Messages) {
    const c = this.controller
    const currency = c.currency
    const invalid = c.attempted && (c.selectedCount === 0 || c.allocations.length < c.selectedCount)
    return html`
      <div class="header">
        ${this.#title(t)}
        <p>${t.selectIntro}</p>
      </div>
      <form class="body" novalidate @submit=${this.#onReview}>
        ${this.#renderPayBanner(t)}
        <div class="scroll" role="region" aria-labelledby="invoices-caption" tabindex="0">
          <table part="invoices" class="table">
            <caption id="invoices-caption">
              ${t.openInvoices}
            </caption>
            <thead>
              <tr>
                <th scope="col"><span class="sr-only">${t.columnStatus}</span></th>
                <th scope="col">${t.columnInvoice}</th>
                <th scope="col">${t.columnDueDate}</th>
                <th scope="col" class="num">${t.columnBalance}</th>
                <th scope="col" class="num">${t.columnPayAmount}</th>
              </tr>
            </thead>
            <tbody>
              ${c.invoices.map((invoice) => this.#renderRow(t, invoice))}
            </tbody>
          </table>
        </div>
        <div class="summary">
          <p class="summary-text" role="status" aria-live="polite">
            ${
              c.selectedCount
                ? t.selectedSummary(c.selectedCount, this.#money(c.total, currency!))
                : t.nothingSelected
            }
          </p>
          <button part="review-button" class="button button--primary" type="submit">
            ${t.review}
          </button>
        </div>
        ${
          invalid
            ? html`<p class="field-error" role="alert">
                ${c.selectedCount ? t.fixAmounts : t.nothingSelected}
              </p>`
            : nothing
        }
      </form>
    `
  }

  #renderRow(t: Messages, invoice: InvoiceSummary) {
    const c = this.controller
    const selected = c.isSelected(invoice.id)
    const selectable = c.canSelect(invoice)
    const problem = selected ? c.amountProblem(invoice.id) : null
    const showProblem =
      problem && (c.attempted || this.touched.has(invoice.id) || problem.code === 'refused')
    const allocation = c.allocations.find((a) => a.invoice.id === invoice.id)
    const rest = allocation ? invoice.amountDue - allocation.amount : 0
    const fieldId = `amount-${invoice.id}`
    const describedBy = showProblem ? `${fieldId}-error` : rest > 0 ? `${fieldId}-rest` : undefined
    return html`
      <tr class=${selected ? 'selected' : ''}>
        <td>
          <input
            part="checkbox"
            class="check"
            type="checkbox"
            id="check-${invoice.id}"
            .checked=${selected}
            ?disabled=${!selectable}
            aria-label=${t.selectInvoice(invoice.number)}
            aria-describedby=${selectable ? nothing : `currency-${invoice.id}`}
            @change=${(e: Event) => c.toggle(invoice.id, (e.target as HTMLInputElement).checked)}
          />
        </td>
        <th scope="row">
          <span class="invoice-cell">
            <label for="check-${invoice.id}">${invoice.number}</label>
            ${invoiceStatusBadge(t, invoice.status)}
            ${
              selectable
                ? nothing
                : html`<span class="hint" id="currency-${invoice.id}">${t.otherCurrency}</span>`
            }
          </span>
        </th>
        <td data-label=${t.columnDueDate}>${this.#localize.date(invoice.dueDate)}</td>
        <td class="num" data-label=${t.columnBalance}>
          ${this.#money(invoice.amountDue, invoice.currency)}
        </td>
        <td class="num">
          ${
            selected
              ? html`<div class="amount">
                  <span class="amount-box">
                    <span class="muted" aria-hidden="true">${invoice.currency}</span>
                    <input
                      part="amount-input"
                      class="input"
                      id=${fieldId}
                      type="text"
                      inputmode="decimal"
                      autocomplete="off"
                      aria-label=${`${t.amountFor(invoice.number)} (${invoice.currency})`}
                      aria-invalid=${showProblem ? 'true' : 'false'}
                      aria-describedby=${describedBy ?? nothing}
                      .value=${c.amountText(invoice.id)}
                      @input=${(e: InputEvent) => this.#onAmount(invoice.id, e)}
                      @blur=${() => this.#touch(invoice.id)}
                    />
                  </span>
                  ${
                    showProblem
                      ? html`<p part="field-error" class="field-error" id="${fieldId}-error">
                          ${this.#problemText(t, problem, invoice.currency)}
                        </p>`
                      : rest > 0
                        ? html`<p class="hint" id="${fieldId}-rest">
                            ${t.remainsOpen(this.#money(rest, invoice.currency))}
                          </p>`
                        : nothing
                  }
                </div>`
              : nothing
          }
        </td>
      </tr>
    `
  }

  #renderPayBanner(t: Messages) {
    const error = this.controller.payError
    if (!error || this.controller.submitting) return nothing
    const code = error.problem?.code
    const text =
      error.status === 0 || error.status >= 500
        ? error.status === 503
          ? t.paymentsUnavailable
          : t.payRetry
        : error.status === 409
          ? t.payInProgress
          : code === 'amount_exceeds_balance'
            ? t.balanceChanged
            : code === 'invoice_not_payable' || error.status === 404
              ? t.notPayable
              : code === 'mixed_currencies'
                ? t.mixedCurrencies
                : t.payFailed
    // The API's own words, when they add something (e.g. which invoice), below ours.
    const detail = error.problem?.detail
    return html`<div part="banner" class="banner banner--danger" role="alert">
      <p><strong>${text}</strong></p>
      ${detail && detail !== text && error.status < 500 ? html`<p>${detail}</p>` : nothing}
      ${
        error.problem?.requestId
          ? html`<p class="reference">${t.errorReference(error.problem.requestId)}</p>`
          : nothing
      }
    </div>`
  }

  #renderAllocations(
    list: Array<{ number: string; amount: number }>,
    currency: string,
    label: string,
  ) {
    return html`<ul class="allocations" aria-label=${label}>
      ${list.map(
        (line) =>
          html`<li>
            <span>${line.number}</span
            ><span class="num">${this.#money(line.amount, currency)}</span>
          </li>`,
      )}
    </ul>`
  }

  #renderConfirm(t: Messages) {
    const c = this.controller
    const currency = c.currency!
    const total = this.#money(c.total, currency)
    const redirecting = c.state === 'redirecting'
    const busy = c.submitting || redirecting
    return html`
      <div class="header">${this.#title(t)}</div>
      <section part="confirmation" class="body" aria-labelledby="confirm-heading">
        <div
          id="confirm-heading"
          role="heading"
          aria-level=${Math.min(this.headingLevel + 1, 6)}
          class="heading heading--section"
          tabindex="-1"
        >
          ${t.confirmTitle}
        </div>
        ${this.#renderPayBanner(t)}
        ${this.#renderAllocations(
          c.allocations.map((a) => ({ number: a.invoice.number, amount: a.amount })),
          currency,
          t.paidInvoices,
        )}
        <p class="total-row"><span>${t.totalToPay}</span><span class="num">${total}</span></p>
        <p class="hint">${t.confirmText}</p>
        <div class="actions">
          <button
            part="pay-button"
            class="button button--primary"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
            @click=${this.#onPay}
          >
            ${redirecting ? t.redirecting : c.submitting ? t.submitting : t.payNow(total)}
          </button>
          <button
            part="change-button"
            class="button"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${this.#onBack}
          >
            ${t.change}
          </button>
        </div>
        <p class="sr-only" role="status" aria-live="polite">
          ${redirecting ? t.redirecting : c.submitting ? t.submitting : ''}
        </p>
      </section>
    `
  }

  #renderProcessing(t: Messages) {
    const payment = this.controller.payment
    return html`
      <div class="header">${this.#title(t)}</div>
      <div part="outcome" class="outcome outcome--processing" role="status" aria-live="polite">
        <span class="spinner" aria-hidden="true"></span>
        <div
          class="heading heading--section"
          role="heading"
          aria-level=${Math.min(this.headingLevel + 1, 6)}
          tabindex="-1"
        >
          ${t.processingTitle}
        </div>
        <p>${t.processingText}</p>
        ${payment ? html`<p class="reference">${t.paymentReference(payment.id)}</p>` : nothing}
      </div>
    `
  }

  #renderOutcome(
    t: Messages,
    outcome: 'succeeded' | 'failed' | 'cancelled' | 'expired',
    payment: Payment,
  ) {
    const total = this.#money(payment.amount, payment.currency)
    const [paths, title, text] = {
      succeeded: [checkIcon, t.succeededTitle, t.succeededText(total)],
      failed: [crossIcon, t.failedTitle, t.failedText],
      cancelled: [alertIcon, t.cancelledTitle, t.cancelledText],
      expired: [alertIcon, t.expiredTitle, t.expiredText],
    }[outcome] as [TemplateResult<2>, string, string]
    return html`
      <div class="header">${this.#title(t)}</div>
      <div
        part="outcome outcome-${outcome}"
        class="outcome outcome--${outcome}"
        role=${outcome === 'succeeded' ? 'status' : 'alert'}
      >
        ${icon(paths)}
        <div
          class="heading heading--section"
          role="heading"
          aria-level=${Math.min(this.headingLevel + 1, 6)}
          tabindex="-1"
        >
          ${title}
        </div>
        <p>${text}</p>
        ${this.#renderAllocations(
          payment.allocations.map((a) => ({ number: a.invoiceNumber, amount: a.amount })),
          payment.currency,
          t.paidInvoices,
        )}
        <p class="reference">${t.paymentReference(payment.id)}</p>
        ${
          outcome === 'succeeded'
            ? html`<slot name="done"></slot>`
            : html`<button
                part="try-again"
                class="button button--primary"
                type="button"
                @click=${this.#onTryAgain}
              >
                ${t.tryAgain}
              </button>`
        }
      </div>
    `
  }

  #onAmount(invoiceId: string, event: InputEvent) {
    this.controller.setAmount(invoiceId, (event.target as HTMLInputElement).value)
  }

  #touch(invoiceId: string) {
    // A field removed as the step changes blurs too, in the middle of that render.
    if (this.touched.has(invoiceId) || this.controller.state !== 'select') return
    this.touched = new Set([...this.touched, invoiceId])
  }

  async #onReview(event: SubmitEvent) {
    event.preventDefault()
    if (this.controller.review()) {
      await this.#focus('#confirm-heading')
    } else {
      // The first field the person has to correct; with nothing selected, the first checkbox.
      await this.updateComplete
      const invalid = this.renderRoot.querySelector<HTMLElement>(
        '[part~="amount-input"][aria-invalid="true"]',
      )
      ;(invalid ?? this.renderRoot.querySelector<HTMLElement>('[part~="checkbox"]'))?.focus()
    }
  }

  async #onBack() {
    if (this.controller.submitting || this.controller.state !== 'confirm') return
    this.controller.back()
    await this.#focus('[part~="review-button"]')
  }

  async #onPay() {
    const payment = await this.controller.pay(this.returnUrl || currentPage())
    if (!payment) {
      const state: string = this.controller.state
      await this.#focus(state === 'select' ? '[part~="banner"]' : '[part~="pay-button"]')
      return
    }
    const url = payment.redirectUrl
    if (!url) return
    redirectToPayment(this, payment, url)
  }

  async #onTryAgain() {
    // What the page came back with is done with: a new payment starts from the selection.
    const ids = this.controller.payment?.allocations.map((a) => a.invoiceId) ?? []
    const again = this.controller.tryAgain()
    this.paymentId = undefined
    this.invoiceIds = ids
    await again
    await this.#focus('[part~="title"]')
  }

  async #focus(selector: string) {
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus()
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-payment-redirect': PaymentRedirectEvent
    'portico-payment-complete': PaymentCompleteEvent
  }
}
