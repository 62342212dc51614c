import type { CaseVocabularyMessages } from '../case-vocabulary.messages.js'

export const messages: CaseVocabularyMessages = {
  categories: {
    question: 'Pertanyaan',
    delivery: 'Pengiriman',
    quality: 'Kualitas / RMA',
    warranty: 'Garansi',
    billing: 'Tagihan',
    maintenance: 'Pemeliharaan',
  },
  priorities: { low: 'Rendah', normal: 'Normal', high: 'Tinggi', urgent: 'Mendesak' },
  caseStatuses: {
    new: 'Baru',
    open: 'Terbuka',
    waiting_on_customer: 'Menunggu Anda',
    resolved: 'Selesai',
    closed: 'Ditutup',
  },
  priority: 'Prioritas',
  category: 'Kategori',
  subject: 'Subjek',
  syncing: 'Menyinkronkan dengan CRM',
  syncFailed: 'Belum masuk CRM — sedang dicoba lagi',
  firstResponseDue: (inTime) => `Tanggapan pertama jatuh tempo ${inTime}`,
  resolutionDue: (inTime) => `Penyelesaian jatuh tempo ${inTime}`,
  firstResponseBreached: 'Tanggapan pertama terlambat',
  resolutionBreached: 'Penyelesaian terlambat',
  firstResponded: (at) => `Tanggapan pertama ${at}`,
}
