import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { createFormatters, type Formatters } from './formatters.js'
import { catalogues, resolveLocale, type Language, type ResolvedLocale } from './languages.js'
import type { Messages } from './messages.js'

/**
 * Gives an element its messages and `Intl` formatters for the locale it
 * should render in. The host decides where the requested locale comes from
 * (its own `locale` attribute, then the provider, then the browser) by
 * passing a getter; the controller resolves it on every update, so a changed
 * attribute or provider re-renders in the new language.
 *
 * @example
 * ```ts
 * #localize = new LocalizeController(this, () => this.locale ?? this.portico?.locale)
 * render() { return html`<button>${this.#localize.messages.retry}</button>` }
 * ```
 */
export class LocalizeController implements ReactiveController, Formatters {
  readonly #requested: () => string | undefined
  #lastRequested: string | undefined
  #resolved: ResolvedLocale = resolveLocale()

  constructor(host: ReactiveControllerHost, requested: () => string | undefined) {
    this.#requested = requested
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

  get messages(): Messages {
    return catalogues[this.#resolved.language]
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

  /** @internal */
  hostUpdate(): void {
    const requested = this.#requested()
    if (requested === this.#lastRequested) return
    this.#lastRequested = requested
    this.#resolved = resolveLocale(requested)
  }
}
