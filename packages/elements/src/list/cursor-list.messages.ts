/**
 * What every list element says about its rows, each in its own words
 * ("invoices", "orders"): a list's catalogue extends this interface, and
 * `CursorListView` renders the states with it.
 */
export interface CursorListMessages {
  /** Accessible text of the loading skeleton. */
  loading: string
  /** Empty state without a filter. */
  empty: string
  /** Empty state while a filter is applied. */
  emptyFiltered: string
  loadError: string
  /** Shown instead of `loadError` when the browser reports no network. */
  offline: string
  /** 403: the role may not see these rows. */
  forbidden: string
  /** Under the rows when "Load more" failed; the rows loaded stay. */
  loadMoreError: string
  /** Live-region announcement after "Load more". */
  loadedMore: (count: number) => string
  /** Number of rows currently shown (footer and filter announcements). */
  shown: (count: number) => string
}
