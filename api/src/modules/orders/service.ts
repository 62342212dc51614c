import type { Kysely } from 'kysely'
import { appendEvent } from '../../db/events.js'
import { enqueueDelivery } from '../../db/outbox.js'
import { preparedInsert, preparedQuery } from '../../db/prepared-query.js'
import { transaction } from '../../db/scope.js'
import type {
  Database,
  OrderLinesTable,
  OrdersTable,
  OrderTimelineTable,
  ShipmentsTable,
} from '../../db/schema.js'
import type { TenantContext } from '../../db/tenant.js'
import { isPostgres } from '../../db/dialect.js'
import { cursorPosition, isStringPair } from '../../http/cursor-position.js'
import { ApiError, invalidField, notFound, type FieldError } from '../../http/problem.js'
import { isoDate } from '../../lib/clock.js'
import { encodeCursor } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import { formatMoney, taxOn } from '../../lib/money.js'
import type { PriceCache } from '../catalog/price-cache.js'
import { unitPriceFor } from '../catalog/price-cache.js'
import { creditPosition } from '../credit/service.js'
import type { ListOrdersInput, Order, OrderSummary, PlaceOrderInput } from './schemas.js'

export interface OrderingContext extends TenantContext {
  prices: PriceCache
}

interface PricedLine {
  productId: string
  sku: string
  name: string
  unit: string
  quantity: number
  unitPrice: number
  amount: number
}

/**
 * A product as an order line needs it, and whether it is granted to the
 * account. One product a query: prepared once, where a list of IDs would
 * build a new statement for every order.
 */
const orderableProduct = preparedQuery<{ productId: string; accountId: string }>()((db, param) =>
  db
    .selectFrom('products')
    .leftJoin('product_accounts', (join) =>
      join
        .onRef('product_accounts.product_id', '=', 'products.id')
        .on('product_accounts.account_id', '=', param('accountId')),
    )
    .select([
      'products.id',
      'products.sku',
      'products.name',
      'products.unit',
      'products.min_order_quantity',
      'products.order_multiple',
      'products.restricted',
      'products.active',
      'product_accounts.account_id as grantedTo',
    ])
    .where('products.id', '=', param('productId')),
)

/**
 * Prices every line from the account's contract and checks what the
 * contract and the product allow: on the price list, not restricted to other
 * accounts, at least the minimum quantity, a multiple of the order multiple.
 * Every bad line is reported at once.
 */
async function priceLines(
  ctx: OrderingContext,
  lines: PlaceOrderInput['lines'],
): Promise<{ lines: PricedLine[]; currency: string }> {
  const prices = await ctx.prices.pricesFor(ctx.db, ctx.accountId, ctx.clock.now())
  const ids = [...new Set(lines.map((l) => l.productId))]
  const products = await Promise.all(
    ids.map(async (productId) => {
      const [product] = await orderableProduct.execute(ctx.db, {
        productId,
        accountId: ctx.accountId,
      })
      return product
    }),
  )
  const byId = new Map(products.flatMap((p) => (p ? [[p.id, p] as const] : [])))

  const errors: FieldError[] = []
  const seen = new Set<string>()
  const priced: PricedLine[] = []
  lines.forEach((line, index) => {
    const field = `body.lines.${index}`
    const product = byId.get(line.productId)
    const price = prices?.byProduct.get(line.productId)
    // Unknown, inactive, restricted to others and unpriced products look the
    // same to the customer: not orderable — another account's catalog stays private.
    if (!product || !product.active || (product.restricted && !product.grantedTo) || !price) {
      errors.push({
        field: `${field}.productId`,
        message: 'This product is not on your price list',
        code: 'product_not_orderable',
      })
      return
    }
    if (seen.has(line.productId)) {
      errors.push({
        field: `${field}.productId`,
        message: 'The product is already on another line',
        code: 'duplicate_product',
      })
      return
    }
    seen.add(line.productId)
    const moq = Number(product.min_order_quantity)
    const multiple = Number(product.order_multiple)
    if (line.quantity < moq) {
      errors.push({
        field: `${field}.quantity`,
        message: `The minimum order quantity is ${moq} ${product.unit}`,
        code: 'below_minimum_quantity',
      })
      return
    }
    if (line.quantity % multiple !== 0) {
      errors.push({
        field: `${field}.quantity`,
        message: `Order in multiples of ${multiple} ${product.unit}`,
        code: 'not_order_multiple',
      })
      return
    }
    const unitPrice = unitPriceFor(price, line.quantity)
    if (unitPrice === undefined) {
      errors.push({
        field: `${field}.quantity`,
        message: 'No contracted price for this quantity',
        code: 'product_not_orderable',
      })
      return
    }
    priced.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      quantity: line.quantity,
      unitPrice,
      amount: unitPrice * line.quantity,
    })
  })
  if (errors.length)
    throw new ApiError(422, 'order_lines_invalid', 'Some lines cannot be ordered.', { errors })
  if (!prices) throw new ApiError(422, 'no_price_list', 'Your account has no price list in force.')
  if (priced.some((l) => !Number.isSafeInteger(l.amount))) {
    throw invalidField('body.lines', 'The order total is too large', 'too_large')
  }
  return { lines: priced, currency: prices.currency }
}

