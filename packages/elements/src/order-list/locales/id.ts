import type { OrderListMessages } from '../order-list.messages.js'

// Indonesian nouns do not inflect for number.
export const messages: OrderListMessages = {
  orderStatusAll: 'Semua',
  orders: 'Pesanan',
  columnOrder: 'Pesanan',
  columnPlaced: 'Tanggal pesan',
  columnPoNumber: 'No. PO Anda',
  columnErpNumber: 'Ref. pemasok',
  loading: 'Memuat pesanan…',
  empty: 'Anda belum memiliki pesanan.',
  emptyFiltered: 'Tidak ada pesanan dengan status ini.',
  loadError: 'Pesanan Anda tidak dapat dimuat.',
  offline: 'Anda sedang offline. Pesanan akan dimuat saat koneksi kembali.',
  forbidden: 'Anda tidak memiliki izin untuk melihat pesanan.',
  loadMoreError: 'Pesanan lainnya tidak dapat dimuat.',
  shown: (count) => `${count} pesanan`,
  loadedMore: (count) => `${count} pesanan lagi dimuat`,
}
