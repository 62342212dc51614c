import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoCaseList } from './case-list.js'

export * from './case-list.js'
export * from './case-list.controller.js'
export * from './case-list.messages.js'

ensureContextRoot()
if (!customElements.get('portico-case-list')) {
  customElements.define('portico-case-list', PorticoCaseList)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-case-list': PorticoCaseList
  }
}
