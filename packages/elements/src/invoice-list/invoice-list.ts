import { consume } from '@lit/context'
import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import type { InvoiceSummary, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  InvoiceListController,
  invoiceStatusFilters,
  type InvoiceStatusFilter,
} from './invoice-list.controller.js'
import { invoiceListStyles } from './invoice-list.styles.js'
import { invoiceListCatalogue, type InvoiceListMessages } from './invoice-list.messages.js'

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

type StatusMessage = 'statusAll' | 'statusOpen' | 'statusOverdue' | 'statusPaid' | 'statusVoid'

const statusMessage: Record<InvoiceStatusFilter, StatusMessage> = {
  all: 'statusAll',
  open: 'statusOpen',
  overdue: 'statusOverdue',
  paid: 'statusPaid',
  void: 'statusVoid',
}

const alertIcon = svg`<path d="M12 9v4m0 4h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"/>`
const lockIcon = svg`<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`
const documentIcon = svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z"/><path d="M14 3v5h5M9 13h6M9 17h4"/>`

function icon(paths: TemplateResult<2>) {
  return html`<svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.75"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    ${paths}
  </svg>`
}

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
 * @csspart status-badge - Each status badge; also `status-badge-open`, `-overdue`, `-paid`, `-void`.
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
  static override styles = [tokenStyles, invoiceListStyles]

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

  /** Text of the polite live region. */
  @state() protected announcement = ''

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('online', this.#onOnline)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('online', this.#onOnline)
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const status = invoiceStatusFilters.includes(this.status) ? this.status : 'all'
    const pageSize = Number.isInteger(this.pageSize)
      ? Math.min(Math.max(this.pageSize, 1), 100)
      : 20
    void this.controller.configure({
      client: this.client ?? this.portico?.client,
      status,
      pageSize,
      issuedFrom: this.issuedFrom || undefined,
      issuedTo: this.issuedTo || undefined,
    })
  }

  protected override render() {
    const t = this.#localize.messages
    const { state } = this.controller
    const busy = !t || state === 'loading' || state === 'idle'
    return html`
      <div part="base" class="base" lang=${this.#localize.locale} aria-busy=${busy}>
        <div part="toolbar" class="toolbar">
          <slot name="header"></slot>
          ${t ? this.#renderFilter(t) : nothing}
        </div>
        ${t ? this.#renderBody(t) : this.#renderSkeleton()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `
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
              <span>${t[statusMessage[status]]}</span>
            </label>
          `,
        )}
      </div>
    `
  }

  #renderBody(t: Messages) {
    const { state, error } = this.controller
    switch (state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'empty':
        return html`
          <div part="empty" class="message">
            <slot name="empty">
              ${icon(documentIcon)}
              <p>${this.#isFiltered ? t.emptyFiltered : t.empty}</p>
            </slot>
          </div>
        `
      case 'error':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(alertIcon)}
            <p class="message-title">${this.#isOffline ? t.offline : t.loadError}</p>
            ${
              error?.problem?.requestId
                ? html`<p class="reference">${t.errorReference(error.problem.requestId)}</p>`
                : nothing
            }
            <button
              part="retry"
              class="button button--primary"
              type="button"
              @click=${this.#onRetry}
            >
              ${t.retry}
            </button>
          </div>
        `
      case 'unauthorized':
      case 'forbidden':
        return html`
          <div part="error" class="message message--error" role="alert">
            ${icon(lockIcon)}
            <p class="message-title">${state === 'unauthorized' ? t.unauthorized : t.forbidden}</p>
          </div>
        `
      case 'ready':
        return this.#renderTable(t)
    }
  }

  /** The last load failed without an answer while the browser reports no network. */
  get #isOffline(): boolean {
    return this.controller.error?.status === 0 && navigator.onLine === false
  }

  get #isFiltered(): boolean {
    const { status, issuedFrom, issuedTo } = this.controller.query
    return status !== 'all' || Boolean(issuedFrom || issuedTo)
  }

  /** The loading placeholder; without `t` while the messages themselves load. */
  #renderSkeleton(t?: Messages) {
    const rows = Math.min(this.controller.query.pageSize, 6)
    return html`
      <div part="skeleton" class="skeleton">
        ${t ? html`<span class="sr-only">${t.loading}</span>` : nothing}
        ${Array.from(
          { length: rows + 1 },
          () => html`
            <div class="skeleton-row" aria-hidden="true">
              <span class="bone"></span><span class="bone"></span><span class="bone"></span>
              <span class="bone"></span><span class="bone"></span><span class="bone"></span>
            </div>
          `,
        )}
      </div>
    `
  }

  #renderTable(t: Messages) {
    const { items, loadingMore, loadMoreError, hasMore } = this.controller
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
              <th role="columnheader" scope="col" class="amount">${t.columnTotal}</th>
              <th role="columnheader" scope="col" class="amount">${t.columnAmountDue}</th>
            </tr>
          </thead>
          <tbody role="rowgroup" @click=${this.#onRowClick} @keydown=${this.#onRowKeydown}>
            ${items.map(
              (invoice, index) => html`
                <tr part="row" role="row" data-index=${index}>
                  <th role="rowheader" scope="row">
                    <button class="number" part="invoice-number" type="button">
                      ${invoice.number}
                    </button>
                  </th>
                  <td role="cell" class="date cell--issued">${l.date(invoice.issueDate)}</td>
                  <td role="cell" class="date cell--due" data-label=${t.columnDueDate}>
                    ${l.date(invoice.dueDate)}
                  </td>
                  <td role="cell">
                    <span
                      part="status-badge status-badge-${invoice.status}"
                      class="badge badge--${invoice.status}"
                      >${t[statusMessage[invoice.status]]}</span
                    >
                  </td>
                  <td role="cell" part="amount" class="amount cell--total">
                    ${l.money(invoice.total, invoice.currency)}
                  </td>
                  <td
                    role="cell"
                    part="amount"
                    class="amount cell--amount-due ${invoice.amountDue === 0 ? 'amount--settled' : ''}"
                  >
                    ${l.money(invoice.amountDue, invoice.currency)}
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
      <div part="footer" class="footer">
        <span>${t.shown(items.length)}</span>
        ${
          loadMoreError
            ? html`<span class="footer-error" role="alert">${t.loadMoreError}</span>`
            : nothing
        }
        ${
          hasMore
            ? html`
                <button
                  part="load-more"
                  class="button"
                  type="button"
                  aria-disabled=${loadingMore}
                  @click=${this.#onLoadMore}
                >
                  ${loadingMore ? t.loadingMore : t.loadMore}
                </button>
              `
            : nothing
        }
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
    const { state, items, query } = this.controller
    if (query.status !== status) return // superseded by a newer choice
    const t = this.#localize.messages
    if (t && (state === 'ready' || state === 'empty')) this.#announce(t.shown(items.length))
  }

  async #onLoadMore(event: Event) {
    if (this.controller.loadingMore) return
    const button = event.currentTarget as HTMLElement
    const firstNew = this.controller.items.length
    const added = await this.controller.loadMore()
    if (!added) return
    const t = this.#localize.messages
    if (t) this.#announce(t.loadedMore(added))
    await this.updateComplete
    // The button disappears with the last page; keep focus in the table
    // instead of dropping it to <body>.
    if (!button.isConnected || !this.controller.hasMore) this.#numberButton(firstNew)?.focus()
  }

  /** Back online: try again what failed for want of a network. */
  readonly #onOnline = () => {
    const { state, error, loadMoreError } = this.controller
    if ((state === 'error' && error?.status === 0) || loadMoreError?.status === 0) {
      void this.controller.retry()
    }
  }

  #onRetry() {
    void this.controller.retry()
  }

  #onRowClick(event: MouseEvent) {
    const row = (event.target as Element).closest('tr[data-index]')
    const invoice = row && this.controller.items[Number(row.getAttribute('data-index'))]
    if (!invoice) return
    this.dispatchEvent(
      new CustomEvent<InvoiceSelectDetail>('portico-invoice-select', {
        detail: { invoice },
        bubbles: true,
        composed: true,
      }),
    )
  }

  /** Arrow keys move between invoice numbers, like a list; Tab still leaves the table. */
  #onRowKeydown(event: KeyboardEvent) {
    const keys: Record<string, (index: number, last: number) => number> = {
      ArrowDown: (i, last) => Math.min(i + 1, last),
      ArrowUp: (i) => Math.max(i - 1, 0),
      Home: () => 0,
      End: (_, last) => last,
    }
    const move = keys[event.key]
    const row = (event.target as Element).closest('tr[data-index]')
    if (!move || !row) return
    event.preventDefault()
    const next = move(Number(row.getAttribute('data-index')), this.controller.items.length - 1)
    this.#numberButton(next)?.focus()
  }

  #numberButton(index: number): HTMLButtonElement | null | undefined {
    return this.renderRoot.querySelector<HTMLButtonElement>(
      `tr[data-index="${index}"] button.number`,
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
    'portico-invoice-select': InvoiceSelectEvent
    'portico-invoice-filter-change': InvoiceFilterChangeEvent
  }
}
