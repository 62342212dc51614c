import { consume } from '@lit/context'
import { html, LitElement, noChange, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import type { CatalogProduct, Order, PortalClient } from '../portal-client.js'
import type { OrderSelectDetail } from '../order-list/order-list.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { bannerStyles, baseStyles, fieldStyles } from '../theme/base.styles.js'
import {
  alertIcon,
  boxIcon,
  checkIcon,
  crossIcon,
  icon,
  lockIcon,
  minusIcon,
  plusIcon,
  searchIcon,
} from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  countries,
  detailMaxLength,
  type AddressDetails,
  type DetailField,
} from './order-details.js'
import { firstQuantity, priceBreakFor, stepQuantity } from './quantity.js'
import {
  QuickOrderController,
  type CartLine,
  type DetailIssue,
  type OrderBlock,
} from './quick-order.controller.js'
import { quickOrderStyles } from './quick-order.styles.js'
import { quickOrderCatalogue, type QuickOrderMessages } from './quick-order.messages.js'

type Messages = SharedMessages & QuickOrderMessages

/** How a detail field is typed into. */
interface DetailFieldOptions {
  optional?: boolean
  /** Spans the whole row. */
  wide?: boolean
  kind?: 'text' | 'date' | 'textarea' | 'country'
  /** `autocomplete` (default `off`): the address fields take the browser's saved shipping address. */
  autocomplete?: string
}

/** The id of a detail's control: `detail-address-city`. */
const detailId = (field: DetailField) => `detail-${field.replace('.', '-')}`

/** `detail` of the `portico-order-placed` event. */
export interface OrderPlacedDetail {
  order: Order
}

export type OrderPlacedEvent = CustomEvent<OrderPlacedDetail>

/**
 * @summary Order from the account's own price list: search the catalog, type
 * quantities (checked against minimums and multiples as you type), watch the
 * total with tax against the available credit, review with the PO number,
 * delivery date and address, and a note, place.
 *
 * Gets its API client and locale from a surrounding `<portico-provider>`, or
 * from its own `client` property and `locale` attribute. The credential needs
 * `catalog:read` and `orders:write`; with `credit:read` it shows the credit
 * position live, with `profile:read` it knows up front when the user's role
 * may not order. The data logic is `QuickOrderController`, exported for
 * building another UI on it.
 *
 * @fires {OrderPlacedEvent} portico-order-placed - The API accepted the order (201).
 *   `detail: { order }`. Bubbles and crosses shadow roots.
 * @fires {OrderSelectEvent} portico-order-select - "View order" was activated
 *   after placing. `detail: { order }`. Bubbles and crosses shadow roots.
 *
 * @slot header - A heading above the search, e.g. `<h2 slot="header">Quick order</h2>`.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The bar holding the header slot and the price-list note.
 * @csspart search - The search field.
 * @csspart table - The product `<table>`.
 * @csspart product - Each product row.
 * @csspart price-breaks - The list of quantity prices under a product's price.
 * @csspart quantity - Each quantity field (with its stepper buttons).
 * @csspart quantity-input - The text input of a quantity field.
 * @csspart stepper - The − and + buttons.
 * @csspart field-error - The error text under a quantity or a detail field.
 * @csspart load-more - The "Load more" button.
 * @csspart cart - The order summary beside (or under) the products.
 * @csspart credit - The credit indicator in the summary.
 * @csspart credit-meter - Its bar.
 * @csspart banner - Every banner: role, credit hold, over credit, refusals.
 * @csspart totals - Subtotal, tax and total in the summary (the review shows them in its table).
 * @csspart review - The review step.
 * @csspart details - The review's form: PO number, requested date, delivery address, note.
 * @csspart field - Each field of the details: label, control, error.
 * @csspart field-input - The input, date, select or textarea of a detail field.
 * @csspart address - The delivery address group: the choice, and the address fields.
 * @csspart review-button - "Review order".
 * @csspart place-button - "Place order".
 * @csspart success - The confirmation after placing.
 * @csspart empty - The empty catalog state.
 * @csspart error - The error, unauthorized and forbidden states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Buttons, links, the credit meter.
 * @cssprop --portico-color-on-primary - Text on a primary background.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - SKUs, hints, secondary text.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame, rules, fields.
 * @cssprop --portico-color-danger - Quantity errors, over credit, refusals.
 * @cssprop --portico-color-success - The confirmation.
 * @cssprop --portico-color-warning - Credit hold.
 * @cssprop --portico-radius - Corners of the frame, fields and buttons.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Table, fields, hints.
 * @cssprop --portico-font-size-md - Base size, totals.
 * @cssprop --portico-space-1 - Smallest gaps.
 * @cssprop --portico-space-2 - Cell padding (block), field padding.
 * @cssprop --portico-space-3 - Toolbar and summary gaps.
 * @cssprop --portico-space-4 - Cell padding (inline), frame padding.
 */