/**
 * The earliest delivery date a buyer may ask for at `now`: today where the
 * day is youngest (UTC−12). The API does not know the buyer's time zone, so
 * it refuses only a date that has passed everywhere — a buyer anywhere may
 * still ask for their own today.
 */
export function earliestRequestedDate(now: Date): string {
  return isoDate(new Date(now.getTime() - 12 * 3_600_000))
}

/**
 * `ORD-2026-00042`: per account, per year, gap-free within the account. The
 * year's numbers are a range of orders_account_number_uq ('ORD-2026-' up to
 * 'ORD-2026.', the next character), so the last one is one index seek
 * however many orders the account has; LIKE would scan them.
 */
const lastOrderNumber = preparedQuery<{ accountId: string; from: string; to: string }>()(
  (db, param) =>
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.max('number').as('last'))
      .where('account_id', '=', param('accountId'))
      .where('number', '>=', param('from'))
      .where('number', '<', param('to')),
)

async function nextOrderNumber(
  trx: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<string> {
  const prefix = `ORD-${now.getUTCFullYear()}-`
  const [row] = await lastOrderNumber.execute(trx, {
    accountId,
    from: prefix,
    to: `${prefix.slice(0, -1)}.`,
  })
  const last = row?.last ? Number(String(row.last).slice(prefix.length)) : 0
  return `${prefix}${String(last + 1).padStart(5, '0')}`
}

/** The account's terms for the credit check; on PostgreSQL the row is locked, so orders of one account queue. */
const termsQuery = (lock: boolean) =>
  preparedQuery<{ accountId: string }>()((db, param) =>
    db
      .selectFrom('account_terms')
      .select(['tax_rate_bps', 'on_hold', 'hold_reason'])
      .where('account_id', '=', param('accountId'))
      .$if(lock, (q) => q.forUpdate()),
  )
const orderTerms = termsQuery(false)
const lockedTerms = termsQuery(true)

// What an order writes, each statement prepared once.
const insertOrder = preparedInsert('orders', {
  id: true,
  account_id: true,
  number: true,
  status: true,
  currency: true,
  subtotal: true,
  tax_total: true,
  total: true,
  po_number: true,
  delivery_address: true,
  requested_date: true,
  note: true,
  erp_order_number: true,
  status_reason: true,
  placed_by: true,
  placed_at: true,
  confirmed_at: true,
  invoiced_at: true,
  updated_at: true,
})
const insertOrderLine = preparedInsert('order_lines', {
  id: true,
  order_id: true,
  account_id: true,
  position: true,
  product_id: true,
  sku: true,
  name: true,
  unit: true,
  quantity: true,
  unit_price: true,
  tax_rate_bps: true,
  amount: true,
  shipped_quantity: true,
})
const insertTimelineEntry = preparedInsert('order_timeline', {
  id: true,
  order_id: true,
  account_id: true,
  status: true,
  occurred_at: true,
  recorded_at: true,
  source: true,
  detail: true,
})

/**
 * Places an order: prices it from the contract, checks credit and writes the
 * order, its lines, the first timeline entry, the `order.placed` event and
 * the ERP's outbox delivery in one transaction. The credit check reads the
 * outstanding total inside that transaction — on SQLite transactions run one
 * at a time, on PostgreSQL the account's terms row is locked — so concurrent
 * orders can never together exceed the limit.
 */
export async function placeOrder(ctx: OrderingContext, input: PlaceOrderInput): Promise<Order> {
  const now = ctx.clock.now()
  const earliest = earliestRequestedDate(now)
  // ISO dates compare as strings.
  if (input.requestedDate && input.requestedDate < earliest) {
    throw invalidField(
      'body.requestedDate',
      `The requested delivery date has passed; the earliest is ${earliest}`,
      'date_in_past',
    )
  }
  const { lines, currency } = await priceLines(ctx, input.lines)
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0)

  return transaction(ctx.db, async (trx) => {
    const [terms] = await (isPostgres(trx) ? lockedTerms : orderTerms).execute(trx, {
      accountId: ctx.accountId,
    })
    if (!terms)
      throw new ApiError(
        422,
        'no_credit_terms',
        'Your account cannot order online yet. Please contact your account manager.',
      )
    if (terms.on_hold) {
      throw new ApiError(
        422,
        'credit_hold',
        `Your account is on credit hold${terms.hold_reason ? ` (${terms.hold_reason})` : ''}. Please contact your account manager.`,
      )
    }
    const taxRate = Number(terms.tax_rate_bps)
    const taxTotal = taxOn(subtotal, taxRate)
    const total = subtotal + taxTotal
    const credit = await creditPosition(trx, ctx.accountId)
    if (total > credit.available) {
      throw new ApiError(
        422,
        'credit_limit_exceeded',
        `The order total of ${formatMoney(total, currency)} exceeds your available credit of ${formatMoney(credit.available, currency)}.`,
        { extensions: { available: credit.available, currency } },
      )
    }

    const id = newId('ord', now.getTime())
    const number = await nextOrderNumber(trx, ctx.accountId, now)
    const at = now.toISOString()
    const order: OrdersTable = {
      id,
      account_id: ctx.accountId,
      number,
      status: 'placed',
      currency,
      subtotal,
      tax_total: taxTotal,
      total,
      po_number: input.poNumber ?? null,
      delivery_address: input.deliveryAddress ? JSON.stringify(input.deliveryAddress) : null,
      requested_date: input.requestedDate ?? null,
      note: input.note ?? null,
      erp_order_number: null,
      status_reason: null,
      placed_by: ctx.userId,
      placed_at: at,
      confirmed_at: null,
      invoiced_at: null,
      updated_at: at,
    }
    await insertOrder.run(trx, order)
    const lineRows: OrderLinesTable[] = lines.map((line, i) => ({
      id: newId('ordl', now.getTime()),
      order_id: id,
      account_id: ctx.accountId,
      position: i + 1,
      product_id: line.productId,
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      tax_rate_bps: taxRate,
      amount: line.amount,
      shipped_quantity: 0,
    }))
    for (const line of lineRows) await insertOrderLine.run(trx, line)
    const placed: OrderTimelineTable = {
      id: newId('otl', now.getTime()),
      order_id: id,
      account_id: ctx.accountId,
      status: 'placed',
      occurred_at: at,
      recorded_at: at,
      source: 'portal',
      detail: JSON.stringify({}),
    }
    await insertTimelineEntry.run(trx, placed)
    const eventId = await appendEvent(trx, {
      accountId: ctx.accountId,
      type: 'order.placed',
      subjectId: id,
      data: {
        orderId: id,
        number,
        accountId: ctx.accountId,
        currency,
        subtotal,
        taxTotal,
        total,
        poNumber: input.poNumber ?? null,
        requestedDate: input.requestedDate ?? null,
        deliveryAddress: input.deliveryAddress ?? null,
        note: input.note ?? null,
        placedAt: at,
        lines: lineRows.map((l) => ({
          lineId: l.id,
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: l.unit_price,
          amount: l.amount,
        })),
      },
      now,
    })
    await enqueueDelivery(trx, eventId, ctx.accountId, now)
    // The order as GET /v1/orders/{id} would show it, from the rows just written.
    return toOrder(order, lineRows, [placed], [])
  })
}

