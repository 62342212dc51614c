import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Herunterladen',
  downloadDocument: (title) => `${title} herunterladen`,
  downloadPreparing: 'Wird vorbereitet …',
  downloadPreparingAnnouncement: (title) => `Der Download von ${title} wird vorbereitet …`,
  downloadStarted: (title) => `Der Download von ${title} hat begonnen.`,
  downloadFailed: (title, failure) =>
    ({
      unauthorized: `${title} konnte nicht heruntergeladen werden: Ihre Sitzung ist abgelaufen – bitte melden Sie sich erneut an.`,
      forbidden: `Sie haben keine Berechtigung, ${title} herunterzuladen.`,
      'not-found': `${title} ist nicht mehr verfügbar.`,
      expired: `Der Download-Link für ${title} ist abgelaufen. Bitte versuchen Sie es erneut.`,
      offline: `Sie sind offline: ${title} konnte nicht heruntergeladen werden.`,
      error: `${title} konnte nicht heruntergeladen werden. Bitte versuchen Sie es erneut.`,
    })[failure],
}
