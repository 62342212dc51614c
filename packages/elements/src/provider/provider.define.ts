import { PorticoProvider } from './provider.js'
import { ensureContextRoot } from './portico-context.js'

export * from './provider.js'
// What the provider gives its elements, for a host page to use as well (the
// same formatting as the elements', in every CDN file).
export { createFormatters, minorUnitDigits, type Formatters } from '../i18n/formatters.js'
export { languages, resolveLocale, type Language, type ResolvedLocale } from '../i18n/languages.js'

ensureContextRoot()
if (!customElements.get('portico-provider'))
  customElements.define('portico-provider', PorticoProvider)

declare global {
  interface HTMLElementTagNameMap {
    'portico-provider': PorticoProvider
  }
}
