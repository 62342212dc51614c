import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Unduh',
  downloadDocument: (title) => `Unduh ${title}`,
  downloadPreparing: 'Menyiapkan…',
  downloadPreparingAnnouncement: (title) => `Menyiapkan unduhan ${title}…`,
  downloadStarted: (title) => `Unduhan ${title} telah dimulai.`,
  downloadFailed: (title, failure) =>
    ({
      unauthorized: `${title} tidak dapat diunduh: sesi Anda telah berakhir — silakan masuk lagi.`,
      forbidden: `Anda tidak memiliki izin untuk mengunduh ${title}.`,
      'not-found': `${title} tidak tersedia lagi.`,
      expired: `Tautan unduhan ${title} telah kedaluwarsa. Coba lagi.`,
      offline: `Anda sedang offline: ${title} tidak dapat diunduh.`,
      error: `${title} tidak dapat diunduh. Coba lagi.`,
    })[failure],
}
