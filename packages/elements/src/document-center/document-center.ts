import { consume } from '@lit/context'
import { html, LitElement, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { DocumentDownloadController } from '../documents/document-download.controller.js'
import { downloadButton } from '../documents/document-download.view.js'
import { downloadStyles } from '../documents/document-download.styles.js'
import { fileSize } from '../documents/file-size.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import { cursorListStyles } from '../list/cursor-list.styles.js'
import { CursorListView } from '../list/cursor-list.view.js'
import type { PortalClient, PortalDocument } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles, fieldStyles } from '../theme/base.styles.js'
import { documentIcon, icon, searchIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  DocumentListController,
  documentTypeFilters,
  type DocumentTypeFilter,
} from './document-center.controller.js'
import { documentCenterCatalogue, type DocumentCenterMessages } from './document-center.messages.js'
import { documentCenterStyles } from './document-center.styles.js'

type Messages = SharedMessages & DocumentCenterMessages

/** `detail` of the `portico-document-select` event. */
export interface DocumentSelectDetail {
  document: PortalDocument
}

/** `detail` of the `portico-document-filter-change` event. */
export interface DocumentFilterChangeDetail {
  type: DocumentTypeFilter
  search: string
}

export type DocumentSelectEvent = CustomEvent<DocumentSelectDetail>
export type DocumentFilterChangeEvent = CustomEvent<DocumentFilterChangeDetail>

/** How long typing may pause before the search runs: one request per word, not per key. */
const SEARCH_DELAY_MS = 300

/**
 * @summary The account's documents — tax invoices, delivery orders,
 * certificates, contracts — with a type filter, a search, "Load more", and a
 * download button on each, every state designed.
 *
 * Embed it on an order or invoice page with `order-id` / `invoice-id` to list
 * only that order's or invoice's documents. Downloads go through
 * `DocumentDownloadController`: a signed link is minted, announced and
 * followed; the file arrives as the browser's download.
 *
 * @fires {DocumentSelectEvent} portico-document-select - A row was activated (click, or Enter/Space
 *   on its title). Cancelable: unless a listener calls `preventDefault()`, the document downloads.
 * @fires {DocumentDownloadEvent} portico-document-download - A link was minted and is about to be
 *   followed. `detail: { document, url, expiresAt }`. Cancelable: `preventDefault()` to handle the
 *   link yourself.
 * @fires {DocumentFilterChangeEvent} portico-document-filter-change - The person changed the type
 *   filter or the search. `detail: { type, search }`.
 *
 * @slot header - A heading shown left of the filters.
 * @slot empty - Replaces the message shown when there are no documents at all.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The bar holding the header slot and the filters.
 * @csspart filter - The type `<select>`.
 * @csspart search - The search `<input>`.
 * @csspart table - The `<table>`.
 * @csspart row - Each document row.
 * @csspart document-title - The title button of a row.
 * @csspart type - Each type label.
 * @csspart download - Each download button.
 * @csspart download-error - Why a download failed, beside its button.
 * @csspart footer - The bar under the table with the row count and load more.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error, unauthorized and forbidden states.
 * @csspart retry - The "Retry" button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Links, buttons, focus rings.
 * @cssprop --portico-color-text - Body text.
 * @cssprop --portico-color-muted - Headers, dates, sizes, counts.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame, rules, inputs.
 * @cssprop --portico-color-danger - Errors.
 * @cssprop --portico-radius - Corner radius of the frame, buttons and inputs.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Table, buttons, inputs.
 * @cssprop --portico-space-2 - Cell padding (block).
 * @cssprop --portico-space-4 - Cell padding (inline), frame padding.
 */
