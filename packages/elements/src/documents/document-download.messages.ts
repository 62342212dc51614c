import type { DocumentDownloadFailure } from './document-download.controller.js'

/**
 * What every element that downloads documents says about it, each element's
 * catalogue extending this interface (as a list's extends
 * `CursorListMessages`), so the two never word a download differently.
 */
export interface DocumentDownloadMessages {
  /** The download button. */
  download: string
  /** The button while the link is minted. */
  downloadPreparing: string
  /** Announced (and shown) once the link is minted. */
  downloadPreparingAnnouncement: (title: string) => string
  /** Announced once the browser was sent to the file. */
  downloadStarted: (title: string) => string
  /** Shown beside the button, and announced assertively, when it failed. */
  downloadFailed: Record<DocumentDownloadFailure, (title: string) => string>
}
