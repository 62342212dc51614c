import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoQuickOrder } from './quick-order.js'

export * from './quick-order.js'
export * from './quick-order.controller.js'
export * from './quick-order.messages.js'
export * from './catalog.controller.js'
export * from './credit.controller.js'
export * from './quantity.js'

ensureContextRoot()
if (!customElements.get('portico-quick-order')) {
  customElements.define('portico-quick-order', PorticoQuickOrder)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-quick-order': PorticoQuickOrder
  }
}
