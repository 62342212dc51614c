import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Herunterladen',
  downloadPreparing: 'Wird vorbereitet …',
  downloadPreparingAnnouncement: (title) => `Der Download von ${title} wird vorbereitet …`,
  downloadStarted: (title) => `Der Download von ${title} hat begonnen.`,
  downloadFailed: {
    unauthorized: (title) =>
      `${title} konnte nicht heruntergeladen werden: Ihre Sitzung ist abgelaufen – bitte melden Sie sich erneut an.`,
    forbidden: (title) => `Sie haben keine Berechtigung, ${title} herunterzuladen.`,
    'not-found': (title) => `${title} ist nicht mehr verfügbar.`,
    expired: (title) =>
      `Der Download-Link für ${title} ist abgelaufen. Bitte versuchen Sie es erneut.`,
    offline: (title) => `Sie sind offline: ${title} konnte nicht heruntergeladen werden.`,
    error: (title) =>
      `${title} konnte nicht heruntergeladen werden. Bitte versuchen Sie es erneut.`,
  },
}
