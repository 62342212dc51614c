import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoInvoiceDetail } from './invoice-detail.js'

export * from './invoice-detail.js'
export * from './invoice-detail.controller.js'
export * from './invoice-detail.messages.js'

ensureContextRoot()
if (!customElements.get('portico-invoice-detail')) {
  customElements.define('portico-invoice-detail', PorticoInvoiceDetail)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-detail': PorticoInvoiceDetail
  }
}
