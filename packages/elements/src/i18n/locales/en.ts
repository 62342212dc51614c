import type { SharedMessages } from '../shared.messages.js'

export const messages: SharedMessages = {
  retry: 'Retry',
  errorReference: (requestId) => `Reference: ${requestId}`,
  unauthorized: 'Your session has expired — sign in again.',
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  statusFilter: 'Status',
  columnStatus: 'Status',
  columnTotal: 'Total',
  optional: 'optional',

  statusOpen: 'Open',
  statusPartiallyPaid: 'Partly paid',
  statusOverdue: 'Overdue',
  statusPaid: 'Paid',
  statusVoid: 'Void',

  orderPlaced: 'Placed',
  orderConfirmed: 'Confirmed',
  orderInProduction: 'In production',
  orderPartiallyShipped: 'Partially shipped',
  orderShipped: 'Shipped',
  orderDelivered: 'Delivered',
  orderCancelled: 'Cancelled',
  orderRejected: 'Rejected',
  orderNowStatus: (number, status) => `Order ${number} is now: ${status}.`,

  items: 'Items',
  columnProduct: 'Product',
  columnUnitPrice: 'Unit price',
  columnAmount: 'Amount',
  subtotal: 'Subtotal',
  poNumber: 'Your PO number',
  requestedDate: 'Requested delivery date',
  noteForSupplier: 'Note for your supplier',
  deliveryAddress: 'Delivery address',
}
