import { provide } from '@lit/context'
import { createPortalClient } from '@portico/sdk'
import { css, html, LitElement, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { createFormatters } from '../i18n/formatters.js'
import { resolveLocale } from '../i18n/languages.js'
import type { PortalClient } from '../portal-client.js'
import { porticoContext, type PorticoContext } from './portico-context.js'

/**
 * @summary Gives every Portico element inside it an API client, a locale and
 * `Intl` formatters, so the elements themselves need no configuration.
 *
 * How the client authenticates:
 * - `client-secret`: an embed-session secret (`pes_…`) that the host page's
 *   server minted for one user and bound to this page's origin;
 * - `token`: a portal session token (`pst_…`);
 * - neither: the session cookie, for a portal served from the API's origin.
 *
 * A ready `client` property wins over all three. Changing any attribute
 * builds a new client and re-renders every element below.
 *
 * @slot - The Portico elements (and any other content) to provide for.
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com" client-secret="pes_…" locale="de">
 *   <portico-invoice-list></portico-invoice-list>
 * </portico-provider>
 * ```
 */
export class PorticoProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `

  /** Origin (and optional path prefix) of the Portico API; empty means this page's origin. */
  @property({ attribute: 'base-url' }) baseUrl = ''

  /** An embed-session client secret (`pes_…`), sent as a bearer token. */
  @property({ attribute: 'client-secret' }) clientSecret?: string

  /** A portal session token (`pst_…`), sent as a bearer token. */
  @property() token?: string

  /** BCP 47 locale for every element below (`en`, `de`, `fr`, `it`, `id`, or a regional tag). Defaults to the browser's. */
  @property() locale?: string

  /** A ready API client; when set, `base-url`, `client-secret` and `token` are ignored. */
  @property({ attribute: false }) client?: PortalClient

  /**
   * The value every consuming element receives. It has no client until the
   * first update has read the attributes, so no element starts a request
   * with the wrong credentials.
   */
  @provide({ context: porticoContext })
  @state()
  protected context: PorticoContext = this.#createContext(undefined)

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['baseUrl', 'clientSecret', 'token', 'locale', 'client'] as const
    if (!this.hasUpdated || inputs.some((name) => changed.has(name))) {
      this.context = this.#createContext(this.client ?? this.#createClient())
    }
  }

  protected override render() {
    return html`<slot></slot>`
  }

  #createContext(client: PortalClient | undefined): PorticoContext {
    const { locale } = resolveLocale(this.locale)
    return Object.freeze({
      client,
      locale,
      formatters: createFormatters(locale),
    })
  }

  #createClient(): PortalClient {
    const token = this.clientSecret || this.token
    return createPortalClient({
      baseUrl: this.baseUrl || location.origin,
      ...(token
        ? // A bearer credential must not ride along with the page's cookies.
          { token, credentials: 'omit' }
        : // Same-origin shell app: the session cookie is the credential.
          { credentials: 'include' }),
    })
  }
}
