import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Scarica',
  downloadDocument: (title) => `Scarica ${title}`,
  downloadPreparing: 'Preparazione…',
  downloadPreparingAnnouncement: (title) => `Preparazione del download di ${title}…`,
  downloadStarted: (title) => `Il download di ${title} è iniziato.`,
  downloadFailed: (title, failure) =>
    ({
      unauthorized: `Impossibile scaricare ${title}: la sessione è scaduta, accedi di nuovo.`,
      forbidden: `Non hai l’autorizzazione per scaricare ${title}.`,
      'not-found': `${title} non è più disponibile.`,
      expired: `Il link per scaricare ${title} è scaduto. Riprova.`,
      offline: `Sei offline: impossibile scaricare ${title}.`,
      error: `Impossibile scaricare ${title}. Riprova.`,
    })[failure],
}
