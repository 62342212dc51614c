import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Télécharger',
  downloadDocument: (title) => `Télécharger ${title}`,
  downloadPreparing: 'Préparation…',
  downloadPreparingAnnouncement: (title) => `Préparation du téléchargement de ${title}…`,
  downloadStarted: (title) => `Le téléchargement de ${title} a commencé.`,
  downloadFailed: (title, failure) =>
    ({
      unauthorized: `${title} n’a pas pu être téléchargé : votre session a expiré, reconnectez-vous.`,
      forbidden: `Vous n’avez pas l’autorisation de télécharger ${title}.`,
      'not-found': `${title} n’est plus disponible.`,
      expired: `Le lien de téléchargement de ${title} a expiré. Réessayez.`,
      offline: `Vous êtes hors ligne : ${title} n’a pas pu être téléchargé.`,
      error: `${title} n’a pas pu être téléchargé. Réessayez.`,
    })[failure],
}
