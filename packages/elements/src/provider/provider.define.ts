import { PorticoProvider } from './provider.js'
import { ensureContextRoot } from './portico-context.js'

export * from './provider.js'

ensureContextRoot()
if (!customElements.get('portico-provider'))
  customElements.define('portico-provider', PorticoProvider)

declare global {
  interface HTMLElementTagNameMap {
    'portico-provider': PorticoProvider
  }
}
