import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Télécharger',
  downloadPreparing: 'Préparation…',
  downloadPreparingAnnouncement: (title) => `Préparation du téléchargement de ${title}…`,
  downloadStarted: (title) => `Le téléchargement de ${title} a commencé.`,
  downloadFailed: {
    unauthorized: (title) =>
      `${title} n’a pas pu être téléchargé : votre session a expiré, reconnectez-vous.`,
    forbidden: (title) => `Vous n’avez pas l’autorisation de télécharger ${title}.`,
    'not-found': (title) => `${title} n’est plus disponible.`,
    expired: (title) => `Le lien de téléchargement de ${title} a expiré. Réessayez.`,
    offline: (title) => `Vous êtes hors ligne : ${title} n’a pas pu être téléchargé.`,
    error: (title) => `${title} n’a pas pu être téléchargé. Réessayez.`,
  },
}