export class PorticoDocumentCenter extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    cursorListStyles(40),
    downloadStyles,
    documentCenterStyles,
  ]

  /** Only documents attached to this order. */
  @property({ attribute: 'order-id' }) orderId?: string

  /** Only documents attached to this invoice. */
  @property({ attribute: 'invoice-id' }) invoiceId?: string

  /** Only documents attached to this contract. */
  @property({ attribute: 'contract-id' }) contractId?: string

  /** Show only documents of this type; `all` shows every type. */
  @property({ reflect: true }) type: DocumentTypeFilter = 'all'

  /** Search in titles and file names (a document number); empty for none. */
  @property() search = ''

  /** Rows loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `items`, `nextCursor` from it. */
  readonly controller = new DocumentListController(this)

  /** The download logic, shared with `<portico-contract-list>`. */
  readonly downloads = new DocumentDownloadController(this, {
    client: () => this.controller.client,
    onStatus: (document, status) => {
      const t = this.#localize.messages
      if (!t) return
      if (status.phase === 'preparing')
        this.#view.announce(t.downloadPreparingAnnouncement(document.title))
      else if (status.phase === 'started') this.#view.announce(t.downloadStarted(document.title))
      else if (status.failure) this.#view.announce(t.downloadFailed[status.failure](document.title))
    },
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: documentCenterCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  readonly #view = new CursorListView(this, {
    list: this.controller,
    localize: this.#localize,
    emptyIcon: documentIcon,
    filtered: () => this.controller.filtered,
    columns: 6,
    onSelect: (document) => {
      const proceed = this.dispatchEvent(
        new CustomEvent<DocumentSelectDetail>('portico-document-select', {
          detail: { document },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      )
      if (proceed) void this.downloads.download(document)
    },
  })

  #searchTimer: ReturnType<typeof setTimeout> | undefined

  protected override willUpdate(_changed: PropertyValues<this>): void {
    void this.controller.configure({
      client: this.client ?? this.portico?.client,
      pageSize: clampPageSize(this.pageSize),
      type: documentTypeFilters.includes(this.type) ? this.type : 'all',
      search: this.search.trim().slice(0, 100),
      orderId: this.orderId || undefined,
      invoiceId: this.invoiceId || undefined,
      contractId: this.contractId || undefined,
    })
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.#searchTimer)
  }

  protected override render() {
    return this.#view.render({
      toolbar: (t) => this.#renderFilters(t),
      table: (t) => this.#renderTable(t),
    })
  }

  #renderFilters(t: Messages) {
    const current = this.controller.query.type
    return html`
      <div class="filters">
        <div class="filter-field">
          <label class="label" for="search">${t.searchLabel}</label>
          <span class="search">
            ${icon(searchIcon, 'search-icon')}
            <input
              part="search"
              id="search"
              class="input"
              type="search"
              maxlength="100"
              autocomplete="off"
              placeholder=${t.searchPlaceholder}
              .value=${this.search}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKey}
            />
          </span>
        </div>
        <div class="filter-field">
          <label class="label" for="type">${t.typeFilter}</label>
          <select part="filter" id="type" class="input" @change=${this.#onTypeChange}>
            ${documentTypeFilters.map(
              (type) => html`
                <option value=${type} ?selected=${type === current}>
                  ${type === 'all' ? t.typeAll : t.types[type]}
                </option>
              `,
            )}
          </select>
        </div>
      </div>
    `
  }

  #renderTable(t: Messages) {
    const l = this.#localize
    return html`
      <div class="scroll">
        <table part="table" role="table">
          <caption class="sr-only">
            ${t.documents}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${t.columnTitle}</th>
              <th role="columnheader" scope="col">${t.columnType}</th>
              <th role="columnheader" scope="col">${t.columnRelated}</th>
              <th role="columnheader" scope="col">${t.columnDate}</th>
              <th role="columnheader" scope="col" class="num">${t.columnSize}</th>
              <th role="columnheader" scope="col"><span class="sr-only">${t.download}</span></th>
            </tr>
          </thead>
          <tbody role="rowgroup" @click=${this.#view.selectRow} @keydown=${this.#view.moveFocus}>
            ${this.controller.items.map(
              (document, index) => html`
                <tr part="row" role="row" data-index=${index}>
                  <th role="rowheader" scope="row" class="cell--title">
                    <button
                      id="title-${index}"
                      class="number link"
                      part="document-title"
                      type="button"
                    >
                      ${document.title}
                    </button>
                    <span class="file-name muted">${document.fileName}</span>
                  </th>
                  <td role="cell" class="cell--type">
                    <span part="type" class="type">${t.types[document.type]}</span>
                  </td>
                  <td role="cell" class="muted cell--related">${this.#related(t, document)}</td>
                  <td role="cell" class="muted cell--date">
                    ${
                      document.documentDate
                        ? l.date(document.documentDate)
                        : l.instant(document.createdAt)
                    }
                  </td>
                  <td role="cell" class="num muted cell--size">
                    ${fileSize(l.locale, document.sizeBytes)}
                  </td>
                  <td role="cell" class="cell--download">
                    ${downloadButton(t, this.downloads, document, `title-${index}`)}
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `
  }

  /**
   * What the document belongs to, by the number people know it by; the ID
   * (in full in the tooltip) only when the API did not name one.
   */
  #related(t: Messages, document: PortalDocument) {
    const relations = [
      [t.relatedOrder, document.orderId, document.orderNumber],
      [t.relatedInvoice, document.invoiceId, document.invoiceNumber],
      [t.relatedContract, document.contractId, document.contractNumber],
    ] as const
    const shown = relations.filter(([, id]) => id)
    if (!shown.length) return html`<span aria-hidden="true">—</span>`
    return shown.map(
      ([label, id, number]) =>
        html`<span class="relation"
          >${label} <span class="ref" title=${id!}>${number ?? id}</span></span
        >`,
    )
  }

  readonly #onTypeChange = async (event: Event) => {
    const type = (event.target as HTMLSelectElement).value as DocumentTypeFilter
    this.type = type
    this.#filterChanged()
    // Configured before the update the property change schedules, so this
    // call is the one that loads, and resolves when it has.
    await this.controller.configure({ type })
    if (this.controller.query.type === type) this.#view.announceShown()
  }

  readonly #onSearchInput = (event: Event) => {
    const value = (event.target as HTMLInputElement).value
    clearTimeout(this.#searchTimer)
    this.#searchTimer = setTimeout(() => void this.#runSearch(value), SEARCH_DELAY_MS)
  }

  readonly #onSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return
    clearTimeout(this.#searchTimer)
    void this.#runSearch((event.target as HTMLInputElement).value)
  }

  async #runSearch(value: string) {
    if (value.trim() === this.controller.query.search) return
    this.search = value
    this.#filterChanged()
    const search = value.trim().slice(0, 100)
    await this.controller.configure({ search })
    // Unless a newer search superseded this one, say how many rows it found.
    if (this.controller.query.search === search) this.#view.announceShown()
  }

  #filterChanged() {
    this.dispatchEvent(
      new CustomEvent<DocumentFilterChangeDetail>('portico-document-filter-change', {
        detail: { type: this.type, search: this.search.trim() },
        bubbles: true,
        composed: true,
      }),
    )
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-document-select': DocumentSelectEvent
    'portico-document-filter-change': DocumentFilterChangeEvent
  }
}
