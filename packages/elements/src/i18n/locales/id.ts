import type { SharedMessages } from '../shared.messages.js'

export const messages: SharedMessages = {
  retry: 'Coba lagi',
  errorReference: (requestId) => `Referensi: ${requestId}`,
  unauthorized: 'Sesi Anda telah berakhir — silakan masuk kembali.',
  loadMore: 'Muat lebih banyak',
  loadingMore: 'Memuat…',
  statusFilter: 'Status',
  columnStatus: 'Status',
  columnTotal: 'Total',
  optional: 'opsional',

  statusOpen: 'Terbuka',
  statusPartiallyPaid: 'Dibayar sebagian',
  statusOverdue: 'Terlambat',
  statusPaid: 'Lunas',
  statusVoid: 'Dibatalkan',

  orderPlaced: 'Dipesan',
  orderConfirmed: 'Dikonfirmasi',
  orderInProduction: 'Dalam produksi',
  orderPartiallyShipped: 'Dikirim sebagian',
  orderShipped: 'Dikirim',
  orderDelivered: 'Diterima',
  orderCancelled: 'Dibatalkan',
  orderRejected: 'Ditolak',
  orderNowStatus: (number, status) => `Pesanan ${number} kini berstatus: ${status}.`,

  items: 'Barang',
  columnProduct: 'Produk',
  columnUnitPrice: 'Harga satuan',
  columnAmount: 'Nilai',
  subtotal: 'Subtotal',
  poNumber: 'Nomor PO Anda',
  requestedDate: 'Tanggal kirim yang diminta',
  noteForSupplier: 'Catatan untuk pemasok',
  deliveryAddress: 'Alamat pengiriman',
}
