/**
 * An order's money as the API computes it (`api/src/lib/money.ts`,
 * `placeOrder`): tax on the subtotal at the account's rate, rounded half
 * away from zero to a whole minor unit, and the total — the figure
 * `POST /v1/orders` checks against the available credit. Amounts are
 * integer minor units of the order's currency (IDR has none below the
 * rupiah: its tax rounds to whole rupiah).
 */
export interface OrderTotals {
  /** Sum of the lines, before tax. */
  subtotal: number
  /** The account's tax rate in basis points (1900 = 19 %). */
  taxRate: number
  tax: number
  /** `subtotal + tax`. */
  total: number
}

/**
 * Tax on an amount at a rate in basis points, to the minor unit, half away
 * from zero — the API's exact expression. `amount × rate` is an integer, and
 * dividing it by 10 000 lands exactly on a half when there is one.
 */
export function taxOn(amountMinor: number, rateBps: number): number {
  const exact = (amountMinor * rateBps) / 10_000
  return Math.sign(exact) * Math.round(Math.abs(exact))
}

/** Subtotal, tax and total of an order whose lines come to `subtotal`. */
export function orderTotals(subtotal: number, taxRate: number): OrderTotals {
  const tax = taxOn(subtotal, taxRate)
  return { subtotal, taxRate, tax, total: subtotal + tax }
}
