import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Scarica',
  downloadPreparing: 'Preparazione…',
  downloadPreparingAnnouncement: (title) => `Preparazione del download di ${title}…`,
  downloadStarted: (title) => `Il download di ${title} è iniziato.`,
  downloadFailed: {
    unauthorized: (title) =>
      `Impossibile scaricare ${title}: la sessione è scaduta, accedi di nuovo.`,
    forbidden: (title) => `Non hai l’autorizzazione per scaricare ${title}.`,
    'not-found': (title) => `${title} non è più disponibile.`,
    expired: (title) => `Il link per scaricare ${title} è scaduto. Riprova.`,
    offline: (title) => `Sei offline: impossibile scaricare ${title}.`,
    error: (title) => `Impossibile scaricare ${title}. Riprova.`,
  },
}
