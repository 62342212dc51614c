import type { ContractListMessages } from '../contract-list.messages.js'
import { downloadMessages } from '../../documents/locales/id.js'

export const messages: ContractListMessages = {
  contracts: 'Kontrak',
  columnContract: 'Nomor kontrak',
  columnTerm: 'Masa berlaku',
  columnRenewal: 'Perpanjangan',
  columnPeriodTotal: 'Biaya',
  columnDocument: 'Dokumen',
  contractStatuses: { active: 'Aktif', cancelled: 'Dibatalkan', expired: 'Berakhir' },
  term: (start, end) => `${start} – ${end}`,
  autoRenewOn: 'Diperpanjang otomatis',
  autoRenewOff: 'Berakhir di akhir masa berlaku',
  renewsIn: (days) =>
    days === 0
      ? 'Diperpanjang hari ini'
      : days === 1
        ? 'Diperpanjang besok'
        : `Diperpanjang dalam ${days} hari`,
  endsIn: (days) =>
    days === 0
      ? 'Berakhir hari ini'
      : days === 1
        ? 'Berakhir besok'
        : `Berakhir dalam ${days} hari`,
  noticeBy: (date) => `Pemberitahuan paling lambat ${date}`,
  perPeriod: {
    monthly: (amount) => `${amount} per bulan`,
    quarterly: (amount) => `${amount} per kuartal`,
    annual: (amount) => `${amount} per tahun`,
  },
  showItems: (count) => `${count} item`,
  columnQuantity: 'Jumlah',
  noDocument: 'Belum ada dokumen',
  loading: 'Memuat kontrak…',
  empty: 'Belum ada kontrak.',
  emptyFiltered: 'Tidak ada kontrak yang cocok dengan filter ini.',
  loadError: 'Kontrak Anda tidak dapat dimuat.',
  offline: 'Anda sedang offline. Kontrak akan dimuat setelah koneksi kembali.',
  forbidden: 'Anda tidak memiliki izin untuk melihat kontrak.',
  loadMoreError: 'Kontrak lainnya tidak dapat dimuat.',
  loadedMore: (count) => `${count} kontrak lagi dimuat`,
  shown: (count) => `${count} kontrak`,
  ...downloadMessages,
}
