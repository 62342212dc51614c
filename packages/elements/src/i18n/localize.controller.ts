import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Catalogue } from './catalogue.js'
import { createFormatters, type Formatters } from './formatters.js'
import { resolveLocale, type Language, type ResolvedLocale } from './languages.js'

export interface LocalizeOptions<M extends object> {
  /** The element's messages in every language (`invoiceListCatalogue`, …). */
  catalogue: Catalogue<M>
  /**
   * The locale the host asks for, read on every update: its own `locale`
   * attribute, then the provider's. `undefined` falls back to the browser's.
   */
  locale: () => string | undefined
}

/**
 * Gives an element its messages and `Intl` formatters for the locale it
 * should render in. The host decides where the requested locale comes from
 * (its own `locale` attribute, then the provider, then the browser) by
 * passing a getter; the controller resolves it on every update, so a changed
 * attribute or provider re-renders in the new language.
 *
 * A language other than English arrives asynchronously (see `Catalogue`):
 * until it has, {@link messages} is `undefined` and the host renders its
 * loading state — never English text that a moment later turns German. The
 * controller requests a host update when the messages arrive. Should the
 * language's module fail to load, the element falls back to English (text
 * and formats) rather than staying in its loading state.
 *
 * @example
 * ```ts
 * #localize = new LocalizeController(this, {
 *   catalogue: invoiceListCatalogue,
 *   locale: () => this.locale ?? this.portico?.locale,
 * })
 * render() {
 *   const t = this.#localize.messages
 *   return t ? html`<button>${t.retry}</button>` : this.renderSkeleton()
 * }
 * ```
 */
export class LocalizeController<M extends object> implements ReactiveController, Formatters {
  readonly #host: ReactiveControllerHost
  readonly #catalogue: Catalogue<M>
  readonly #requested: () => string | undefined
  /** `null` until the first update has resolved a locale. */
  #lastRequested: string | undefined | null = null
  #resolved: ResolvedLocale = resolveLocale()

  constructor(host: ReactiveControllerHost, options: LocalizeOptions<M>) {
    this.#host = host
    this.#catalogue = options.catalogue
    this.#requested = options.locale
    host.addController(this)
  }

  /** BCP 47 tag used for `Intl` (and the `lang` attribute of rendered text). */
  get locale(): string {
    return this.#resolved.locale
  }

  /** The catalogue language. */
  get language(): Language {
    return this.#resolved.language
  }

  /**
   * The element's messages (its own and the shared ones) in {@link language},
   * or `undefined` while they are loading.
   */
  get messages(): Readonly<M> | undefined {
    return this.#catalogue.get(this.#resolved.language)
  }

  money(amountMinor: number, currency: string): string {
    return createFormatters(this.#resolved.locale).money(amountMinor, currency)
  }

  date(isoDate: string): string {
    return createFormatters(this.#resolved.locale).date(isoDate)
  }

  instant(isoInstant: string, options?: { time?: boolean }): string {
    return createFormatters(this.#resolved.locale).instant(isoInstant, options)
  }

  number(value: number): string {
    return createFormatters(this.#resolved.locale).number(value)
  }

  basisPoints(rate: number): string {
    return createFormatters(this.#resolved.locale).basisPoints(rate)
  }

  /** @internal */
  hostUpdate(): void {
    const requested = this.#requested()
    if (requested === this.#lastRequested) return
    this.#lastRequested = requested
    this.#resolved = resolveLocale(requested)
    if (!this.messages) void this.#load(this.#resolved)
  }

  async #load(resolved: ResolvedLocale): Promise<void> {
    try {
      await this.#catalogue.load(resolved.language)
    } catch (error) {
      if (this.#resolved !== resolved) return
      console.warn(
        `Portico: the ${resolved.language} messages could not be loaded; showing English.`,
        error,
      )
      this.#resolved = { locale: 'en', language: 'en' }
    }
    this.#host.requestUpdate()
  }
}
