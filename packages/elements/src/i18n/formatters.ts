/**
 * Money and date formatting through `Intl`, one cached formatter per locale
 * and currency (constructing `Intl.NumberFormat` is far costlier than
 * calling it, and a table formats hundreds of cells).
 */
export interface Formatters {
  /** Formats integer minor units (`12345` EUR → `123,45 €` in `de`). */
  money(amountMinor: number, currency: string): string
  /** Formats a calendar date `YYYY-MM-DD` without shifting it across time zones. */
  date(isoDate: string): string
  /**
   * Formats an instant (`2026-11-20T09:30:00Z`) in the reader's time zone: its
   * date, or with `{ time: true }` its date and time.
   */
  instant(isoInstant: string, options?: { time?: boolean }): string
  /** Formats a count (a quantity) with the locale's grouping: `1.000` in `de`. */
  number(value: number): string
  /** Formats a rate in basis points as a percentage: `1900` → `19 %` in `de`, `825` → `8.25%` in `en`. */
  basisPoints(rate: number): string
}

const minorDigitsByCurrency = new Map<string, number>()

/**
 * The number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, IDR 0),
 * as `Intl` knows it — the same source the API uses to store amounts.
 */
export function minorUnitDigits(currency: string, locale = 'en'): number {
  let digits = minorDigitsByCurrency.get(currency)
  if (digits === undefined) {
    // CLDR's currency digits do not depend on the locale, so one lookup per
    // currency serves every locale.
    digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits!
    minorDigitsByCurrency.set(currency, digits)
  }
  return digits
}

const formattersByLocale = new Map<string, Formatters>()

/** Returns the (shared, cached) formatters for a BCP 47 locale. */
export function createFormatters(locale: string): Formatters {
  const cached = formattersByLocale.get(locale)
  if (cached) return cached

  const moneyFormats = new Map<string, Intl.NumberFormat>()
  // Dates arrive as plain calendar dates; formatting them as UTC midnight keeps
  // 2026-03-01 on the 1st for a reader in any time zone.
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  // Instants are shown where the reader is.
  const instantDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const instantTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const numberFormat = new Intl.NumberFormat(locale)
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 2,
  })

  const formatters: Formatters = Object.freeze({
    money(amountMinor: number, currency: string) {
      let format = moneyFormats.get(currency)
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency })
        moneyFormats.set(currency, format)
      }
      return format.format(amountMinor / 10 ** minorUnitDigits(currency, locale))
    },
    date(isoDate: string) {
      const [year, month, day] = isoDate.split('-').map(Number)
      if (!year || !month || !day) return isoDate
      return dateFormat.format(Date.UTC(year, month - 1, day))
    },
    instant(isoInstant: string, options?: { time?: boolean }) {
      const time = Date.parse(isoInstant)
      if (Number.isNaN(time)) return isoInstant
      return (options?.time ? instantTime : instantDate).format(time)
    },
    number(value: number) {
      return numberFormat.format(value)
    },
    basisPoints(rate: number) {
      return percentFormat.format(rate / 10_000)
    },
  })
  formattersByLocale.set(locale, formatters)
  return formatters
}
