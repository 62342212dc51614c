import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { isoDate } from '../../lib/clock.js'

/** One product's contracted price: unit prices by quantity break, ascending. */
export interface ContractedPrice {
  productId: string
  breaks: Array<{ minQuantity: number; unitPrice: number }>
}

/** The price list in force for an account today. */
export interface AccountPrices {
  priceListId: string
  name: string
  currency: string
  validFrom: string
  validTo: string | null
  byProduct: Map<string, ContractedPrice>
}

/** Contracted prices are cached at most this long (and dropped at once when the ERP announces a change). */
export const PRICE_CACHE_TTL_MS = 5 * 60 * 1000

/**
 * Per-account price lists in memory. Every entry expires after five minutes
 * and `invalidate` drops one the moment the ERP announces a price-list
 * change — the incident this prevents: a client quoted last month's price
 * for a month.
 */
export interface PriceCache {
  pricesFor(db: Kysely<Database>, accountId: string, now: Date): Promise<AccountPrices | null>
  invalidate(accountId: string): void
}

export function createPriceCache(ttlMs = PRICE_CACHE_TTL_MS): PriceCache {
  const entries = new Map<string, { prices: AccountPrices | null; loadedAt: number; day: string }>()
  return {
    async pricesFor(db, accountId, now) {
      const day = isoDate(now)
      const cached = entries.get(accountId)
      // A list's validity is by day: a new day may bring another list into force.
      if (cached && now.getTime() - cached.loadedAt < ttlMs && cached.day === day)
        return cached.prices
      const prices = await loadPrices(db, accountId, day)
      entries.set(accountId, { prices, loadedAt: now.getTime(), day })
      return prices
    },
    invalidate(accountId) {
      entries.delete(accountId)
    },
  }
}

/** The account's price list valid on `day` (the most recent start wins) with its items. */
export async function loadPrices(
  db: Kysely<Database>,
  accountId: string,
  day: string,
): Promise<AccountPrices | null> {
  const list = await db
    .selectFrom('price_lists')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!list) return null
  const items = await db
    .selectFrom('price_list_items')
    .select(['product_id', 'min_quantity', 'unit_price'])
    .where('price_list_id', '=', list.id)
    .where('account_id', '=', accountId)
    .orderBy('product_id')
    .orderBy('min_quantity')
    .execute()
  const byProduct = new Map<string, ContractedPrice>()
  for (const item of items) {
    let price = byProduct.get(item.product_id)
    if (!price) byProduct.set(item.product_id, (price = { productId: item.product_id, breaks: [] }))
    price.breaks.push({
      minQuantity: Number(item.min_quantity),
      unitPrice: Number(item.unit_price),
    })
  }
  return {
    priceListId: list.id,
    name: list.name,
    currency: list.currency,
    validFrom: list.valid_from,
    validTo: list.valid_to,
    byProduct,
  }
}

/** The unit price for a quantity: the highest break at or below it. */
export function unitPriceFor(price: ContractedPrice, quantity: number): number | undefined {
  let unitPrice: number | undefined
  for (const b of price.breaks) if (b.minQuantity <= quantity) unitPrice = b.unitPrice
  return unitPrice
}
