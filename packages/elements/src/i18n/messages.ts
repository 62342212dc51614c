/**
 * Every string the elements show or announce. Each locale in `locales/`
 * implements this interface, so the compiler refuses a catalogue with a
 * missing key; `i18n.test.ts` checks the same at run time.
 *
 * Messages that depend on a count are functions, so each language applies
 * its own plural rules (French counts 0 as singular, Indonesian has none).
 */
export interface Messages {
  /** Caption of the invoice table. */
  invoices: string
  /** Label of the status filter. */
  statusFilter: string
  /** The filter option that shows every status. */
  statusAll: string
  statusOpen: string
  statusOverdue: string
  statusPaid: string
  statusVoid: string
  columnNumber: string
  columnIssueDate: string
  columnDueDate: string
  columnStatus: string
  columnTotal: string
  columnAmountDue: string
  loading: string
  /** Empty state without a filter. */
  empty: string
  /** Empty state while a filter is applied. */
  emptyFiltered: string
  loadError: string
  /** Shown instead of `loadError` when the browser reports no network. */
  offline: string
  /** Shown under an error so a person can quote it to support. */
  errorReference: (requestId: string) => string
  retry: string
  unauthorized: string
  forbidden: string
  loadMore: string
  loadingMore: string
  loadMoreError: string
  /** Live-region announcement after "load more". */
  loadedMore: (count: number) => string
  /** Number of rows currently shown (footer and filter announcements). */
  shown: (count: number) => string
}
