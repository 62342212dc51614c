import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoDocumentCenter } from './document-center.js'

export * from './document-center.js'
export * from './document-center.controller.js'
export * from './document-center.messages.js'
export * from '../documents/document-download.controller.js'
export type { DocumentDownloadMessages } from '../documents/document-download.messages.js'

ensureContextRoot()
if (!customElements.get('portico-document-center')) {
  customElements.define('portico-document-center', PorticoDocumentCenter)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-document-center': PorticoDocumentCenter
  }
}