export class PorticoQuickOrder extends LitElement {
  static override styles = [tokenStyles, baseStyles, fieldStyles, bannerStyles, quickOrderStyles]

  /** Products loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic: catalog, credit, lines, placing. */
  readonly controller = new QuickOrderController(this)

  readonly #localize = new LocalizeController(this, {
    catalogue: quickOrderCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  /** Text of the polite live region. */
  @state() protected announcement = ''

  /** The search text as typed (the controller holds the one searched). */
  @state() protected searchText = ''

  /** Set when a step changes; the next render moves focus to the new step's heading. */
  #focusStep = false

  /** The detail fields typed into: their issues show as they are typed. */
  #touched = new Set<DetailField>()
  /** "Place order" was pressed: every detail's issue shows. */
  #attempted = false
  /** The issue each detail field had when last typed into, to announce a new one once. */
  #announcedIssues = new Map<DetailField, DetailIssue | undefined>()

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const pageSize = clampPageSize(this.pageSize)
    this.controller.configure({ client: this.client ?? this.portico?.client, pageSize })
  }

  protected override updated(): void {
    if (!this.#focusStep) return
    this.#focusStep = false
    this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus()
  }

  protected override render() {
    const t = this.#localize.messages
    const { catalog, step } = this.controller
    const busy = !t || catalog.state === 'loading' || catalog.state === 'idle'
    return html`
      <div part="base" class="frame base" lang=${this.#localize.locale} aria-busy=${busy}>
        <div part="toolbar" class="toolbar">
          <slot name="header"></slot>
          ${t ? this.#renderPriceList(t) : nothing}
        </div>
        ${
          !t
            ? this.#renderSkeleton()
            : catalog.state === 'unauthorized' || catalog.state === 'forbidden'
              ? this.#renderLocked(
                  t,
                  catalog.state === 'unauthorized' ? t.unauthorized : t.productsForbidden,
                )
              : step === 'placed'
                ? this.#renderPlaced(t)
                : step === 'edit'
                  ? this.#renderEdit(t)
                  : this.#renderReview(t)
        }
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `
  }

  #renderPriceList(t: Messages) {
    const priceList = this.controller.catalog.priceList
    if (!priceList) return nothing
    const validTo = priceList.validTo ? this.#localize.date(priceList.validTo) : null
    return html`<p class="price-list hint">${t.priceListInfo(priceList.name, validTo)}</p>`
  }

  #renderLocked(t: Messages, text: string) {
    return html`
      <div part="error" class="message message--error" role="alert">
        ${icon(lockIcon)}
        <p class="message-title">${text}</p>
      </div>
    `
  }

  // ── Edit: catalog and summary ─────────────────────────────────────────

  #renderEdit(t: Messages) {
    const { canOrder, credit } = this.controller
    const onHold = credit.credit?.onHold === true
    // Prices stay visible either way; only a role that may order, on an account not on hold, gets quantities.
    const orderable = canOrder && !onHold
    return html`
      ${canOrder ? nothing : this.#banner('info', t.roleCannotOrder, t.roleCannotOrderHelp)}
      ${
        canOrder && onHold
          ? this.#banner(
              'warning',
              t.creditHold,
              credit.credit?.holdReason ? t.creditHoldReason(credit.credit.holdReason) : '',
              t.contactAccountManager,
            )
          : nothing
      }
      <div class="layout ${orderable ? '' : 'layout--browse'}">
        <section class="catalog" aria-label=${t.products}>
          ${this.#renderSearch(t)} ${this.#renderCatalog(t, orderable)}
        </section>
        ${orderable ? this.#renderCart(t) : nothing}
      </div>
    `
  }

  #banner(
    kind: 'info' | 'warning' | 'danger',
    title: string,
    ...lines: Array<string | ReturnType<typeof html>>
  ) {
    return html`
      <div part="banner" class="banner banner--${kind}" role=${kind === 'info' ? 'note' : 'alert'}>
        <strong>${title}</strong>
        ${lines.filter(Boolean).map((line) => html`<p>${line}</p>`)}
      </div>
    `
  }

  #renderSearch(t: Messages) {
    return html`
      <div class="search" part="search">
        <label class="label" for="search">${t.searchProducts}</label>
        <div class="search-field">
          ${icon(searchIcon)}
          <input
            id="search"
            class="input"
            type="search"
            autocomplete="off"
            placeholder=${t.searchHint}
            .value=${this.searchText}
            @input=${this.#onSearchInput}
          />
        </div>
      </div>
    `
  }

  #renderCatalog(t: Messages, orderable: boolean) {
    const { catalog } = this.controller
    switch (catalog.state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'error':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(alertIcon)}
            <p class="message-title">${t.productsLoadError}</p>
            ${
              catalog.error?.problem?.requestId
                ? html`<p class="reference">
                    ${t.errorReference(catalog.error.problem.requestId)}
                  </p>`
                : nothing
            }
            <button
              part="retry"
              class="button button--primary"
              type="button"
              @click=${() => catalog.retry()}
            >
              ${t.retry}
            </button>
          </div>
        `
      case 'empty':
        return html`
          <div part="empty" class="message">
            ${icon(boxIcon)}
            <p>
              ${
                catalog.query.q
                  ? t.noProductsFor(catalog.query.q)
                  : catalog.priceList === null
                    ? t.noPriceList
                    : t.noProducts
              }
            </p>
          </div>
        `
      default:
        return this.#renderProducts(t, orderable)
    }
  }

  /** The loading placeholder; without `t` while the messages themselves load. */
  #renderSkeleton(t?: Messages) {
    return html`
      <div part="skeleton" class="skeleton">
        ${t ? html`<span class="sr-only">${t.loadingProducts}</span>` : nothing}
        ${Array.from(
          { length: 5 },
          () => html`
            <div class="skeleton-row" aria-hidden="true">
              <span class="bone"></span><span class="bone"></span><span class="bone"></span>
            </div>
          `,
        )}
      </div>
    `
  }

  #renderProducts(t: Messages, orderable: boolean) {
    const { catalog } = this.controller
    return html`
      <table part="table" class="products">
        <caption class="sr-only">
          ${t.products}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.columnProduct}</th>
            <th scope="col" class="num">${t.columnUnitPrice}</th>
            ${orderable ? html`<th scope="col" class="col-quantity">${t.columnQuantity}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${catalog.items.map((product) => this.#renderProduct(t, product, orderable))}
        </tbody>
      </table>
      <div class="footer">
        <span>${t.productsShown(catalog.items.length)}</span>
        ${catalog.loadMoreError ? html`<span class="field-error" role="alert">${t.productsLoadError}</span>` : nothing}
        ${
          catalog.hasMore
            ? html`<button
                part="load-more"
                class="button"
                type="button"
                aria-disabled=${catalog.loadingMore}
                @click=${this.#onLoadMore}
              >
                ${catalog.loadingMore ? t.loadingMore : t.loadMore}
              </button>`
            : nothing
        }
      </div>
    `
  }

  #renderProduct(t: Messages, product: CatalogProduct, orderable: boolean) {
    const l = this.#localize
    const line = this.controller.line(product.id)
    const applies = line?.quantity ? priceBreakFor(product, line.quantity) : undefined
    const breaks = product.priceBreaks.filter((b) => b.minQuantity > product.minOrderQuantity)
    return html`
      <tr part="product" data-product=${product.id}>
        <th scope="row" class="product">
          <span class="product-name">${product.name}</span>
          <span class="sku">${product.sku}</span>
        </th>
        <td class="num price">
          <span class="unit-price"
            >${t.pricePerUnit(l.money(product.unitPrice, product.currency), product.unit)}</span
          >
          ${
            breaks.length
              ? html`<ul part="price-breaks" class="breaks" aria-label=${t.quantityPrices}>
                  ${breaks.map(
                    (b) =>
                      html`<li class=${applies === b ? 'break break--applies' : 'break'}>
                        ${t.priceFrom(l.number(b.minQuantity), l.money(b.unitPrice, product.currency))}
                      </li>`,
                  )}
                </ul>`
              : nothing
          }
        </td>
        ${orderable ? html`<td class="col-quantity">${this.#renderQuantity(t, product, line)}</td>` : nothing}
      </tr>
    `
  }

  /** A quantity field: −, the input, +; rules as a hint, problems as an error, both described-by. */
  #renderQuantity(t: Messages, product: CatalogProduct, line: CartLine | undefined) {
    const l = this.#localize
    const id = `qty-${product.id}`
    const message = line ? this.#lineMessage(t, line) : ''
    const showRules = product.minOrderQuantity > 1 || product.orderMultiple > 1
    const describedBy = [showRules ? `${id}-rules` : '', message ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ')
    return html`
      <div part="quantity" class="quantity">
        <div class="stepper-field">
          <button
            part="stepper"
            class="stepper"
            type="button"
            tabindex="-1"
            aria-label=${t.decreaseQuantity(product.name)}
            ?disabled=${!line?.quantity}
            @click=${() => this.#step(product, -1)}
          >
            ${icon(minusIcon)}
          </button>
          <input
            part="quantity-input"
            id=${id}
            class="input quantity-input"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            aria-label=${t.quantityOf(product.name, product.unit)}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${line?.text ?? ''}
            @input=${(event: InputEvent) =>
              this.controller.setQuantity(product, (event.target as HTMLInputElement).value)}
            @keydown=${(event: KeyboardEvent) => this.#onQuantityKey(event, product)}
          />
          <button
            part="stepper"
            class="stepper"
            type="button"
            tabindex="-1"
            aria-label=${t.increaseQuantity(product.name)}
            @click=${() => this.#step(product, 1)}
          >
            ${icon(plusIcon)}
          </button>
        </div>
        ${
          showRules
            ? html`<p id="${id}-rules" class="hint">
                ${t.quantityRules(l.number(product.minOrderQuantity), l.number(product.orderMultiple), product.unit)}
              </p>`
            : nothing
        }
        ${message ? html`<p part="field-error" id="${id}-error" class="field-error">${message}</p>` : nothing}
        ${
          line?.amount
            ? html`<p class="line-amount">${l.money(line.amount, product.currency)}</p>`
            : nothing
        }
      </div>
    `
  }

  /** What is wrong with a line, in words: the local check first, then the API's refusal. */
  #lineMessage(t: Messages, line: CartLine): string {
    const l = this.#localize
    const { product } = line
    const code = line.problem ?? line.rejection
    switch (code) {
      case null:
        return ''
      case 'not_a_quantity':
        return t.quantityNotANumber
      case 'below_minimum_quantity':
        return t.quantityBelowMinimum(l.number(firstQuantity(product)), product.unit)
      case 'not_order_multiple':
        return t.quantityNotMultiple(l.number(product.orderMultiple), product.unit)
      case 'product_not_orderable':
        return t.productNotOrderable
      default:
        return t.lineRefused
    }
  }

  #renderCart(t: Messages) {
    const { controller } = this
    const l = this.#localize
    const lines = controller.orderLines
    const currency = controller.currency
    const block = controller.block
    const blockText = this.#blockText(t, block)
    return html`
      <aside part="cart" class="cart" aria-labelledby="cart-heading">
        <h3 id="cart-heading" class="cart-heading">
          ${t.yourOrder}
          ${lines.length ? html`<span class="muted">${t.lineCount(lines.length)}</span>` : nothing}
        </h3>
        ${
          lines.length
            ? html`<ul class="cart-lines">
                ${lines.map(
                  (line) => html`
                    <li
                      class=${line.problem || line.rejection ? 'cart-line cart-line--invalid' : 'cart-line'}
                    >
                      <span class="cart-line-name">
                        ${line.product.name}
                        <span class="hint">
                          ${Number.isFinite(line.quantity) ? l.number(line.quantity!) : line.text}
                          ${line.product.unit}
                          ${line.amount ? html`× ${l.money(line.unitPrice, line.product.currency)}` : nothing}
                        </span>
                      </span>
                      <span class="num"
                        >${line.amount ? l.money(line.amount, line.product.currency) : '—'}</span
                      >
                      <button
                        class="remove"
                        type="button"
                        aria-label=${t.removeLine(line.product.name)}
                        @click=${() => this.#remove(line)}
                      >
                        ${icon(crossIcon)}
                      </button>
                    </li>
                  `,
                )}
              </ul>`
            : html`<p class="hint cart-empty">${t.orderEmpty}</p>`
        }
        ${
          currency
            ? html`<dl part="totals" class="totals">
                  ${this.#totalRows(t, currency).map(
                    ([label, amount, strong]) => html`
                      <div class="totals-row ${strong ? 'totals-row--strong' : ''}">
                        <dt>${label}</dt>
                        <dd class="num">${amount}</dd>
                      </div>
                    `,
                  )}
                </dl>
                ${controller.totals ? nothing : html`<p class="hint">${t.taxAddedOnPlacing}</p>`}`
            : nothing
        }
        ${this.#renderCredit(t)}
        <button
          part="review-button"
          class="button button--primary review-button"
          type="button"
          aria-disabled=${block ? 'true' : 'false'}
          aria-describedby=${blockText ? 'block-reason' : nothing}
          @click=${this.#onReview}
        >
          ${t.reviewOrder}
        </button>
        ${blockText ? html`<p id="block-reason" class="hint">${blockText}</p>` : nothing}
      </aside>
    `
  }

  /** Why the order cannot go on, in words, for the button it disables. */
  #blockText(t: Messages, block: OrderBlock | null): string {
    switch (block) {
      case 'empty':
        return t.blockedEmpty
      case 'invalid_lines':
        return t.blockedInvalid
      case 'over_credit':
        return t.overCreditHelp
      case 'credit_hold':
        return t.contactAccountManager
      default:
        return ''
    }
  }

  /**
   * `[label, amount, strong]` of the totals: subtotal, tax at the account's
   * rate and total, as the API will compute them — or the subtotal alone
   * while the rate is unknown.
   */
  #totalRows(t: Messages, currency: string): Array<[string, string, boolean]> {
    const l = this.#localize
    const { subtotal, totals } = this.controller
    if (!totals) return [[t.subtotal, l.money(subtotal, currency), true]]
    return [
      [t.subtotal, l.money(subtotal, currency), false],
      [t.taxAtRate(l.basisPoints(totals.taxRate)), l.money(totals.tax, currency), false],
      [t.columnTotal, l.money(totals.total, currency), true],
    ]
  }

  /** Available credit, what this order (tax included) leaves, and a bar of both against the limit. */
  #renderCredit(t: Messages) {
    const { overCreditBy } = this.controller
    const orderTotal = this.controller.totals?.total ?? this.controller.subtotal
    const credit = this.controller.credit.credit
    if (!credit || credit.onHold) return nothing
    const l = this.#localize
    const money = (minor: number) => l.money(minor, credit.currency)
    const limit = Math.max(credit.limit, 1)
    const used = Math.min(credit.outstanding / limit, 1)
    const order = Math.min(orderTotal / limit, 1 - used)
    return html`
      <div part="credit" class="credit">
        <div class="credit-figures">
          <span class="label">${t.availableCredit}</span>
          <span class="num credit-available">${money(credit.available)}</span>
        </div>
        <div
          part="credit-meter"
          class="meter ${overCreditBy ? 'meter--over' : ''}"
          aria-hidden="true"
        >
          <span class="meter-used" style="width:${(used * 100).toFixed(2)}%"></span>
          <span class="meter-order" style="width:${(order * 100).toFixed(2)}%"></span>
        </div>
        <p class="hint">${t.creditOfLimit(money(credit.limit))}</p>
        ${
          orderTotal && !overCreditBy
            ? html`<div class="credit-figures">
                <span>${t.creditAfterOrder}</span>
                <span class="num">${money(credit.available - orderTotal)}</span>
              </div>`
            : nothing
        }
        ${
          overCreditBy
            ? html`<p class="field-error" role="alert">${t.overCredit(money(overCreditBy))}</p>`
            : nothing
        }
      </div>
    `
  }

  // ── Review and place ──────────────────────────────────────────────────

  #renderReview(t: Messages) {
    const { controller } = this
    const l = this.#localize
    const placing = controller.step === 'placing'
    const currency = controller.currency!
    const block = controller.block
    const issues = Object.keys(controller.detailIssues).length > 0
    const reason = this.#blockText(t, block) || (issues && this.#attempted ? t.blockedDetails : '')
    const other = controller.details.deliverTo === 'other'
    return html`
      <section part="review" class="review" aria-labelledby="review-heading">
        <h3 id="review-heading" class="review-heading" tabindex="-1" data-step-heading>
          ${t.reviewTitle}
        </h3>
        ${this.#renderPlaceError(t)}
        <table class="review-lines">
          <thead>
            <tr>
              <th scope="col">${t.columnProduct}</th>
              <th scope="col" class="num">${t.columnQuantity}</th>
              <th scope="col" class="num">${t.columnUnitPrice}</th>
              <th scope="col" class="num">${t.columnAmount}</th>
            </tr>
          </thead>
          <tbody>
            ${controller.lines.map((line) => {
              const message = this.#lineMessage(t, line)
              return html`
                <tr class=${message ? 'review-line--invalid' : ''}>
                  <th scope="row">
                    <span class="product-name">${line.product.name}</span>
                    <span class="sku">${line.product.sku}</span>
                    ${message ? html`<p part="field-error" class="field-error">${message}</p>` : nothing}
                  </th>
                  <td class="num">${l.number(line.quantity ?? 0)} ${line.product.unit}</td>
                  <td class="num">${l.money(line.unitPrice, currency)}</td>
                  <td class="num">${line.amount ? l.money(line.amount, currency) : '—'}</td>
                </tr>
              `
            })}
          </tbody>
          <tfoot>
            ${this.#totalRows(t, currency).map(
              ([label, amount, strong]) => html`
                <tr class=${strong ? 'total' : ''}>
                  <th scope="row" colspan="3">${label}</th>
                  <td class="num">${amount}</td>
                </tr>
              `,
            )}
          </tfoot>
        </table>
        ${controller.totals ? nothing : html`<p class="hint tax-note">${t.taxAddedOnPlacing}</p>`}
        <div part="details" class="details">
          ${this.#renderDetailField(t, 'poNumber', t.poNumber, { optional: true })}
          ${this.#renderDetailField(t, 'requestedDate', t.requestedDate, {
            optional: true,
            kind: 'date',
          })}
          <fieldset part="address" class="address field--wide" ?disabled=${placing}>
            <legend class="label">${t.deliveryAddress}</legend>
            <label class="choice">
              <input
                type="radio"
                name="deliver-to"
                value="usual"
                aria-describedby="deliver-usual-hint"
                .checked=${!other}
                @change=${this.#onDeliverTo}
              />
              ${t.deliverToUsual}
            </label>
            <p id="deliver-usual-hint" class="hint choice-hint">${t.deliverToUsualHint}</p>
            <label class="choice">
              <input
                type="radio"
                name="deliver-to"
                value="other"
                .checked=${other}
                @change=${this.#onDeliverTo}
              />
              ${t.deliverToOther}
            </label>
            ${
              other
                ? html`<div class="address-fields">
                    ${this.#renderDetailField(t, 'address.name', t.addressName, {
                      wide: true,
                      autocomplete: 'shipping organization',
                    })}
                    ${this.#renderDetailField(t, 'address.line1', t.addressLine1, {
                      wide: true,
                      autocomplete: 'shipping address-line1',
                    })}
                    ${this.#renderDetailField(t, 'address.line2', t.addressLine2, {
                      wide: true,
                      optional: true,
                      autocomplete: 'shipping address-line2',
                    })}
                    ${this.#renderDetailField(t, 'address.postalCode', t.postalCode, {
                      autocomplete: 'shipping postal-code',
                    })}
                    ${this.#renderDetailField(t, 'address.city', t.city, {
                      autocomplete: 'shipping address-level2',
                    })}
                    ${this.#renderDetailField(t, 'address.country', t.country, {
                      kind: 'country',
                      wide: true,
                      autocomplete: 'shipping country',
                    })}
                  </div>`
                : nothing
            }
          </fieldset>
          ${this.#renderDetailField(t, 'note', t.noteForSupplier, {
            optional: true,
            wide: true,
            kind: 'textarea',
          })}
        </div>
        <div class="actions">
          <button class="button" type="button" ?disabled=${placing} @click=${this.#onEdit}>
            ${t.backToProducts}
          </button>
          <button
            part="place-button"
            class="button button--primary"
            type="button"
            aria-disabled=${placing || block ? 'true' : 'false'}
            aria-busy=${placing ? 'true' : 'false'}
            aria-describedby=${reason ? 'place-reason' : nothing}
            @click=${this.#onPlace}
          >
            ${placing ? t.placingOrder : t.placeOrder}
          </button>
        </div>
        ${reason ? html`<p id="place-reason" class="hint place-reason">${reason}</p>` : nothing}
      </section>
    `
  }

  /**
   * One field of the details: its label (marked optional, or required to
   * assistive technology), the control, and its issue — linked through
   * `aria-describedby` and `aria-invalid`, shown once the field has been
   * typed into or "Place order" pressed.
   */
  #renderDetailField(
    t: Messages,
    field: DetailField,
    label: string,
    { optional = false, wide = false, kind = 'text', autocomplete = 'off' }: DetailFieldOptions,
  ) {
    const id = detailId(field)
    const message = this.#detailMessage(t, field)
    const value = detailValue(this.controller.details, field)
    const placing = this.controller.step === 'placing'
    const onInput = (event: Event) => this.#onDetailInput(field, label, event)
    const invalid = message ? 'true' : 'false'
    const describedBy = message ? `${id}-error` : nothing
    const required = optional ? nothing : 'true'
    return html`
      <div part="field" class=${wide ? 'field field--wide' : 'field'}>
        <label for=${id}
          >${label}${optional ? html` <span class="muted">(${t.optional})</span>` : nothing}</label
        >
        ${
          kind === 'textarea'
            ? html`<textarea
                part="field-input"
                id=${id}
                class="input"
                rows="3"
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                .value=${value}
                ?disabled=${placing}
                @input=${onInput}
              ></textarea>`
            : kind === 'country'
              ? html`<select
                  part="field-input"
                  id=${id}
                  class="input"
                  autocomplete=${autocomplete}
                  aria-required="true"
                  aria-invalid=${invalid}
                  aria-describedby=${describedBy}
                  ?disabled=${placing}
                  @change=${onInput}
                >
                  ${value ? nothing : html`<option value="" selected>—</option>`}
                  ${countries(this.#localize.locale).map(
                    ([code, name]) =>
                      html`<option value=${code} ?selected=${code === value}>${name}</option>`,
                  )}
                </select>`
              : html`<input
                  part="field-input"
                  id=${id}
                  class="input"
                  type=${kind}
                  min=${kind === 'date' ? this.controller.earliestRequestedDate : nothing}
                  autocomplete=${autocomplete}
                  aria-required=${required}
                  aria-invalid=${invalid}
                  aria-describedby=${describedBy}
                  .value=${value === '?' ? noChange : value}
                  ?disabled=${placing}
                  @input=${onInput}
                  @blur=${onInput}
                />`
        }
        ${message ? html`<p part="field-error" id="${id}-error" class="field-error">${message}</p>` : nothing}
      </div>
    `
  }

  /** What is wrong with a detail, in words — once it is to be shown. */
  #detailMessage(t: Messages, field: DetailField): string {
    if (!this.#attempted && !this.#touched.has(field)) return ''
    return this.#issueText(t, field, this.controller.detailIssues[field])
  }

  #issueText(t: Messages, field: DetailField, issue: DetailIssue | undefined): string {
    const l = this.#localize
    switch (issue) {
      case undefined:
        return ''
      case 'required':
        return t.fieldRequired
      case 'too_long': {
        const max = detailMaxLength[field as keyof typeof detailMaxLength]
        const length = detailValue(this.controller.details, field).trim().length
        return t.fieldTooLong(l.number(max), l.number(length))
      }
      case 'not_a_date':
        return t.dateNotADate
      case 'date_in_past':
        return t.dateInPast
      default:
        return t.fieldRefused
    }
  }

  #renderPlaceError(t: Messages) {
    const error = this.controller.placeError
    if (!error) return nothing
    const l = this.#localize
    const problem = error.problem
    const reference = problem?.requestId ? t.errorReference(problem.requestId) : ''
    switch (problem?.code) {
      case 'order_lines_invalid':
        return this.#banner('danger', t.placeError, t.linesRefused)
      case 'credit_limit_exceeded': {
        const available =
          typeof problem.available === 'number' && problem.currency
            ? l.money(problem.available, problem.currency)
            : '—'
        return this.#banner('danger', t.placeError, t.creditExceeded(available))
      }
      case 'credit_hold': {
        const reason = this.controller.credit.credit?.holdReason
        return this.#banner(
          'warning',
          t.creditHold,
          reason ? t.creditHoldReason(reason) : '',
          t.contactAccountManager,
        )
      }
      case 'no_credit_terms':
      case 'no_price_list':
        return this.#banner('danger', t.placeError, t.noCreditTerms)
      case 'validation_failed':
        if (Object.keys(this.controller.detailIssues).length)
          return this.#banner('danger', t.placeError, t.detailsRefused)
    }
    if (error.status === 403) return this.#banner('info', t.roleCannotOrder, t.roleCannotOrderHelp)
    if (error.status === 401) return this.#banner('danger', t.placeError, t.unauthorized)
    if (error.status === 409) return this.#banner('warning', t.placeError, t.orderConflict)
    if (error.status === 0) return this.#banner('danger', t.placeError, t.placeOffline)
    return this.#banner('danger', t.placeError, problem?.detail ?? '', reference)
  }

  #renderPlaced(t: Messages) {
    const order = this.controller.placed!
    const l = this.#localize
    return html`
      <section part="success" class="success" aria-labelledby="placed-heading">
        ${icon(checkIcon, 'success-icon')}
        <h3 id="placed-heading" tabindex="-1" data-step-heading>
          ${t.orderPlacedTitle(order.number)}
        </h3>
        <p>${t.orderPlacedText}</p>
        <dl class="success-facts">
          <div>
            <dt>${t.columnTotal}</dt>
            <dd>${l.money(order.total, order.currency)}</dd>
          </div>
          ${
            order.poNumber
              ? html`<div>
                  <dt>${t.poNumber}</dt>
                  <dd>${order.poNumber}</dd>
                </div>`
              : nothing
          }
          ${
            order.requestedDate
              ? html`<div>
                  <dt>${t.requestedDate}</dt>
                  <dd>${l.date(order.requestedDate)}</dd>
                </div>`
              : nothing
          }
          <div>
            <dt>${t.items}</dt>
            <dd>${t.lineCount(order.lines.length)}</dd>
          </div>
        </dl>
        <div class="actions">
          <button class="button" type="button" @click=${this.#onStartOver}>
            ${t.placeAnother}
          </button>
          <button class="button button--primary" type="button" @click=${this.#onViewOrder}>
            ${t.viewOrder}
          </button>
        </div>
      </section>
    `
  }

  // ── Events ────────────────────────────────────────────────────────────

  #onSearchInput(event: InputEvent) {
    this.searchText = (event.target as HTMLInputElement).value
    const searched = this.searchText.trim()
    void this.controller.catalog.search(this.searchText).then(() => {
      const { catalog } = this.controller
      if (catalog.query.q !== searched || catalog.searchPending) return
      const t = this.#localize.messages
      if (t && (catalog.state === 'ready' || catalog.state === 'empty'))
        this.#announce(
          catalog.state === 'empty' && searched
            ? t.noProductsFor(searched)
            : t.productsShown(catalog.items.length),
        )
    })
  }

  async #onLoadMore() {
    const added = await this.controller.catalog.loadMore()
    const t = this.#localize.messages
    if (t && added) this.#announce(t.loadedMoreProducts(added))
  }

  #step(product: CatalogProduct, direction: 1 | -1) {
    const line = this.controller.line(product.id)
    const current = line?.quantity ?? null
    this.controller.setQuantity(product, stepQuantity(product, current, direction))
  }

  /** ArrowUp/ArrowDown step like a spin button, by the product's multiple. */
  #onQuantityKey(event: KeyboardEvent, product: CatalogProduct) {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault()
    this.#step(product, event.key === 'ArrowUp' ? 1 : -1)
  }

  #remove(line: CartLine) {
    this.controller.remove(line.product.id)
    // The button is gone: keep focus near, on the product's own field if shown.
    void this.updateComplete.then(() => {
      const field = this.renderRoot.querySelector<HTMLElement>(
        `#qty-${CSS.escape(line.product.id)}`,
      )
      ;(field ?? this.renderRoot.querySelector<HTMLElement>('#cart-heading'))?.focus()
    })
  }

  #onReview() {
    if (!this.controller.review()) return
    this.#focusStep = true
  }

  #onEdit() {
    this.controller.edit()
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="review-button"]')?.focus(),
    )
  }

  /**
   * A detail typed into (or left: a date typed only in part reports itself
   * on blur, when it sends no input). Its issue shows from now on, and is
   * announced when it is a new one.
   */
  #onDetailInput(field: DetailField, label: string, event: Event) {
    const input = event.target as HTMLInputElement
    // An incomplete date has no value; "?" is what the check calls not a date.
    const value = input.type === 'date' && input.validity.badInput ? '?' : input.value
    if (event.type === 'blur' && (input.type !== 'date' || value !== '?')) return
    this.#touched.add(field)
    const name = field.startsWith('address.') ? (field.slice(8) as keyof AddressDetails) : null
    this.controller.setDetails(name ? { address: { [name]: value } } : { [field]: value })
    const issue = this.controller.detailIssues[field]
    const t = this.#localize.messages
    if (t && issue && issue !== this.#announcedIssues.get(field))
      this.#announce(`${label}: ${this.#issueText(t, field, issue)}`)
    this.#announcedIssues.set(field, issue)
  }

  #onDeliverTo(event: Event) {
    const deliverTo = (event.target as HTMLInputElement).value as 'usual' | 'other'
    const { country } = this.controller.details.address
    // A new address starts in the reader's country, which they can change.
    const region = country || new Intl.Locale(this.#localize.locale).maximize().region || ''
    this.controller.setDetails({
      deliverTo,
      address: {
        country: countries(this.#localize.locale).some(([code]) => code === region) ? region : '',
      },
    })
  }

  async #onPlace() {
    const { controller } = this
    this.#attempted = true
    if (Object.keys(controller.detailIssues).length) return this.#focusFirstIssue()
    const order = await controller.place()
    if (!order) {
      if (Object.keys(controller.detailIssues).length) await this.#focusFirstIssue()
      return
    }
    this.#touched.clear()
    this.#attempted = false
    this.#announcedIssues.clear()
    this.#focusStep = true
    const t = this.#localize.messages
    if (t) this.#announce(t.orderPlacedTitle(order.number))
    this.dispatchEvent(
      new CustomEvent<OrderPlacedDetail>('portico-order-placed', {
        detail: { order },
        bubbles: true,
        composed: true,
      }),
    )
  }

  /** Shows every detail's issue and takes the reader to the first. */
  async #focusFirstIssue() {
    this.requestUpdate()
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('.details [aria-invalid="true"]')?.focus()
  }

  #onStartOver() {
    this.controller.startOver()
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('#search')?.focus(),
    )
  }

  #onViewOrder() {
    const order = this.controller.placed
    if (!order) return
    this.dispatchEvent(
      new CustomEvent<OrderSelectDetail>('portico-order-select', {
        detail: { order },
        bubbles: true,
        composed: true,
      }),
    )
  }

  #announce(text: string) {
    // A live region only speaks when its text changes: alternate a trailing
    // invisible character so the same sentence twice is still announced.
    this.announcement = this.announcement.endsWith('\u200b') ? text : `${text}\u200b`
  }
}

/** The value of a detail field as typed. */
function detailValue(details: QuickOrderController['details'], field: DetailField): string {
  return field.startsWith('address.')
    ? details.address[field.slice(8) as keyof AddressDetails]
    : details[field as 'poNumber' | 'requestedDate' | 'note']
}

declare global {
  interface HTMLElementEventMap {
    'portico-order-placed': OrderPlacedEvent
  }
}
