import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { DocumentDownloadController } from '../documents/document-download.controller.js'
import { downloadStyles } from '../documents/document-download.styles.js'
import { downloadButton } from '../documents/document-download.view.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import { cursorListStyles } from '../list/cursor-list.styles.js'
import { CursorListView } from '../list/cursor-list.view.js'
import type { Contract, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles } from '../theme/base.styles.js'
import { documentIcon, icon, minusIcon, plusIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  ContractListController,
  contractStatusFilters,
  type ContractStatusFilter,
} from './contract-list.controller.js'
import { contractListCatalogue, type ContractListMessages } from './contract-list.messages.js'
import { contractListStyles } from './contract-list.styles.js'
import { daysUntil, renewalUrgency } from './renewal.js'

type Messages = SharedMessages & ContractListMessages

/** `detail` of the `portico-contract-select` event. */
export interface ContractSelectDetail {
  contract: Contract
}

export type ContractSelectEvent = CustomEvent<ContractSelectDetail>

/**
 * @summary The account's contracts, soonest renewal first: term, status,
 * renewal date with how many days are left (emphasised within the 60, 30 and
 * 7 days the reminders go out at) and whether it renews by itself, cost, the items behind a
 * disclosure, and the contract document's download.
 *
 * The download is `DocumentDownloadController`'s, the same as in
 * `<portico-document-center>`.
 *
 * @fires {ContractSelectEvent} portico-contract-select - A row was activated (click, or Enter/Space
 *   on its number). `detail: { contract }`.
 * @fires {DocumentDownloadEvent} portico-document-download - A link to the contract document was
 *   minted and is about to be followed. Cancelable, as in `<portico-document-center>`.
 *
 * @slot header - A heading shown above the table.
 * @slot empty - Replaces the message shown when there are no contracts.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The bar holding the header slot.
 * @csspart table - The `<table>`.
 * @csspart row - Each contract row.
 * @csspart contract-number - The contract number button that selects a row.
 * @csspart status-badge - Each status badge; also `status-badge-active`, `-cancelled`, `-expired`.
 * @csspart renewal - The renewal date and days left; also `renewal-due-60`, `-due-30`, `-due-7`.
 * @csspart items-toggle - The button that shows or hides a contract's items.
 * @csspart items - The items table of a contract.
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
 * @cssprop --portico-color-muted - Headers, terms, counts.
 * @cssprop --portico-color-surface - Background.
 * @cssprop --portico-color-border - Frame and rules.
 * @cssprop --portico-color-danger - A renewal within 7 days; errors.
 * @cssprop --portico-color-warning - A renewal within 30 days.
 * @cssprop --portico-color-success - Active badges.
 * @cssprop --portico-radius - Corner radius of the frame, badges and buttons.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-font-size-sm - Table, buttons, badges.
 */
