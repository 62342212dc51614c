import type { CaseListMessages } from '../case-list.messages.js'

export const messages: CaseListMessages = {
  caseFilterAll: 'Semua',
  categoryFilter: 'Kategori',
  cases: 'Kasus dukungan',
  columnCase: 'Kasus',
  columnDue: 'Jatuh tempo',
  caseNowStatus: (number, status) => `Kasus ${number} sekarang: ${status}`,
  loading: 'Memuat kasus …',
  empty: 'Anda belum membuat kasus.',
  emptyFiltered: 'Tidak ada kasus yang cocok dengan filter ini.',
  loadError: 'Kasus Anda tidak dapat dimuat.',
  offline: 'Anda sedang offline. Kasus akan dimuat saat koneksi kembali.',
  forbidden: 'Anda tidak memiliki izin untuk melihat kasus.',
  loadMoreError: 'Kasus berikutnya tidak dapat dimuat.',
  shown: (count) => `${count} kasus`,
  loadedMore: (count) => `${count} kasus lagi dimuat`,
}
