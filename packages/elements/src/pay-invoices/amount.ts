import { minorUnitDigits } from '../i18n/formatters.js'

/** What a typed amount is: minor units (negative when typed so), nothing typed, or not a number. */
export type ParsedAmount = { minor: number } | { empty: true } | { invalid: true }

const separatorsByLocale = new Map<string, { decimal: string; group: string }>()

function separators(locale: string) {
  let found = separatorsByLocale.get(locale)
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6)
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    }
    separatorsByLocale.set(locale, found)
  }
  return found
}

/**
 * Reads an amount as a person types it in their locale — `1.250,50` in
 * German, `1,250.50` in English, `1.500.000` rupiah — into integer minor
 * units of `currency`. Spaces and the locale's grouping are ignored. A lone
 * `.` or `,` followed by at most the currency's decimals is read as the
 * decimal point whatever the locale (`12.50` typed on a German page), since
 * nobody groups two digits. More decimals than the currency has is invalid,
 * never rounded: the amount sent is the amount shown.
 */
export function parseAmount(text: string, currency: string, locale: string): ParsedAmount {
  const digits = minorUnitDigits(currency, locale)
  const { decimal, group } = separators(locale)
  let value = text.replace(/[\s\u00a0\u202f'\u2019]/g, '')
  if (!value) return { empty: true }
  // A minus is read, so that "-50" is refused as not positive rather than as not a number.
  const negative = /^[-\u2212]/.test(value)
  if (negative) value = value.slice(1)
  let whole = value
  let fraction = ''
  const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','))
  if (last >= 0) {
    const head = value.slice(0, last)
    const tail = value.slice(last + 1)
    const lone = !/[.,]/.test(head)
    if (value[last] === decimal || (lone && tail.length > 0 && tail.length <= digits)) {
      whole = head
      fraction = tail
    }
  }
  whole = whole.replaceAll(group, '')
  if (!/^\d+$/.test(whole || '0') || !/^\d*$/.test(fraction)) return { invalid: true }
  // Zeros past the currency's decimals change nothing (`1.500,00` rupiah).
  if (fraction.length > digits)
    fraction = fraction.slice(0, digits) + fraction.slice(digits).replace(/0+$/, '')
  if (fraction.length > digits) return { invalid: true }
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
  if (!Number.isSafeInteger(minor)) return { invalid: true }
  return { minor: negative ? -minor : minor }
}

/** An amount in minor units as the field shows it: `1,250.50` (no currency sign). */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency, locale)
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits)
}
