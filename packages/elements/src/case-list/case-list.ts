import { consume } from '@lit/context'
import { html, LitElement, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { caseBadgeStyles, caseStatusBadge, caseSyncBadge } from '../cases/case-badges.js'
import { slaLines } from '../cases/case-sla.js'
import type { CaseVocabularyMessages } from '../cases/case-vocabulary.messages.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import { cursorListStyles } from '../list/cursor-list.styles.js'
import { CursorListView } from '../list/cursor-list.view.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import type { CaseSummary, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles, fieldStyles } from '../theme/base.styles.js'
import { boxIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  caseCategoryFilters,
  CaseListController,
  caseStatusFilters,
  type CaseCategoryFilter,
  type CaseStatusFilter,
} from './case-list.controller.js'
import { caseListCatalogue, type CaseListMessages } from './case-list.messages.js'
import { caseListStyles } from './case-list.styles.js'

type Messages = SharedMessages & CaseVocabularyMessages & CaseListMessages

/** `detail` of `portico-case-select`. */
export interface CaseSelectDetail {
  case: CaseSummary
}

export type CaseSelectEvent = CustomEvent<CaseSelectDetail>

/**
 * @summary The account's support cases: number, subject, category, status,
 * priority, the SLA due next (overdue ones emphasised, paused ones said so) and the CRM sync
 * state; filters by status and category, or by the order / invoice a case
 * is about; pages with a cursor and stays current over live updates.
 *
 * The credential needs `cases:read` (and `events:read` for live updates).
 * The data logic is `CaseListController`.
 *
 * @fires {CaseSelectEvent} portico-case-select - A row was activated. `detail: { case }`.
 *   Bubbles and crosses shadow roots.
 *
 * @slot header - A heading shown left of the filters.
 * @slot empty - Replaces the message shown when there are no cases.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - Header slot and filters.
 * @csspart filter - Each filter `<select>`.
 * @csspart table - The `<table>`.
 * @csspart row - Each row.
 * @csspart case-number - The case number button of a row.
 * @csspart status-badge - A status badge; also `status-badge-<status>`.
 * @csspart sync-badge - "Syncing with CRM".
 * @csspart sla - The SLA cell; also `sla-breached`, or `sla-paused` while the case waits on
 *   the customer's reply.
 * @csspart load-more - The "Load more" button.
 *
 * @cssprop --portico-color-primary - Links, buttons.
 * @cssprop --portico-color-danger - Overdue SLAs, errors.
 * @cssprop --portico-color-border - Frame and rules.
 * @cssprop --portico-font-family - Font of every text.
 */
export class PorticoCaseList extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    cursorListStyles(40),
    caseBadgeStyles,
    caseListStyles,
  ]

  @property({ reflect: true }) status: CaseStatusFilter = 'all'
  @property({ reflect: true }) category: CaseCategoryFilter = 'all'
  /** Only the cases about this order. */
  @property({ attribute: 'order-id' }) orderId?: string
  /** Only the cases about this invoice. */
  @property({ attribute: 'invoice-id' }) invoiceId?: string
  /** Rows loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'
  @property() locale?: string
  @property({ attribute: false }) client?: PortalClient

  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  readonly controller = new CaseListController(this)

  readonly #live = new LiveEventsController(this, {
    types: ['case.*'],
    onEvent: async (event) => {
      const before = this.controller.items.find((c) => c.id === event.subjectId)
      const changed = await this.controller.applyEvent(event)
      const t = this.#localize.messages
      if (t && changed && before && before.status !== changed.status)
        this.#view.announce(t.caseNowStatus(changed.number, t.caseStatuses[changed.status]))
    },
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: caseListCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  readonly #view = new CursorListView(this, {
    list: this.controller,
    localize: this.#localize,
    emptyIcon: boxIcon,
    filtered: () =>
      this.controller.query.status !== 'all' || this.controller.query.category !== 'all',
    onSelect: (supportCase) =>
      this.dispatchEvent(
        new CustomEvent<CaseSelectDetail>('portico-case-select', {
          detail: { case: supportCase },
          bubbles: true,
          composed: true,
        }),
      ),
  })

  get liveState(): LiveState {
    return this.#live.state
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.client ?? this.portico?.client
    void this.controller.configure({
      client,
      status: caseStatusFilters.includes(this.status) ? this.status : 'all',
      category: caseCategoryFilters.includes(this.category) ? this.category : 'all',
      orderId: this.orderId || undefined,
      invoiceId: this.invoiceId || undefined,
      pageSize: clampPageSize(this.pageSize),
    })
    this.#live.configure(client, this.liveUpdates !== 'off')
  }

  protected override render() {
    return this.#view.render({
      toolbar: (t) => this.#renderFilters(t),
      table: (t) => this.#renderTable(t),
    })
  }

  #renderFilters(t: Messages) {
    const { status, category } = this.controller.query
    return html`<div class="filters">
      <label class="label" for="status">${t.statusFilter}</label>
      <select
        part="filter"
        id="status"
        class="input"
        @change=${(e: Event) => this.#filter('status', e)}
      >
        ${caseStatusFilters.map(
          (s) =>
            html`<option value=${s} ?selected=${s === status}>
              ${s === 'all' ? t.caseFilterAll : t.caseStatuses[s]}
            </option>`,
        )}
      </select>
      <label class="label" for="category">${t.categoryFilter}</label>
      <select
        part="filter"
        id="category"
        class="input"
        @change=${(e: Event) => this.#filter('category', e)}
      >
        ${caseCategoryFilters.map(
          (c) =>
            html`<option value=${c} ?selected=${c === category}>
              ${c === 'all' ? t.caseFilterAll : t.categories[c]}
            </option>`,
        )}
      </select>
    </div>`
  }

  #renderTable(t: Messages) {
    const l = this.#localize
    return html`<div class="scroll">
      <table part="table" role="table">
        <caption class="sr-only">
          ${t.cases}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${t.columnCase}</th>
            <th role="columnheader" scope="col">${t.subject}</th>
            <th role="columnheader" scope="col">${t.columnStatus}</th>
            <th role="columnheader" scope="col" class="cell--category">${t.category}</th>
            <th role="columnheader" scope="col" class="cell--priority">${t.priority}</th>
            <th role="columnheader" scope="col">${t.columnDue}</th>
          </tr>
        </thead>
        <tbody role="rowgroup" @click=${this.#view.selectRow} @keydown=${this.#view.moveFocus}>
          ${this.controller.items.map((c, index) => {
            const next = slaLines(t, c, l.locale)[0]
            return html`<tr part="row" role="row" data-index=${index}>
              <th role="rowheader" scope="row">
                <button class="number link" part="case-number" type="button">${c.number}</button>
              </th>
              <td role="cell"><span class="subject">${c.subject}</span></td>
              <td role="cell">
                <span class="badges"
                  >${caseStatusBadge(t, c.status)} ${caseSyncBadge(t, c.syncStatus)}</span
                >
              </td>
              <td role="cell" class="cell--category">${t.categories[c.category]}</td>
              <td role="cell" class="cell--priority">${t.priorities[c.priority]}</td>
              <td role="cell">
                ${
                  next
                    ? html`<span
                        part="sla ${next.breached ? 'sla-breached' : next.paused ? 'sla-paused' : ''}"
                        class="sla ${next.breached ? 'sla--breached' : ''}"
                        >${next.text}</span
                      >`
                    : html`<span class="muted" aria-hidden="true">—</span>`
                }
              </td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>`
  }

  async #filter(which: 'status' | 'category', event: Event) {
    const value = (event.target as HTMLSelectElement).value
    if (which === 'status') this.status = value as CaseStatusFilter
    else this.category = value as CaseCategoryFilter
    await this.controller.configure({ [which]: value })
    this.#view.announceShown()
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-case-select': CaseSelectEvent
  }
}
