import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import { orderStatusBadge, orderStatusLabel, orderStatusStyles } from '../orders/order-status.js'
import type { Order, OrderStatus, PortalClient, Shipment } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { bannerStyles, baseStyles, fieldStyles } from '../theme/base.styles.js'
import {
  alertIcon,
  boxIcon,
  checkIcon,
  crossIcon,
  icon,
  lockIcon,
  truckIcon,
} from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import { OrderTrackerController } from './order-tracker.controller.js'
import { orderTrackerStyles } from './order-tracker.styles.js'
import { orderTrackerCatalogue, type OrderTrackerMessages } from './order-tracker.messages.js'
import { timelineSteps, type TimelineStep } from './timeline.js'

type Messages = SharedMessages & OrderTrackerMessages

/** `detail` of `portico-order-cancelled`. */
export interface OrderCancelledDetail {
  order: Order
}

/** `detail` of `portico-order-load`. */
export interface OrderLoadDetail {
  order: Order
}

/** `detail` of `portico-order-status-change`. */
export interface OrderStatusChangeDetail {
  order: Order
  previous: OrderStatus
}

export type OrderLoadEvent = CustomEvent<OrderLoadDetail>
export type OrderCancelledEvent = CustomEvent<OrderCancelledDetail>
export type OrderStatusChangeEvent = CustomEvent<OrderStatusChangeDetail>

/**
 * @summary One order as it moves: its facts, a timeline from placed to
 * delivered (partial shipments, cancellation and rejection included), its
 * shipments with tracking, shipped quantities per line — updated live, with
 * a Cancel button while the supplier has not confirmed it.
 *
 * Gets its API client and locale from a surrounding `<portico-provider>`, or
 * from its own `client` property and `locale` attribute. The credential needs
 * `orders:read`; `events:read` for live updates; `orders:write` to cancel.
 * The data logic is `OrderTrackerController`, exported for building another
 * UI on it; `timelineSteps()` folds a timeline into the steps shown.
 *
 * @fires {OrderLoadEvent} portico-order-load - The order loaded (first time, or another
 *   `order-id`), e.g. to title the page. `detail: { order }`. Bubbles and crosses shadow roots.
 * @fires {OrderCancelledEvent} portico-order-cancelled - The person cancelled the order and the API
 *   accepted it. `detail: { order }`. Bubbles and crosses shadow roots.
 * @fires {OrderStatusChangeEvent} portico-order-status-change - A live update found the order in
 *   another status. `detail: { order, previous }`. Bubbles and crosses shadow roots.
 *
 * @slot actions - Extra controls beside Cancel (e.g. a "Report a problem" link).
 *
 * @csspart base - The outer frame.
 * @csspart header - Number, status, facts and actions.
 * @csspart title - The order number heading.
 * @csspart status-badge - The status badge; also `status-badge-<status>`.
 * @csspart live - The "Live" indicator, shown while updates stream in.
 * @csspart facts - The list of facts (placed, PO, supplier number, requested date, total).
 * @csspart cancel-button - "Cancel order".
 * @csspart banner - A refusal to cancel.
 * @csspart timeline - The `<ol>` of steps.
 * @csspart step - Each step; also `step-done`, `step-partial`, `step-upcoming`, `step-stopped`.
 * @csspart shipments - The shipments section.
 * @csspart shipment - Each shipment.
 * @csspart tracking-link - The tracking number link, when the carrier has a tracking page.
 * @csspart lines - The `<table>` of ordered items.
 * @csspart dialog - The cancel confirmation `<dialog>`.
 * @csspart error - The not-found, error, unauthorized and forbidden states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Links, buttons, reached steps.
 * @cssprop --portico-color-on-primary - Text on a primary background.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - Secondary text and steps not reached.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame, rules, the timeline's line.
 * @cssprop --portico-color-danger - Rejection, cancel, errors.
 * @cssprop --portico-color-success - Delivered, the "Live" dot.
 * @cssprop --portico-color-warning - Shipping badges, partial shipment.
 * @cssprop --portico-radius - Corners of the frame, cards and buttons.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Facts, tables, timeline details.
 * @cssprop --portico-font-size-md - Base size, headings.
 * @cssprop --portico-space-1 - Smallest gaps.
 * @cssprop --portico-space-2 - Cell padding (block).
 * @cssprop --portico-space-3 - Section gaps.
 * @cssprop --portico-space-4 - Frame padding.
 */
