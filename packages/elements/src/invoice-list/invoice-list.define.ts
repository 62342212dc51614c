import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoInvoiceList } from './invoice-list.js'

export * from './invoice-list.js'
export * from './invoice-list.controller.js'
export * from './invoice-list.messages.js'

ensureContextRoot()
if (!customElements.get('portico-invoice-list')) {
  customElements.define('portico-invoice-list', PorticoInvoiceList)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-list': PorticoInvoiceList
  }
}
