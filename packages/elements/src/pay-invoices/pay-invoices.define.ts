import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoPayInvoices } from './pay-invoices.js'

export * from './pay-invoices.js'
export * from './pay-invoices.controller.js'
export * from './pay-invoices.messages.js'
export * from './amount.js'

ensureContextRoot()
if (!customElements.get('portico-pay-invoices')) {
  customElements.define('portico-pay-invoices', PorticoPayInvoices)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-pay-invoices': PorticoPayInvoices
  }
}
