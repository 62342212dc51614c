import type { CatalogProduct, PriceBreak } from '../portal-client.js'

/**
 * The ordering rules of a product, mirrored from the API (which enforces
 * them and answers 422 with the same codes): at least the minimum order
 * quantity, in multiples of the order multiple, priced from the highest
 * quantity break reached.
 */
export type QuantityProblem =
  /** Not a whole number above zero (`12.5`, `abc`). */
  | 'not_a_quantity'
  /** Less than `minOrderQuantity`. */
  | 'below_minimum_quantity'
  /** Not a multiple of `orderMultiple`. */
  | 'not_order_multiple'

type Rules = Pick<CatalogProduct, 'minOrderQuantity' | 'orderMultiple'>

/** The largest quantity the API takes on one line. */
export const MAX_QUANTITY = 1_000_000

/**
 * Parses what a person typed into a quantity: digits only (spaces ignored),
 * `null` for an empty field, `NaN` for anything else. `1.000` and `12,5`
 * are refused rather than guessed: a dot groups thousands in German and
 * separates decimals in English.
 */
export function parseQuantity(text: string): number | null {
  const digits = text.replace(/\s/g, '')
  if (digits === '') return null
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN
}

/** What is wrong with ordering `quantity` of a product, or `null` when it may be ordered. */
export function checkQuantity(product: Rules, quantity: number): QuantityProblem | null {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
    return 'not_a_quantity'
  if (quantity < product.minOrderQuantity) return 'below_minimum_quantity'
  if (quantity % product.orderMultiple !== 0) return 'not_order_multiple'
  return null
}

/** The smallest quantity that may be ordered: the minimum, rounded up to the multiple. */
export function firstQuantity({ minOrderQuantity, orderMultiple }: Rules): number {
  return Math.ceil(minOrderQuantity / orderMultiple) * orderMultiple
}

/**
 * The next valid quantity up or down from `quantity` — what a stepper button
 * sets. Up from nothing (or below the minimum) is the first valid quantity;
 * down from the first valid quantity is 0 (take the product off the order).
 */
export function stepQuantity(product: Rules, quantity: number | null, direction: 1 | -1): number {
  const first = firstQuantity(product)
  const current = quantity !== null && Number.isFinite(quantity) ? Math.max(0, quantity) : 0
  const multiple = product.orderMultiple
  if (direction > 0) {
    if (current < first) return first
    return Math.min(Math.floor(current / multiple) * multiple + multiple, MAX_QUANTITY)
  }
  const down = Math.ceil(current / multiple) * multiple - multiple
  return down < first ? 0 : down
}

/** The quantity break that applies to `quantity`: the one with the highest minimum reached. */
export function priceBreakFor(
  product: Pick<CatalogProduct, 'priceBreaks' | 'unitPrice' | 'minOrderQuantity'>,
  quantity: number,
): PriceBreak {
  let applies: PriceBreak = { minQuantity: product.minOrderQuantity, unitPrice: product.unitPrice }
  for (const priceBreak of product.priceBreaks) {
    if (priceBreak.minQuantity <= quantity && priceBreak.minQuantity >= applies.minQuantity)
      applies = priceBreak
  }
  return applies
}

/** The unit price at `quantity`, in minor units. */
export function unitPriceAt(
  product: Pick<CatalogProduct, 'priceBreaks' | 'unitPrice' | 'minOrderQuantity'>,
  quantity: number,
): number {
  return priceBreakFor(product, quantity).unitPrice
}
