import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoContractList } from './contract-list.js'

export * from './contract-list.js'
export * from './contract-list.controller.js'
export * from './contract-list.messages.js'
export * from './renewal.js'
export * from '../documents/document-download.controller.js'
export type { DocumentDownloadMessages } from '../documents/document-download.messages.js'

ensureContextRoot()
if (!customElements.get('portico-contract-list')) {
  customElements.define('portico-contract-list', PorticoContractList)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-contract-list': PorticoContractList
  }
}
