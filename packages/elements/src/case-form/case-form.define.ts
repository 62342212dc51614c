import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoCaseForm } from './case-form.js'

export * from './case-form.js'
export * from './case-form.controller.js'
export * from './case-form.messages.js'
export * from './case-fields.js'

ensureContextRoot()
if (!customElements.get('portico-case-form')) {
  customElements.define('portico-case-form', PorticoCaseForm)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-case-form': PorticoCaseForm
  }
}
