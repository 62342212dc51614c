import type { DocumentDownloadMessages } from '../document-download.messages.js'

/** How a download is worded, the same in every element that offers one. */
export const downloadMessages: DocumentDownloadMessages = {
  download: 'Download',
  downloadPreparing: 'Preparing…',
  downloadPreparingAnnouncement: (title) => `Preparing the download of ${title}…`,
  downloadStarted: (title) => `The download of ${title} has started.`,
  downloadFailed: {
    unauthorized: (title) =>
      `${title} could not be downloaded: your session has expired — sign in again.`,
    forbidden: (title) => `You do not have permission to download ${title}.`,
    'not-found': (title) => `${title} is no longer available.`,
    expired: (title) => `The download link for ${title} expired. Try again.`,
    offline: (title) => `You are offline: ${title} could not be downloaded.`,
    error: (title) => `${title} could not be downloaded. Try again.`,
  },
}
