import { consume } from '@lit/context'
import { html, LitElement, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import {
  invoiceStatusBadge,
  invoiceStatusLabel,
  invoiceStatusStyles,
} from '../invoices/invoice-status.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import { cursorListStyles } from '../list/cursor-list.styles.js'
import { CursorListView } from '../list/cursor-list.view.js'
import type { InvoiceSummary, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles } from '../theme/base.styles.js'
import { documentIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  InvoiceListController,
  invoiceStatusFilters,
  type InvoiceStatusFilter,
} from './invoice-list.controller.js'
import { invoiceListCatalogue, type InvoiceListMessages } from './invoice-list.messages.js'
import { invoiceListStyles } from './invoice-list.styles.js'

type Messages = SharedMessages & InvoiceListMessages

/** `detail` of the `portico-invoice-select` event. */
export interface InvoiceSelectDetail {
  invoice: InvoiceSummary
}

/** `detail` of the `portico-invoice-filter-change` event. */
export interface InvoiceFilterChangeDetail {
  status: InvoiceStatusFilter
}

export type InvoiceSelectEvent = CustomEvent<InvoiceSelectDetail>
export type InvoiceFilterChangeEvent = CustomEvent<InvoiceFilterChangeDetail>

/**
 * @summary The signed-in customer's invoices: a filterable, paginated table
 * with every loading, empty and failure state designed.
 *
 * Gets its API client and locale from a surrounding `<portico-provider>`, or
 * from its own `client` property and `locale` attribute. The data logic is
 * `InvoiceListController`, exported for building another UI on it.
 *
 * @fires {InvoiceSelectEvent} portico-invoice-select - A row was activated (click, or Enter/Space on
 *   its invoice number). `detail: { invoice }`. Bubbles and crosses shadow roots.
 * @fires {InvoiceFilterChangeEvent} portico-invoice-filter-change - The person changed the status
 *   filter. `detail: { status }`. Bubbles and crosses shadow roots.
 *
 * @slot header - A heading shown left of the filter, e.g. `<h2 slot="header">Invoices</h2>`.
 * @slot empty - Replaces the message shown when there are no invoices to list.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The bar holding the header slot and the filter.
 * @csspart filter - The status filter (a radio group).
 * @csspart table - The `<table>`.
 * @csspart row - Each invoice row.
 * @csspart invoice-number - The invoice number button that selects a row.
 * @csspart status-badge - Each status badge; also `status-badge-open`, `-partially_paid`, `-overdue`, `-paid`, `-void`.
 * @csspart amount - Each money cell (total and amount due).
 * @csspart footer - The bar under the table with the row count and load more.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error, unauthorized and forbidden states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Links, buttons, the selected filter.
 * @cssprop --portico-color-on-primary - Text on a primary background.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - Secondary text: headers, dates, counts.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame and row rules.
 * @cssprop --portico-color-danger - Overdue badges, errors.
 * @cssprop --portico-color-success - Paid badges.
 * @cssprop --portico-color-warning - Open badges.
 * @cssprop --portico-radius - Corner radius of the frame, buttons and filter.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Table, buttons, badges.
 * @cssprop --portico-font-size-md - Base size and header.
 * @cssprop --portico-space-1 - Smallest gap (badge, filter).
 * @cssprop --portico-space-2 - Cell padding (block).
 * @cssprop --portico-space-3 - Toolbar and footer padding.
 * @cssprop --portico-space-4 - Cell padding (inline), frame padding.
 */
export class PorticoInvoiceList extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    cursorListStyles(36),
    invoiceStatusStyles,
    invoiceListStyles,
  ]

  /** Show only invoices with this status; `all` shows every status. */
  @property({ reflect: true }) status: InvoiceStatusFilter = 'all'

  /** Rows loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20

  /** Only invoices issued on or after this date (`YYYY-MM-DD`). */
  @property({ attribute: 'issued-from' }) issuedFrom?: string

  /** Only invoices issued on or before this date (`YYYY-MM-DD`). */
  @property({ attribute: 'issued-to' }) issuedTo?: string

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `items`, `nextCursor` from it. */
  readonly controller = new InvoiceListController(this)

  readonly #localize = new LocalizeController(this, {
    catalogue: invoiceListCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  readonly #view = new CursorListView(this, {
    list: this.controller,
    localize: this.#localize,
    emptyIcon: documentIcon,
    filtered: () => {
      const { status, issuedFrom, issuedTo } = this.controller.query
      return status !== 'all' || Boolean(issuedFrom || issuedTo)
    },
    onSelect: (invoice) =>
      this.dispatchEvent(
        new CustomEvent<InvoiceSelectDetail>('portico-invoice-select', {
          detail: { invoice },
          bubbles: true,
          composed: true,
        }),
      ),
  })

  protected override willUpdate(_changed: PropertyValues<this>): void {
    void this.controller.configure({
      client: this.client ?? this.portico?.client,
      status: invoiceStatusFilters.includes(this.status) ? this.status : 'all',
      pageSize: clampPageSize(this.pageSize),
      issuedFrom: this.issuedFrom || undefined,
      issuedTo: this.issuedTo || undefined,
    })
  }

  protected override render() {
    return this.#view.render({
      toolbar: (t) => this.#renderFilter(t),
      table: (t) => this.#renderTable(t),
    })
  }

  #renderFilter(t: Messages) {
    const current = this.controller.query.status
    return html`
      <div part="filter" class="filter" role="radiogroup" aria-label=${t.statusFilter}>
        ${invoiceStatusFilters.map(
          (status) => html`
            <label class="segment">
              <input
                type="radio"
                name="status"
                .value=${status}
                .checked=${status === current}
                @change=${this.#onFilterChange}
              />
              <span>${status === 'all' ? t.statusAll : invoiceStatusLabel(t, status)}</span>
            </label>
          `,
        )}
      </div>
    `
  }

  #renderTable(t: Messages) {
    const l = this.#localize
    return html`
      <div class="scroll">
        <table part="table" role="table">
          <caption class="sr-only">
            ${t.invoices}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${t.columnNumber}</th>
              <th role="columnheader" scope="col">${t.columnIssueDate}</th>
              <th role="columnheader" scope="col">${t.columnDueDate}</th>
              <th role="columnheader" scope="col">${t.columnStatus}</th>
              <th role="columnheader" scope="col" class="num">${t.columnTotal}</th>
              <th role="columnheader" scope="col" class="num">${t.columnAmountDue}</th>
            </tr>
          </thead>
          <tbody role="rowgroup" @click=${this.#view.selectRow} @keydown=${this.#view.moveFocus}>
            ${this.controller.items.map(
              (invoice, index) => html`
                <tr part="row" role="row" data-index=${index}>
                  <th role="rowheader" scope="row">
                    <button class="number link" part="invoice-number" type="button">
                      ${invoice.number}
                    </button>
                  </th>
                  <td role="cell" class="muted cell--issued">${l.date(invoice.issueDate)}</td>
                  <td role="cell" class="muted cell--due" data-label=${t.columnDueDate}>
                    ${l.date(invoice.dueDate)}
                  </td>
                  <td role="cell">${invoiceStatusBadge(t, invoice.status)}</td>
                  <td role="cell" part="amount" class="num cell--total">
                    ${l.money(invoice.total, invoice.currency)}
                  </td>
                  <td
                    role="cell"
                    part="amount"
                    class="num cell--amount-due ${invoice.amountDue === 0 ? 'amount--settled' : ''}"
                  >
                    ${l.money(invoice.amountDue, invoice.currency)}
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `
  }

  async #onFilterChange(event: Event) {
    const status = (event.target as HTMLInputElement).value as InvoiceStatusFilter
    this.status = status
    this.dispatchEvent(
      new CustomEvent<InvoiceFilterChangeDetail>('portico-invoice-filter-change', {
        detail: { status },
        bubbles: true,
        composed: true,
      }),
    )
    await this.controller.setStatus(status)
    // Unless a newer choice superseded this one, say how many rows it shows.
    if (this.controller.query.status === status) this.#view.announceShown()
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-invoice-select': InvoiceSelectEvent
    'portico-invoice-filter-change': InvoiceFilterChangeEvent
  }
}