function toSummary(row: OrdersTable, lineCount: number): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    currency: row.currency,
    subtotal: Number(row.subtotal),
    taxTotal: Number(row.tax_total),
    total: Number(row.total),
    poNumber: row.po_number,
    erpOrderNumber: row.erp_order_number,
    requestedDate: row.requested_date,
    placedAt: row.placed_at,
    updatedAt: row.updated_at,
    lineCount,
  }
}

/** The account's orders, newest first, keyset-paginated over (placed_at, id). */
export async function listOrders(ctx: TenantContext, input: ListOrdersInput) {
  const filters = JSON.stringify([input.status ?? null])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isStringPair('p', 'i'))
  let query = ctx.db
    .selectFrom('orders')
    .selectAll('orders')
    .select((eb) =>
      eb
        .selectFrom('order_lines')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('order_lines.order_id', '=', 'orders.id')
        .as('line_count'),
    )
    .where('account_id', '=', ctx.accountId)
  if (input.status) query = query.where('status', '=', input.status)
  if (after) {
    const { p, i } = after
    query = query.where((eb) => eb(eb.refTuple('placed_at', 'id'), '<', eb.tuple(p, i)))
  }
  const rows = await query
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    data: page.map((row) => toSummary(row, Number(row.line_count))),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor(ctx.secret, { p: last.placed_at, i: last.id }, filters)
        : null,
  }
}

