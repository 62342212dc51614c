import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { clampPageSize } from '../list/cursor-list.controller.js'
import { cursorListStyles } from '../list/cursor-list.styles.js'
import { CursorListView } from '../list/cursor-list.view.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import type { ActivityItem, PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { baseStyles, fieldStyles } from '../theme/base.styles.js'
import { alertIcon, boxIcon, cardIcon, commentIcon, icon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  ActivityFeedController,
  activityKindFilters,
  type ActivityKind,
  type ActivityKindFilter,
} from './activity-feed.controller.js'
import { activityFeedCatalogue, type ActivityFeedMessages } from './activity-feed.messages.js'
import { activityFeedStyles } from './activity-feed.styles.js'

type Messages = SharedMessages & ActivityFeedMessages

/** `detail` of `portico-activity-select`. */
export interface ActivitySelectDetail {
  item: ActivityItem
}

export type ActivitySelectEvent = CustomEvent<ActivitySelectDetail>

/** Where an entry links to, or `null` for none: the host decides. */
export type ActivityLinkFor = (item: ActivityItem) => string | null | undefined

const kindIcons: Record<ActivityKind, TemplateResult<2>> = {
  order: boxIcon,
  // A payment's entry may tell a failure: a card, not a tick.
  payment: cardIcon,
  case: alertIcon,
  comment: commentIcon,
}

/**
 * @summary What happened in the account, newest first and grouped by day:
 * orders placed and shipped, payments, cases raised and moved on, replies;
 * each with its kind, a sentence, the summary and the time. Filters by
 * kind, pages with a cursor and loads the first page again when something
 * new happens.
 *
 * The credential needs `events:read`; each kind shows only with the
 * permission of its own page. The data logic is `ActivityFeedController`.
 *
 * Entries link nowhere unless the host says where: set `linkFor`
 * (`(item) => url | null`). Activating a linked entry fires
 * `portico-activity-select`; cancel it to navigate yourself.
 *
 * @fires {ActivitySelectEvent} portico-activity-select - A linked entry was activated. `detail: { item }`.
 *   Cancelable; bubbles and crosses shadow roots.
 *
 * @slot header - A heading shown left of the filter.
 * @slot empty - Replaces the message shown when there is no activity.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - Header slot and filter.
 * @csspart filter - The kind `<select>`.
 * @csspart timeline - The list of days.
 * @csspart day - Each day; `day-heading` is its date.
 * @csspart entry - Each entry; also `entry-<kind>`.
 * @csspart kind - The kind label and icon of an entry.
 * @csspart sentence - What happened; a link when the host gave one.
 * @csspart summary - The summary text.
 * @csspart time - The time of day.
 * @csspart load-more - The "Load more" button.
 *
 * @cssprop --portico-color-primary - Links, buttons.
 * @cssprop --portico-color-danger - Errors.
 * @cssprop --portico-color-border - Frame and rules.
 * @cssprop --portico-font-family - Font of every text.
 */
export class PorticoActivityFeed extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    cursorListStyles(40),
    activityFeedStyles,
  ]

  @property({ reflect: true }) kind: ActivityKindFilter = 'all'
  /** Entries loaded per request (1–100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'
  @property() locale?: string
  @property({ attribute: false }) client?: PortalClient
  /** Where an entry links to; without it entries are plain text. */
  @property({ attribute: false }) linkFor?: ActivityLinkFor

  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  readonly controller = new ActivityFeedController(this)

  readonly #live = new LiveEventsController(this, {
    types: ['order.*', 'payment.*', 'case.*'],
    onEvent: () => void this.controller.refresh(),
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: activityFeedCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  readonly #view = new CursorListView(this, {
    list: this.controller,
    localize: this.#localize,
    emptyIcon: boxIcon,
    columns: 3,
    filtered: () => this.controller.query.kind !== 'all',
    onSelect: (item) => this.#select(item),
  })

  get liveState(): LiveState {
    return this.#live.state
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.client ?? this.portico?.client
    void this.controller.configure({
      client,
      kind: activityKindFilters.includes(this.kind) ? this.kind : 'all',
      pageSize: clampPageSize(this.pageSize),
    })
    this.#live.configure(client, this.liveUpdates !== 'off')
  }

  protected override render() {
    return this.#view.render({
      toolbar: (t) => this.#renderFilter(t),
      table: (t) => this.#renderTimeline(t),
    })
  }

  #renderFilter(t: Messages) {
    const { kind } = this.controller.query
    return html`<div class="filters">
      <label class="label" for="kind">${t.kindFilter}</label>
      <select part="filter" id="kind" class="input" @change=${this.#filter}>
        ${activityKindFilters.map(
          (k) => html`<option value=${k} ?selected=${k === kind}>${t.kinds[k]}</option>`,
        )}
      </select>
    </div>`
  }

  #renderTimeline(t: Messages) {
    const locale = this.#localize.locale
    const days = groupByDay(this.controller.items)
    const heading = new Intl.DateTimeFormat(locale, { dateStyle: 'full' })
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' })
    return html`<ol part="timeline" class="timeline" aria-label=${t.activity}>
      ${days.map(
        (day, d) =>
          html`<li part="day" class="day">
            <span part="day-heading" class="day-heading" id="day-${d}"
              >${heading.format(day.date)}</span
            >
            <ol class="entries" aria-labelledby="day-${d}">
              ${day.items.map((item) => this.#renderEntry(t, item, time))}
            </ol>
          </li>`,
      )}
    </ol>`
  }

  #renderEntry(t: Messages, item: ActivityItem, time: Intl.DateTimeFormat) {
    const l = this.#localize
    const sentence = t.sentence(
      item.action,
      item.subject.label,
      item.amount ? l.money(item.amount.value, item.amount.currency) : null,
      item.actor.kind,
      item.actor.name,
    )
    const href = this.linkFor?.(item)
    return html`<li part="entry entry-${item.kind}" class="entry entry--${item.kind}">
      <span part="kind" class="kind">${icon(kindIcons[item.kind])}${t.kinds[item.kind]}</span>
      <p class="sentence" part="sentence">
        ${
          href
            ? html`<a class="link" href=${href} @click=${(e: Event) => this.#follow(e, item)}
                >${sentence}</a
              >`
            : sentence
        }
      </p>
      ${
        item.summary && item.summary !== sentence
          ? html`<p part="summary" class="summary">${item.summary}</p>`
          : nothing
      }
      <time part="time" class="time" datetime=${item.occurredAt}
        >${time.format(new Date(item.occurredAt))}</time
      >
    </li>`
  }

  #follow(event: Event, item: ActivityItem) {
    if (!this.#select(item)) event.preventDefault()
  }

  /** Fires `portico-activity-select`; false when the host cancelled it. */
  #select(item: ActivityItem): boolean {
    return this.dispatchEvent(
      new CustomEvent<ActivitySelectDetail>('portico-activity-select', {
        detail: { item },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    )
  }

  readonly #filter = async (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as ActivityKindFilter
    this.kind = value
    await this.controller.configure({ kind: value })
    this.#view.announceShown()
  }
}

/** Consecutive entries of the same local day, in feed order. */
function groupByDay(items: readonly ActivityItem[]) {
  const days: { key: string; date: Date; items: ActivityItem[] }[] = []
  for (const item of items) {
    const date = new Date(item.occurredAt)
    const key = `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
    const last = days.at(-1)
    if (last?.key === key) last.items.push(item)
    else days.push({ key, date, items: [item] })
  }
  return days
}

declare global {
  interface HTMLElementEventMap {
    'portico-activity-select': ActivitySelectEvent
  }
}
