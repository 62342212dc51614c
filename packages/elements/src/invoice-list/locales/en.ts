import type { InvoiceListMessages } from '../invoice-list.messages.js'

export const messages: InvoiceListMessages = {
  invoices: 'Invoices',
  statusAll: 'All',
  columnNumber: 'Number',
  columnIssueDate: 'Issue date',
  columnDueDate: 'Due date',
  columnAmountDue: 'Amount due',
  loading: 'Loading invoices…',
  empty: 'You have no invoices yet.',
  emptyFiltered: 'No invoices match this filter.',
  loadError: 'We couldn’t load your invoices.',
  offline: 'You’re offline. Your invoices will load when the connection is back.',
  forbidden: 'You don’t have permission to view invoices.',
  loadMoreError: 'We couldn’t load more invoices.',
  loadedMore: (count) => (count === 1 ? '1 more invoice loaded' : `${count} more invoices loaded`),
  shown: (count) => (count === 1 ? '1 invoice' : `${count} invoices`),
}
