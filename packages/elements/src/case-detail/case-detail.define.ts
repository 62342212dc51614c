import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoCaseDetail } from './case-detail.js'

export * from './case-detail.js'
export * from './case-detail.controller.js'
export * from './case-detail.messages.js'

ensureContextRoot()
if (!customElements.get('portico-case-detail')) {
  customElements.define('portico-case-detail', PorticoCaseDetail)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-case-detail': PorticoCaseDetail
  }
}