export class PorticoOrderTracker extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    bannerStyles,
    orderStatusStyles,
    orderTrackerStyles,
  ]

  /** The order to show (`ord_…`). */
  @property({ attribute: 'order-id' }) orderId?: string

  /** `on`: refetch on each of this order's events as it happens; `off`: only on reload. */
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'

  /** Level of the order number heading (its sections are one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `order` from it. */
  readonly controller = new OrderTrackerController(this, {
    onLoad: (order) =>
      this.dispatchEvent(
        new CustomEvent<OrderLoadDetail>('portico-order-load', {
          detail: { order },
          bubbles: true,
          composed: true,
        }),
      ),
    onStatusChange: (order, previous) => {
      const t = this.#localize.messages
      if (t) this.#announce(t.orderNowStatus(order.number, orderStatusLabel(t, order.status)))
      this.dispatchEvent(
        new CustomEvent<OrderStatusChangeDetail>('portico-order-status-change', {
          detail: { order, previous },
          bubbles: true,
          composed: true,
        }),
      )
    },
  })

  readonly #live = new LiveEventsController(this, {
    types: ['order.*'],
    onEvent: (event) => this.controller.applyEvent(event),
    // The stream starts "now": catch up on anything between the load and the connection.
    onOpen: () => void this.controller.refresh(),
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: orderTrackerCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  /** Whether live updates are arriving: `off`, `connecting` or `live`. */
  get liveState(): LiveState {
    return this.#live.state
  }

  /** Text of the polite live region. */
  @state() protected announcement = ''

  /** Shown after a refused cancel (kept until the next attempt or another order). */
  @state() protected cancelReason = ''

  @query('dialog') protected dialog?: HTMLDialogElement

  /**
   * Moves focus to the order's title — or, before it has loaded, to the
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
    if (changed.has('orderId')) this.cancelReason = ''
    void this.controller.configure({ client, orderId: this.orderId || undefined })
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
    const { state, order, error } = this.controller
    switch (state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'not-found':
        return this.#message(boxIcon, t.orderNotFound, false)
      case 'unauthorized':
        return this.#message(lockIcon, t.unauthorized)
      case 'forbidden':
        return this.#message(lockIcon, t.orderForbidden)
      case 'error':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(alertIcon)}
            <p class="message-title">${t.orderLoadError}</p>
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
        return this.#renderOrder(t, order!)
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
        ${t ? html`<span class="sr-only">${t.loadingOrder}</span>` : nothing}
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

  #renderOrder(t: Messages, order: Order) {
    const l = this.#localize
    const level = this.headingLevel
    const { cancelError, cancelling } = this.controller
    const ended = order.status === 'cancelled' || order.status === 'rejected'
    const finished = ended || order.status === 'delivered'
    const fact = (label: string, value: string | null | undefined, wide = false) =>
      value
        ? html`<div class=${wide ? 'fact--wide' : ''}>
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`
        : nothing
    const address = order.deliveryAddress
      ? [
          order.deliveryAddress.name,
          order.deliveryAddress.line1,
          order.deliveryAddress.line2,
          `${order.deliveryAddress.postalCode} ${order.deliveryAddress.city}`,
          order.deliveryAddress.country,
        ]
          .filter(Boolean)
          .join(', ')
      : null
    return html`
      <header part="header" class="header">
        <div class="title-row">
          ${this.#heading(level, 'order-title', t.orderTitle(order.number), 'title')}
          ${orderStatusBadge(t, order.status)}
          ${
            this.#live.state === 'live' && !finished
              ? html`<span part="live" class="live"><span class="live-dot"></span>${t.live}</span>`
              : nothing
          }
          <div class="actions">
            <slot name="actions"></slot>
            ${
              this.controller.cancellable
                ? html`<button
                    part="cancel-button"
                    class="button button--danger"
                    type="button"
                    aria-haspopup="dialog"
                    @click=${this.#openCancel}
                  >
                    ${t.cancelOrder}
                  </button>`
                : nothing
            }
          </div>
        </div>
        <dl part="facts" class="facts">
          ${fact(t.placedOn, l.instant(order.placedAt))} ${fact(t.poNumber, order.poNumber)}
          ${fact(t.erpOrderNumber, order.erpOrderNumber)}
          ${fact(t.requestedDate, order.requestedDate && l.date(order.requestedDate))}
          ${fact(t.columnTotal, l.money(order.total, order.currency))}
          ${fact(t.deliveryAddress, address, true)} ${fact(t.noteForSupplier, order.note, true)}
        </dl>
        ${
          cancelError && !cancelling
            ? html`<div part="banner" class="banner banner--danger" role="alert">
                <p>${cancelError.status === 409 ? t.cancelNotPossible : t.cancelFailed}</p>
              </div>`
            : nothing
        }
      </header>
      <div class="columns">
        <section class="progress">
          ${this.#heading(level + 1, 'progress-heading', t.progress)}
          <ol part="timeline" class="timeline">
            ${timelineSteps(order).map((step) => this.#renderStep(t, order, step))}
          </ol>
        </section>
        <div class="details">
          ${
            // A cancelled or rejected order never ships: no section saying "not yet".
            order.shipments.length || !ended
              ? html`<section part="shipments" class="shipments">
                  ${this.#heading(level + 1, 'shipments-heading', t.shipments)}
                  ${
                    order.shipments.length
                      ? order.shipments.map((shipment) => this.#renderShipment(t, order, shipment))
                      : html`<p class="hint">${t.noShipmentsYet}</p>`
                  }
                </section>`
              : nothing
          }
          <section class="items">
            ${this.#heading(level + 1, 'items-heading', t.items)} ${this.#renderLines(t, order)}
          </section>
        </div>
      </div>
      ${this.#renderDialog(t, order)}
    `
  }

  #renderStep(t: Messages, order: Order, step: TimelineStep) {
    const l = this.#localize
    const label = orderStatusLabel(
      t,
      step.state === 'partial' ? 'partially_shipped' : (step.status as OrderStatus),
    )
    const mark =
      step.state === 'stopped'
        ? crossIcon
        : step.state === 'done'
          ? checkIcon
          : step.state === 'partial'
            ? truckIcon
            : null
    return html`
      <li
        part="step step-${step.state}"
        class="step step--${step.state} step--${step.status}"
        aria-current=${step.current ? 'step' : nothing}
      >
        <span class="step-mark">${mark ? icon(mark) : nothing}</span>
        <div class="step-body">
          <span class="step-label">${label}</span>
          ${
            step.at
              ? html`<time class="step-time" datetime=${step.at}
                  >${l.instant(step.at, { time: true })}</time
                >`
              : step.state === 'upcoming'
                ? html`<span class="step-time">${t.stepPending}</span>`
                : nothing
          }
          ${step.current ? html`<span class="sr-only">${t.stepCurrent}</span>` : nothing}
          ${step.entries.map((entry) => {
            // Several shipments under one step: say which is which, and when.
            const when =
              step.entries.length > 1 && entry.carrier
                ? `${orderStatusLabel(t, entry.status)} · ${l.instant(entry.occurredAt)}`
                : ''
            const detail = [
              when,
              entry.erpOrderNumber && entry.status === 'confirmed'
                ? `${t.erpOrderNumber}: ${entry.erpOrderNumber}`
                : '',
              entry.carrier
                ? [entry.carrier, entry.trackingNumber].filter(Boolean).join(' · ')
                : '',
              entry.reason ? t.reason(entry.reason) : '',
            ].filter(Boolean)
            return detail.map(
              (text, index) =>
                html`<span class="step-detail ${when && index === 0 ? 'step-time' : ''}"
                  >${text}</span
                >`,
            )
          })}
          ${
            step.state === 'stopped' && !step.entries.some((e) => e.reason) && order.statusReason
              ? html`<span class="step-detail">${t.reason(order.statusReason)}</span>`
              : nothing
          }
        </div>
      </li>
    `
  }

  #renderShipment(t: Messages, order: Order, shipment: Shipment) {
    const l = this.#localize
    const names = new Map(order.lines.map((line) => [line.id, line]))
    return html`
      <article part="shipment" class="shipment">
        <div class="shipment-head">
          ${icon(truckIcon)}
          <div>
            <p class="shipment-carrier">${shipment.carrier}</p>
            <p class="hint">
              ${t.shippedOn(l.instant(shipment.shippedAt))}
              ${shipment.deliveredAt ? html` · ${t.deliveredOn(l.instant(shipment.deliveredAt))}` : nothing}
            </p>
          </div>
        </div>
        <p class="tracking">
          <span class="muted">${t.trackingNumber}:</span>
          ${
            shipment.trackingUrl && /^https?:\/\//i.test(shipment.trackingUrl)
              ? html`<a
                  part="tracking-link"
                  class="link"
                  href=${shipment.trackingUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  >${shipment.trackingNumber}<span class="sr-only"> ${t.opensInNewTab}</span></a
                >`
              : html`<span class="tracking-number">${shipment.trackingNumber}</span>`
          }
        </p>
        <ul class="shipment-lines">
          ${shipment.lines.map((line) => {
            const ordered = names.get(line.lineId)
            return html`<li>
              <span>${ordered?.name ?? line.sku}</span>
              <span class="num">${l.number(line.quantity)} ${ordered?.unit ?? ''}</span>
            </li>`
          })}
        </ul>
      </article>
    `
  }

  #renderLines(t: Messages, order: Order) {
    const l = this.#localize
    const money = (minor: number) => l.money(minor, order.currency)
    return html`
      <div class="scroll" role="region" aria-labelledby="items-heading" tabindex="0">
        <table part="lines" class="lines">
          <thead>
            <tr>
              <th scope="col">${t.columnProduct}</th>
              <th scope="col" class="num">${t.columnOrdered}</th>
              <th scope="col" class="num">${t.columnShipped}</th>
              <th scope="col" class="num">${t.columnUnitPrice}</th>
              <th scope="col" class="num">${t.columnAmount}</th>
            </tr>
          </thead>
          <tbody>
            ${order.lines.map(
              (line) => html`
                <tr>
                  <th scope="row">
                    <span class="product-name">${line.name}</span>
                    <span class="sku">${line.sku}</span>
                  </th>
                  <td class="num" data-label=${t.columnOrdered}>
                    ${l.number(line.quantity)} ${line.unit}
                  </td>
                  <td
                    class="num shipped ${line.shippedQuantity >= line.quantity ? 'shipped--all' : line.shippedQuantity ? 'shipped--some' : ''}"
                    data-label=${t.columnShipped}
                  >
                    ${t.shippedOf(l.number(line.shippedQuantity), l.number(line.quantity))}
                  </td>
                  <td class="num" data-label=${t.columnUnitPrice}>${money(line.unitPrice)}</td>
                  <td class="num" data-label=${t.columnAmount}>${money(line.amount)}</td>
                </tr>
              `,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="4">${t.subtotal}</th>
              <td class="num">${money(order.subtotal)}</td>
            </tr>
            <tr>
              <th scope="row" colspan="4">${t.tax}</th>
              <td class="num">${money(order.taxTotal)}</td>
            </tr>
            <tr class="total">
              <th scope="row" colspan="4">${t.columnTotal}</th>
              <td class="num">${money(order.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    `
  }

  #renderDialog(t: Messages, order: Order) {
    const cancelling = this.controller.cancelling
    return html`
      <dialog
        part="dialog"
        class="dialog"
        aria-labelledby="cancel-title"
        aria-describedby="cancel-text"
        @close=${() => (this.cancelReason = '')}
      >
        <h2 id="cancel-title" class="dialog-title">${t.cancelConfirmTitle(order.number)}</h2>
        <p id="cancel-text">${t.cancelConfirmText}</p>
        <div class="field">
          <label for="cancel-reason"
            >${t.cancelReason} <span class="muted">(${t.optional})</span></label
          >
          <textarea
            id="cancel-reason"
            class="input"
            rows="2"
            maxlength="500"
            .value=${this.cancelReason}
            ?disabled=${cancelling}
            @input=${(e: InputEvent) => (this.cancelReason = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="dialog-actions">
          <button
            class="button"
            type="button"
            autofocus
            ?disabled=${cancelling}
            @click=${this.#closeCancel}
          >
            ${t.keepOrder}
          </button>
          <button
            class="button button--danger button--primary"
            type="button"
            aria-busy=${cancelling ? 'true' : 'false'}
            @click=${this.#confirmCancel}
          >
            ${cancelling ? t.cancelling : t.confirmCancel}
          </button>
        </div>
      </dialog>
    `
  }

  #openCancel() {
    this.controller.cancelError = null
    this.dialog?.showModal()
  }

  #closeCancel() {
    this.dialog?.close()
  }

  async #confirmCancel() {
    if (this.controller.cancelling) return
    const order = await this.controller.cancel(this.cancelReason)
    this.dialog?.close()
    await this.updateComplete
    if (order) {
      this.dispatchEvent(
        new CustomEvent<OrderCancelledDetail>('portico-order-cancelled', {
          detail: { order },
          bubbles: true,
          composed: true,
        }),
      )
    }
    // The Cancel button is gone either way (cancelled, or confirmed by now): focus the title.
    this.renderRoot.querySelector<HTMLElement>('#order-title')?.focus()
  }

  #announce(text: string) {
    // A live region only speaks when its text changes: alternate a trailing
    // invisible character so the same sentence twice is still announced.
    this.announcement = this.announcement.endsWith('\u200b') ? text : `${text}\u200b`
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-order-load': OrderLoadEvent
    'portico-order-cancelled': OrderCancelledEvent
    'portico-order-status-change': OrderStatusChangeEvent
  }
}
