import { sql } from 'kysely'
import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition } from '../../http/cursor-position.js'
import { encodeCursor } from '../../lib/cursor.js'
import type { PriceCache } from './price-cache.js'
import type { CatalogInput, CatalogProduct } from './schemas.js'

export interface CatalogContext extends TenantContext {
  prices: PriceCache
}

/**
 * The products this account may order, each at this account's contracted
 * price — never a list price, never another account's. A product not on the
 * account's price list in force today is not in its catalog.
 */
export async function listCatalog(ctx: CatalogContext, input: CatalogInput) {
  const prices = await ctx.prices.pricesFor(ctx.db, ctx.accountId, ctx.clock.now())
  if (!prices || prices.byProduct.size === 0) return { data: [], nextCursor: null, priceList: null }
  const filters = JSON.stringify([input.q ?? null])
  const after = cursorPosition(
    ctx.secret,
    input.cursor,
    filters,
    (value): value is string => typeof value === 'string',
  )

  let query = ctx.db
    .selectFrom('products')
    .selectAll()
    .where('active', '=', 1)
    .where('id', 'in', [...prices.byProduct.keys()])
    .where((eb) =>
      eb.or([
        eb('restricted', '=', 0),
        eb.exists(
          eb
            .selectFrom('product_accounts')
            .select('product_id')
            .whereRef('product_accounts.product_id', '=', 'products.id')
            .where('product_accounts.account_id', '=', ctx.accountId),
        ),
      ]),
    )
  if (input.q) {
    const pattern = `%${input.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(sku)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    )
  }
  if (after) query = query.where('sku', '>', after)
  const rows = await query
    .orderBy('sku')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  const data: CatalogProduct[] = page.map((row) => {
    const price = prices.byProduct.get(row.id)!
    const first =
      price.breaks.find((b) => b.minQuantity <= row.min_order_quantity) ?? price.breaks[0]!
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      description: row.description,
      unit: row.unit,
      minOrderQuantity: Number(row.min_order_quantity),
      orderMultiple: Number(row.order_multiple),
      currency: prices.currency,
      unitPrice: first.unitPrice,
      priceBreaks: price.breaks,
    }
  })
  const last = page.at(-1)
  return {
    data,
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(ctx.secret, last.sku, filters) : null,
    priceList: {
      id: prices.priceListId,
      name: prices.name,
      validFrom: prices.validFrom,
      validTo: prices.validTo,
    },
  }
}