export class PorticoContractList extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    cursorListStyles(48),
    downloadStyles,
    contractListStyles,
  ]

  /** Show only contracts with this status; `all` shows every status. */
  @property({ reflect: true }) status: ContractStatusFilter = 'all'

  /** Rows loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  /** The day "renews in N days" counts from; today unless a story or test sets it. */
  @property({ attribute: false }) today?: Date

  /** What the surrounding `<portico-provider>` provides, if there is one. */
  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `items`, `nextCursor` from it. */
  readonly controller = new ContractListController(this)

  /** The download logic, shared with `<portico-document-center>`. */
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

  /** IDs of the contracts whose items are shown. */
  @state() protected expanded: ReadonlySet<string> = new Set()

  readonly #localize = new LocalizeController(this, {
    catalogue: contractListCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  readonly #view = new CursorListView(this, {
    list: this.controller,
    localize: this.#localize,
    emptyIcon: documentIcon,
    filtered: () => this.controller.query.status !== 'all',
    columns: 6,
    onSelect: (contract) =>
      this.dispatchEvent(
        new CustomEvent<ContractSelectDetail>('portico-contract-select', {
          detail: { contract },
          bubbles: true,
          composed: true,
        }),
      ),
  })

  protected override willUpdate(_changed: PropertyValues<this>): void {
    void this.controller.configure({
      client: this.client ?? this.portico?.client,
      status: contractStatusFilters.includes(this.status) ? this.status : 'all',
      pageSize: clampPageSize(this.pageSize),
    })
  }

  protected override render() {
    return this.#view.render({
      toolbar: () => nothing,
      table: (t) => this.#renderTable(t),
    })
  }

  #renderTable(t: Messages) {
    return html`
      <div class="scroll">
        <table part="table" role="table">
          <caption class="sr-only">
            ${t.contracts}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${t.columnContract}</th>
              <th role="columnheader" scope="col">${t.columnTerm}</th>
              <th role="columnheader" scope="col">${t.columnStatus}</th>
              <th role="columnheader" scope="col">${t.columnRenewal}</th>
              <th role="columnheader" scope="col" class="num">${t.columnPeriodTotal}</th>
              <th role="columnheader" scope="col">${t.columnDocument}</th>
            </tr>
          </thead>
          <tbody role="rowgroup" @click=${this.#view.selectRow} @keydown=${this.#view.moveFocus}>
            ${this.controller.items.map((contract, index) => this.#renderContract(t, contract, index))}
          </tbody>
        </table>
      </div>
    `
  }

  #renderContract(t: Messages, contract: Contract, index: number) {
    const l = this.#localize
    const open = this.expanded.has(contract.id)
    const itemsId = `items-${index}`
    return html`
      <tr part="row" role="row" data-index=${index} class=${open ? 'row--open' : ''}>
        <th role="rowheader" scope="row" class="cell--contract">
          <button id="contract-${index}" class="number link" part="contract-number" type="button">
            ${contract.number}
          </button>
          <span class="contract-title">${contract.title}</span>
          <button
            part="items-toggle"
            class="items-toggle link"
            type="button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${itemsId}
            @click=${(event: Event) => this.#toggle(event, contract.id)}
          >
            ${icon(open ? minusIcon : plusIcon)} ${t.showItems(contract.items.length)}
          </button>
        </th>
        <td role="cell" class="muted cell--term">
          ${t.term(l.date(contract.termStart), l.date(contract.termEnd))}
        </td>
        <td role="cell" class="cell--status">
          <span
            part="status-badge status-badge-${contract.status}"
            class="badge badge--${contract.status}"
            >${t.contractStatuses[contract.status]}</span
          >
        </td>
        <td role="cell" class="cell--renewal">${this.#renderRenewal(t, contract)}</td>
        <td role="cell" class="num cell--total">
          ${t.perPeriod[contract.billingPeriod](l.money(contract.periodTotal, contract.currency))}
        </td>
        <td role="cell" class="cell--document">
          ${
            contract.document
              ? downloadButton(t, this.downloads, contract.document, `contract-${index}`)
              : html`<span class="muted">${t.noDocument}</span>`
          }
        </td>
      </tr>
      <tr role="row" class="items-row" id=${itemsId} ?hidden=${!open}>
        <td role="cell" colspan="6">${open ? this.#renderItems(t, contract) : nothing}</td>
      </tr>
    `
  }

  #renderRenewal(t: Messages, contract: Contract) {
    const l = this.#localize
    const days = daysUntil(contract.renewalDate, this.today ?? new Date())
    const urgency = renewalUrgency(contract, days)
    const near = urgency !== 'none' && urgency !== 'later'
    return html`
      <span part="renewal ${near ? `renewal-${urgency}` : ''}" class="renewal renewal--${urgency}">
        <span class="renewal-date">${l.date(contract.renewalDate)}</span>
        ${
          urgency !== 'none'
            ? html`<span class="renewal-days"
                >${contract.autoRenew ? t.renewsIn(days) : t.endsIn(days)}</span
              >`
            : nothing
        }
        <span class="renewal-auto muted"
          >${contract.autoRenew ? t.autoRenewOn : t.autoRenewOff}</span
        >
        ${
          near
            ? html`<span class="renewal-notice muted"
                >${t.noticeBy(l.date(contract.noticeDeadline))}</span
              >`
            : nothing
        }
      </span>
    `
  }

  #renderItems(t: Messages, contract: Contract) {
    const l = this.#localize
    return html`
      <table part="items" class="items">
        <caption class="sr-only">
          ${t.items} ${contract.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.columnProduct}</th>
            <th scope="col" class="num">${t.columnQuantity}</th>
            <th scope="col" class="num">${t.columnUnitPrice}</th>
            <th scope="col" class="num">${t.columnAmount}</th>
          </tr>
        </thead>
        <tbody>
          ${contract.items.map(
            (item) => html`
              <tr>
                <th scope="row">
                  ${item.description}
                  ${item.sku ? html`<span class="muted sku">${item.sku}</span>` : nothing}
                </th>
                <td class="num">${l.number(item.quantity)} ${item.unit}</td>
                <td class="num">${l.money(item.unitPrice, contract.currency)}</td>
                <td class="num">${l.money(item.amount, contract.currency)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `
  }

  #toggle(event: Event, id: string) {
    // The row's own click handler would select the contract too.
    event.stopPropagation()
    const next = new Set(this.expanded)
    if (!next.delete(id)) next.add(id)
    this.expanded = next
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-contract-select': ContractSelectEvent
  }
}
