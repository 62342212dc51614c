import type { InvoiceListMessages } from '../invoice-list.messages.js'

// Indonesian nouns do not inflect for number.
export const messages: InvoiceListMessages = {
  invoices: 'Faktur',
  statusAll: 'Semua',
  columnNumber: 'Nomor',
  columnIssueDate: 'Tanggal terbit',
  columnDueDate: 'Jatuh tempo',
  columnAmountDue: 'Sisa tagihan',
  loading: 'Memuat faktur…',
  empty: 'Anda belum memiliki faktur.',
  emptyFiltered: 'Tidak ada faktur yang cocok dengan filter ini.',
  loadError: 'Faktur Anda tidak dapat dimuat.',
  offline: 'Anda sedang offline. Faktur akan dimuat saat koneksi kembali.',
  forbidden: 'Anda tidak memiliki izin untuk melihat faktur.',
  loadMoreError: 'Faktur lainnya tidak dapat dimuat.',
  loadedMore: (count) => `${count} faktur lagi dimuat`,
  shown: (count) => `${count} faktur`,
}
