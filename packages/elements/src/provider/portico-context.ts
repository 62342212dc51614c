import { ContextRoot, createContext } from '@lit/context'
import type { Formatters } from '../i18n/formatters.js'
import type { PortalClient } from '../portal-client.js'

/**
 * What `<portico-provider>` gives every Portico element below it. A new
 * object is provided whenever any part changes, so consumers re-render.
 */
export interface PorticoContext {
  /** The API client, or `undefined` until the provider has enough to build one. */
  client: PortalClient | undefined
  /** BCP 47 tag the elements render in (`de`, `en-GB`, …). */
  locale: string
  formatters: Formatters
}

/** The `@lit/context` key; `@consume({ context: porticoContext, subscribe: true })`. */
export const porticoContext = createContext<PorticoContext>(Symbol.for('portico.context'))

let contextRoot: ContextRoot | undefined

/**
 * Lets an element find its provider whatever order the tags are defined in.
 * Without a root, an element upgraded before `<portico-provider>` asks for the
 * context once, nobody answers, and it never asks again; the root keeps such
 * requests and replays them when a provider appears.
 * Called by every `*.define.ts`; idempotent.
 */
export function ensureContextRoot(): void {
  if (contextRoot || typeof document === 'undefined') return
  contextRoot = new ContextRoot()
  contextRoot.attach(document.documentElement)
}
