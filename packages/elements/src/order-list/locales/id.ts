import type { OrderListMessages } from '../order-list.messages.js'

// Indonesian nouns do not inflect for number.
export const messages: OrderListMessages = {
  orderStatusAll: 'Semua',
  orders: 'Pesanan',
  columnOrder: 'Pesanan',
  columnPlaced: 'Tanggal pesan',
  columnPoNumber: 'No. PO Anda',
  columnErpNumber: 'Ref. pemasok',
  loadingOrders: 'Memuat pesanan…',
  ordersEmpty: 'Anda belum memiliki pesanan.',
  ordersEmptyFiltered: 'Tidak ada pesanan dengan status ini.',
  ordersLoadError: 'Pesanan Anda tidak dapat dimuat.',
  ordersOffline: 'Anda sedang offline. Pesanan akan dimuat saat koneksi kembali.',
  ordersForbidden: 'Anda tidak memiliki izin untuk melihat pesanan.',
  ordersShown: (count) => `${count} pesanan`,
  loadedMoreOrders: (count) => `${count} pesanan lagi dimuat`,
}
