import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit'
import type { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { alertIcon, icon, lockIcon } from '../theme/icons.js'
import type { CursorListController, CursorListQuery } from './cursor-list.controller.js'
import type { CursorListMessages } from './cursor-list.messages.js'

/** The messages a list element renders with: the shared ones, its list states, its own. */
type ListMessages = SharedMessages & CursorListMessages

export interface CursorListViewOptions<Item, M extends ListMessages> {
  /** The list's data. */
  list: CursorListController<Item, CursorListQuery>
  /** The element's messages and formatters. */
  localize: LocalizeController<M>
  /** The picture of the empty state. */
  emptyIcon: TemplateResult<2>
  /** Whether a filter narrows the list, so the empty state says "none match". */
  filtered: () => boolean
  /** A row was activated (click, or Enter/Space on its number): the element dispatches its event. */
  onSelect: (item: Item) => void
  /** Columns of the table, for the skeleton's rows. Default 6. */
  columns?: number
}

/**
 * What a list element shows and how it behaves around its table, written
 * once for every list on a {@link CursorListController}: the frame with the
 * `header` slot and the element's filter, every state (loading skeleton,
 * empty with its `empty` slot, error with Retry and the request id, offline,
 * session expired, forbidden), the footer with the row count and "Load
 * more", the polite live region, retrying by itself when the browser comes
 * back online, and the keyboard between rows.
 *
 * The element renders its filter and its table. Its rows are
 * `<tr data-index=…>` with the row's number in a `<button class="number">`,
 * and its `<tbody>` hands clicks and keys to {@link selectRow} and
 * {@link moveFocus}.
 *
 * @example
 * ```ts
 * readonly #view = new CursorListView(this, { list: this.controller, localize: this.#localize, … })
 * render() {
 *   return this.#view.render({ toolbar: (t) => this.#renderFilter(t), table: (t) => this.#renderTable(t) })
 * }
 * ```
 */
export class CursorListView<Item, M extends ListMessages> implements ReactiveController {
  /** Text of the polite live region. */
  announcement = ''

  readonly #host: LitElement
  readonly #list: CursorListController<Item, CursorListQuery>
  readonly #localize: LocalizeController<M>
  readonly #options: CursorListViewOptions<Item, M>

  constructor(host: LitElement, options: CursorListViewOptions<Item, M>) {
    this.#host = host
    this.#list = options.list
    this.#localize = options.localize
    this.#options = options
    host.addController(this)
  }

  /**
   * The whole element: `toolbar` beside the header slot, and `table` once
   * rows have loaded — each given the messages, which they never lack: until
   * the messages have arrived, the view shows the skeleton alone.
   */
  render(parts: { toolbar: (t: M) => unknown; table: (t: M) => unknown }): TemplateResult {
    const t = this.#localize.messages
    const { state } = this.#list
    const busy = !t || state === 'loading' || state === 'idle'
    return html`
      <div part="base" class="frame base" lang=${this.#localize.locale} aria-busy=${busy}>
        <div part="toolbar" class="toolbar">
          <slot name="header"></slot>
          ${t ? parts.toolbar(t) : nothing}
        </div>
        ${t ? this.#renderBody(t, parts.table) : this.#renderSkeleton()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `
  }

  /** Says `text` in the polite live region. */
  announce(text: string): void {
    // A live region only speaks when its text changes: alternate a trailing
    // invisible character so the same sentence twice is still announced.
    this.announcement = this.announcement.endsWith('\u200b') ? text : `${text}\u200b`
    this.#host.requestUpdate()
  }

  /** After a filter change has loaded: says how many rows are shown now. */
  announceShown(): void {
    const t = this.#localize.messages
    const { state, items } = this.#list
    if (t && (state === 'ready' || state === 'empty')) this.announce(t.shown(items.length))
  }

  /** The `<tbody>`'s click handler: a click anywhere on a row selects it. */
  readonly selectRow = (event: MouseEvent): void => {
    const row = (event.target as Element).closest('tr[data-index]')
    const item = row && this.#list.items[Number(row.getAttribute('data-index'))]
    if (item) this.#options.onSelect(item)
  }

  /** The `<tbody>`'s keydown handler: arrow keys move between row numbers, like a list; Tab still leaves the table. */
  readonly moveFocus = (event: KeyboardEvent): void => {
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
    const next = move(Number(row.getAttribute('data-index')), this.#list.items.length - 1)
    this.#numberButton(next)?.focus()
  }

  /** @internal */
  hostConnected(): void {
    window.addEventListener('online', this.#onOnline)
  }

  /** @internal */
  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline)
  }

  #renderBody(t: M, table: (t: M) => unknown) {
    const { state, error } = this.#list
    switch (state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'empty':
        return html`
          <div part="empty" class="message">
            <slot name="empty">
              ${icon(this.#options.emptyIcon)}
              <p>${this.#options.filtered() ? t.emptyFiltered : t.empty}</p>
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
            <button part="retry" class="button button--primary" type="button" @click=${this.#retry}>
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
        return html`${table(t)}${this.#renderFooter(t)}`
    }
  }

  /** The loading placeholder, shaped like the table; without text while the messages load. */
  #renderSkeleton(t?: M) {
    const rows = Math.min(this.#list.query.pageSize, 6)
    const bones = Array.from(
      { length: this.#options.columns ?? 6 },
      () => html`<span class="bone"></span>`,
    )
    return html`
      <div part="skeleton" class="skeleton">
        ${t ? html`<span class="sr-only">${t.loading}</span>` : nothing}
        ${Array.from(
          { length: rows + 1 },
          () => html`<div class="skeleton-row" aria-hidden="true">${bones}</div>`,
        )}
      </div>
    `
  }

  #renderFooter(t: M) {
    const { items, loadingMore, loadMoreError, hasMore } = this.#list
    return html`
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
                  @click=${this.#loadMore}
                >
                  ${loadingMore ? t.loadingMore : t.loadMore}
                </button>
              `
            : nothing
        }
      </div>
    `
  }

  /** The last load failed without an answer while the browser reports no network. */
  get #isOffline(): boolean {
    return this.#list.error?.status === 0 && navigator.onLine === false
  }

  readonly #retry = () => void this.#list.retry()

  readonly #loadMore = async (event: Event) => {
    if (this.#list.loadingMore) return
    const button = event.currentTarget as HTMLElement
    const firstNew = this.#list.items.length
    const added = await this.#list.loadMore()
    if (!added) return
    const t = this.#localize.messages
    if (t) this.announce(t.loadedMore(added))
    await this.#host.updateComplete
    // The button disappears with the last page; keep focus in the table
    // instead of dropping it to <body>.
    if (!button.isConnected || !this.#list.hasMore) this.#numberButton(firstNew)?.focus()
  }

  /** Back online: try again what failed for want of a network. */
  readonly #onOnline = () => {
    const { state, error, loadMoreError } = this.#list
    if ((state === 'error' && error?.status === 0) || loadMoreError?.status === 0) {
      void this.#list.retry()
    }
  }

  #numberButton(index: number): HTMLButtonElement | null {
    return this.#host.renderRoot.querySelector<HTMLButtonElement>(
      `tr[data-index="${index}"] button.number`,
    )
  }
}
