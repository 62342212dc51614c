import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Unduh',
  downloadPreparing: 'Menyiapkan…',
  downloadPreparingAnnouncement: (title) => `Menyiapkan unduhan ${title}…`,
  downloadStarted: (title) => `Unduhan ${title} telah dimulai.`,
  downloadFailed: {
    unauthorized: (title) =>
      `${title} tidak dapat diunduh: sesi Anda telah berakhir — silakan masuk lagi.`,
    forbidden: (title) => `Anda tidak memiliki izin untuk mengunduh ${title}.`,
    'not-found': (title) => `${title} tidak tersedia lagi.`,
    expired: (title) => `Tautan unduhan ${title} telah kedaluwarsa. Coba lagi.`,
    offline: (title) => `Anda sedang offline: ${title} tidak dapat diunduh.`,
    error: (title) => `${title} tidak dapat diunduh. Coba lagi.`,
  },
}
