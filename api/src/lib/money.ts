/**
 * Portico stores money as integer minor units. The exponent per currency is
 * CLDR's — what `Intl.NumberFormat` uses — so server and browser agree without
 * a table of their own: EUR and USD have 2 decimals, IDR and JPY none.
 */
export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  )
}

/** A major-unit amount (12.5 EUR) as integer minor units (1250). */
export function toMinorUnits(major: number, currency: string): number {
  return Math.round(major * 10 ** minorUnitDigits(currency))
}

/** Tax on an amount at a rate in basis points, rounded half away from zero. */
export function taxOn(amountMinor: number, rateBps: number): number {
  const exact = (amountMinor * rateBps) / 10_000
  // Math.round alone rounds -2.5 to -2: mirror the positive case for credit notes.
  return Math.sign(exact) * Math.round(Math.abs(exact))
}

/** An amount for a message a person reads (`€1,234.50`), in English. */
export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
    amountMinor / 10 ** minorUnitDigits(currency),
  )
}
