import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoOrderList } from './order-list.js'

export * from './order-list.js'
export * from './order-list.controller.js'
export * from './order-list.messages.js'

ensureContextRoot()
if (!customElements.get('portico-order-list')) {
  customElements.define('portico-order-list', PorticoOrderList)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-order-list': PorticoOrderList
  }
}