function toTimelineEntry(row: OrderTimelineTable) {
  const detail = JSON.parse(row.detail) as Record<string, string | undefined>
  return {
    status: row.status,
    occurredAt: row.occurred_at,
    source: row.source,
    erpOrderNumber: detail.erpOrderNumber ?? null,
    reason: detail.reason ?? null,
    carrier: detail.carrier ?? null,
    trackingNumber: detail.trackingNumber ?? null,
  }
}

function toShipment(row: ShipmentsTable) {
  return {
    id: row.id,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    trackingUrl: row.tracking_url,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    lines: JSON.parse(row.lines) as Array<{ lineId: string; sku: string; quantity: number }>,
  }
}

function toLine(row: OrderLinesTable) {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    unit: row.unit,
    quantity: Number(row.quantity),
    shippedQuantity: Number(row.shipped_quantity),
    unitPrice: Number(row.unit_price),
    taxRate: Number(row.tax_rate_bps),
    amount: Number(row.amount),
  }
}

/** One order of the account with lines, timeline and shipments; another account's is not found. */
export async function getOrder(ctx: TenantContext, id: string): Promise<Order> {
  const row = await ctx.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!row) throw notFound('order')
  const [lines, timeline, shipments] = await Promise.all([
    ctx.db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', id)
      .where('account_id', '=', ctx.accountId)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('order_timeline')
      .selectAll()
      .where('order_id', '=', id)
      .where('account_id', '=', ctx.accountId)
      .orderBy('occurred_at')
      .orderBy('recorded_at')
      .execute(),
    ctx.db
      .selectFrom('shipments')
      .selectAll()
      .where('order_id', '=', id)
      .where('account_id', '=', ctx.accountId)
      .orderBy('shipped_at')
      .execute(),
  ])
  return toOrder(row, lines, timeline, shipments)
}

function toOrder(
  row: OrdersTable,
  lines: OrderLinesTable[],
  timeline: OrderTimelineTable[],
  shipments: ShipmentsTable[],
): Order {
  return {
    ...toSummary(row, lines.length),
    deliveryAddress: row.delivery_address ? JSON.parse(row.delivery_address) : null,
    note: row.note,
    statusReason: row.status_reason,
    lines: lines.map(toLine),
    timeline: timeline.map(toTimelineEntry),
    shipments: shipments.map(toShipment),
  }
}

/**
 * Cancels an order the ERP has not confirmed yet, and tells the ERP through
 * the outbox. Cancelling a cancelled order is a no-op; a confirmed one is 409.
 */
export async function cancelOrder(
  ctx: TenantContext,
  id: string,
  reason: string | undefined,
): Promise<Order> {
  const now = ctx.clock.now()
  await transaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('orders')
      .select(['id', 'status'])
      .where('id', '=', id)
      .where('account_id', '=', ctx.accountId)
      .executeTakeFirst()
    if (!row) throw notFound('order')
    if (row.status === 'cancelled') return
    if (row.status !== 'placed') {
      throw new ApiError(
        409,
        'order_not_cancellable',
        'The order has already been confirmed; contact your account manager to change it.',
      )
    }
    const at = now.toISOString()
    await trx
      .updateTable('orders')
      .set({ status: 'cancelled', status_reason: reason ?? null, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'placed')
      .execute()
    await trx
      .insertInto('order_timeline')
      .values({
        id: newId('otl', now.getTime()),
        order_id: id,
        account_id: ctx.accountId,
        status: 'cancelled',
        occurred_at: at,
        recorded_at: at,
        source: 'portal',
        detail: JSON.stringify({ reason }),
      })
      .execute()
    const eventId = await appendEvent(trx, {
      accountId: ctx.accountId,
      type: 'order.cancelled',
      subjectId: id,
      data: { orderId: id, reason: reason ?? null, cancelledAt: at },
      now,
    })
    await enqueueDelivery(trx, eventId, ctx.accountId, now)
  })
  return getOrder(ctx, id)
}
