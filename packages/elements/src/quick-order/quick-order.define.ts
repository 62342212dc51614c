import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoQuickOrder } from './quick-order.js'

export * from './quick-order.js'
export * from './quick-order.controller.js'
export * from './quick-order.messages.js'
export * from './catalog.controller.js'
export * from './credit.controller.js'
export * from './quantity.js'
export * from './order-totals.js'
export {
  checkOrderDetails,
  detailMaxLength,
  emptyOrderDetails,
  orderDetailsBody,
  type AddressDetails,
  type DetailField,
  type DetailProblem,
  type OrderDetails,
} from './order-details.js'

ensureContextRoot()
if (!customElements.get('portico-quick-order')) {
  customElements.define('portico-quick-order', PorticoQuickOrder)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-quick-order': PorticoQuickOrder
  }
}
