import type { OrderListMessages } from '../order-list.messages.js'

export const messages: OrderListMessages = {
  orderStatusAll: 'All',
  orders: 'Orders',
  columnOrder: 'Order',
  columnPlaced: 'Placed',
  columnPoNumber: 'Your PO',
  columnErpNumber: 'Supplier ref.',
  loadingOrders: 'Loading orders…',
  ordersEmpty: 'You have no orders yet.',
  ordersEmptyFiltered: 'No orders have this status.',
  ordersLoadError: 'We couldn’t load your orders.',
  ordersOffline: 'You’re offline. Your orders will load when the connection is back.',
  ordersForbidden: 'You don’t have permission to view orders.',
  ordersShown: (count) => (count === 1 ? '1 order' : `${count} orders`),
  loadedMoreOrders: (count) =>
    count === 1 ? '1 more order loaded' : `${count} more orders loaded`,
}
