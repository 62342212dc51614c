import type { OrderListMessages } from '../order-list.messages.js'

export const messages: OrderListMessages = {
  orderStatusAll: 'All',
  orders: 'Orders',
  columnOrder: 'Order',
  columnPlaced: 'Placed',
  columnPoNumber: 'Your PO',
  columnErpNumber: 'Supplier ref.',
  loading: 'Loading orders…',
  empty: 'You have no orders yet.',
  emptyFiltered: 'No orders have this status.',
  loadError: 'We couldn’t load your orders.',
  offline: 'You’re offline. Your orders will load when the connection is back.',
  forbidden: 'You don’t have permission to view orders.',
  loadMoreError: 'We couldn’t load more orders.',
  shown: (count) => (count === 1 ? '1 order' : `${count} orders`),
  loadedMore: (count) => (count === 1 ? '1 more order loaded' : `${count} more orders loaded`),
}
