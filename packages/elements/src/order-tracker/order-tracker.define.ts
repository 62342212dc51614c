import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoOrderTracker } from './order-tracker.js'

export * from './order-tracker.js'
export * from './order-tracker.controller.js'
export * from './order-tracker.messages.js'
export * from './timeline.js'

ensureContextRoot()
if (!customElements.get('portico-order-tracker')) {
  customElements.define('portico-order-tracker', PorticoOrderTracker)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-order-tracker': PorticoOrderTracker
  }
}
