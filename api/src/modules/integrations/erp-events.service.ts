import type { Kysely, Updateable } from 'kysely'
import { appendEvent } from '../../db/events.js'
import type { Database, OrdersTable, OrderStatus } from '../../db/schema.js'
import { ApiError } from '../../http/problem.js'
import { newId } from '../../lib/ids.js'
import { taxOn } from '../../lib/money.js'
import type { PriceCache } from '../catalog/price-cache.js'
import { canAdvance } from '../orders/status.js'
import type { ErpEvent } from './erp-events.schemas.js'
import { transaction, withPurpose, withTenant } from '../../db/scope.js'
import { recordInboundEvent, setInboundOutcome } from '../../db/inbound-events.js'

type Trx = Kysely<Database>

export interface ApplyResult {
  duplicate: boolean
  outcome: 'applied' | 'stale'
}

/**
 * Applies one event from the ERP, exactly once: the event ID is recorded in
 * the same transaction as its effect, so a redelivery is a no-op, and an
 * order's status only ever moves up its ladder — an event that arrives after
 * a later one still lands in the timeline but never moves the status back.
 *
 * The ERP speaks for every account, so this path crosses tenants on
 * purpose; each effect is written with the account of the record it touches.
 */
export async function applyErpEvent(
  deps: { db: Kysely<Database>; now: Date; prices: PriceCache },
  event: ErpEvent,
): Promise<ApplyResult> {
  const touchedPriceLists: string[] = []
  const accountId = await accountOfEvent(deps.db, event)
  const result = await withTenant(deps.db, accountId, (db) =>
    transaction(db, async (trx) => {
      const recorded = await recordInboundEvent(trx, {
        source: 'erp',
        eventId: event.id,
        type: event.type,
        at: deps.now.toISOString(),
      })
      if (!recorded) return { duplicate: true, outcome: 'applied' as const }
      const outcome = await apply(trx, event, deps.now, touchedPriceLists)
      if (outcome !== 'applied') {
        await setInboundOutcome(trx, { source: 'erp', eventId: event.id, outcome })
      }
      return { duplicate: false, outcome }
    }),
  )
  // After commit: the next catalog read sees the new contract at once.
  for (const accountId of touchedPriceLists) deps.prices.invalidate(accountId)
  return result
}

async function apply(
  trx: Trx,
  event: ErpEvent,
  now: Date,
  touchedPriceLists: string[],
): Promise<ApplyResult['outcome']> {
  switch (event.type) {
    case 'order.confirmed':
      return advanceOrder(trx, event.data.orderId, 'confirmed', event.occurredAt, now, {
        erpOrderNumber: event.data.erpOrderNumber,
      })
    case 'order.in_production':
      return advanceOrder(trx, event.data.orderId, 'in_production', event.occurredAt, now, {})
    case 'order.shipped':
      return shipOrder(trx, event, now)
    case 'order.delivered':
      return deliverOrder(trx, event, now)
    case 'order.rejected':
      return advanceOrder(trx, event.data.orderId, 'rejected', event.occurredAt, now, {
        reason: event.data.reason,
      })
    case 'invoice.created':
      return createInvoice(trx, event, now)
    case 'invoice.updated':
      return updateInvoice(trx, event, now)
    case 'pricelist.updated':
      touchedPriceLists.push(event.data.accountId)
      return replacePriceList(trx, event, now)
    case 'credit.updated':
      return updateCredit(trx, event, now)
  }
}

/**
 * The account an event is about: named in the event, or — for an order
 * event, which names only the order — the order's. Finding it is the one
 * cross-tenant read of this path; everything else is written in that
 * account's scope.
 */
async function accountOfEvent(db: Kysely<Database>, event: ErpEvent): Promise<string> {
  if ('accountId' in event.data) return event.data.accountId
  const { orderId } = event.data
  const order = await withPurpose(db, 'erp-inbound', (db) =>
    db.selectFrom('orders').select('account_id').where('id', '=', orderId).executeTakeFirst(),
  )
  if (!order) throw unknownOrder(orderId)
  return order.account_id
}

const unknownOrder = (orderId: string) =>
  new ApiError(422, 'unknown_order', `No order ${orderId}.`, {
    errors: [{ field: 'body.data.orderId', message: 'Unknown order', code: 'unknown_order' }],
  })

async function findOrder(trx: Trx, orderId: string) {
  const order = await trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirst()
  if (!order) throw unknownOrder(orderId)
  return order
}

async function requireAccount(trx: Trx, accountId: string) {
  const account = await trx
    .selectFrom('accounts')
    .select(['id', 'currency'])
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (!account)
    throw new ApiError(422, 'unknown_account', `No account ${accountId}.`, {
      errors: [
        { field: 'body.data.accountId', message: 'Unknown account', code: 'unknown_account' },
      ],
    })
  return account
}

/**
 * Records a step in the order's timeline and moves its status up when the
 * step is higher than where the order stands; a lower step (arriving late)
 * is kept in the timeline only.
 */
async function advanceOrder(
  trx: Trx,
  orderId: string,
  to: OrderStatus,
  occurredAt: string,
  now: Date,
  detail: Record<string, string | undefined>,
): Promise<ApplyResult['outcome']> {
  const order = await findOrder(trx, orderId)
  const moves = canAdvance(order.status, to)
  const terminalMismatch =
    (order.status === 'cancelled' || order.status === 'rejected') && to !== order.status
  if (!terminalMismatch) {
    await trx
      .insertInto('order_timeline')
      .values({
        id: newId('otl', now.getTime()),
        order_id: order.id,
        account_id: order.account_id,
        status: to,
        occurred_at: new Date(occurredAt).toISOString(),
        recorded_at: now.toISOString(),
        source: 'erp',
        detail: JSON.stringify(detail),
      })
      .execute()
  }
  const set: Updateable<OrdersTable> = { updated_at: now.toISOString() }
  if (detail.erpOrderNumber && !order.erp_order_number) set.erp_order_number = detail.erpOrderNumber
  if (to === 'confirmed' && !order.confirmed_at)
    set.confirmed_at = new Date(occurredAt).toISOString()
  if (moves) {
    set.status = to
    if (detail.reason) set.status_reason = detail.reason
  }
  await trx.updateTable('orders').set(set).where('id', '=', order.id).execute()
  if (!moves) return 'stale'
  await appendEvent(trx, {
    accountId: order.account_id,
    type: `order.${to}`,
    subjectId: order.id,
    data: { orderId: order.id, number: order.number, status: to, ...detail },
    now,
  })
  return 'applied'
}

async function shipOrder(trx: Trx, event: Extract<ErpEvent, { type: 'order.shipped' }>, now: Date) {
  const order = await findOrder(trx, event.data.orderId)
  const { shipment } = event.data
  const lines = await trx
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('position')
    .execute()
  const bySku = new Map(lines.map((l) => [l.sku, l]))
  for (const [i, item] of shipment.lines.entries()) {
    if (!bySku.has(item.sku)) {
      throw new ApiError(
        422,
        'unknown_order_line',
        `Order ${order.number} has no line for ${item.sku}.`,
        {
          errors: [
            {
              field: `body.data.shipment.lines.${i}.sku`,
              message: 'Not on this order',
              code: 'unknown_order_line',
            },
          ],
        },
      )
    }
  }
  const inserted = await trx
    .insertInto('shipments')
    .values({
      id: newId('shp', now.getTime()),
      order_id: order.id,
      account_id: order.account_id,
      erp_shipment_id: shipment.id,
      carrier: shipment.carrier,
      tracking_number: shipment.trackingNumber,
      tracking_url: shipment.trackingUrl ?? null,
      lines: JSON.stringify(
        shipment.lines.map((l) => ({
          lineId: bySku.get(l.sku)!.id,
          sku: l.sku,
          quantity: l.quantity,
        })),
      ),
      shipped_at: new Date(event.occurredAt).toISOString(),
      delivered_at: null,
    })
    .onConflict((oc) => oc.columns(['order_id', 'erp_shipment_id']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
    for (const item of shipment.lines) {
      const line = bySku.get(item.sku)!
      const shipped = Math.min(Number(line.quantity), Number(line.shipped_quantity) + item.quantity)
      line.shipped_quantity = shipped
      await trx
        .updateTable('order_lines')
        .set({ shipped_quantity: shipped })
        .where('id', '=', line.id)
        .execute()
    }
  }
  const complete = lines.every((l) => Number(l.shipped_quantity) >= Number(l.quantity))
  return advanceOrder(
    trx,
    order.id,
    complete ? 'shipped' : 'partially_shipped',
    event.occurredAt,
    now,
    {
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
    },
  )
}

async function deliverOrder(
  trx: Trx,
  event: Extract<ErpEvent, { type: 'order.delivered' }>,
  now: Date,
) {
  const order = await findOrder(trx, event.data.orderId)
  let update = trx
    .updateTable('shipments')
    .set({ delivered_at: new Date(event.occurredAt).toISOString() })
    .where('order_id', '=', order.id)
    .where('delivered_at', 'is', null)
  if (event.data.shipmentId) update = update.where('erp_shipment_id', '=', event.data.shipmentId)
  await update.execute()
  // A delivery of one of several shipments does not deliver the order.
  const open = await trx
    .selectFrom('order_lines')
    .select('id')
    .where('order_id', '=', order.id)
    .whereRef('shipped_quantity', '<', 'quantity')
    .executeTakeFirst()
  const undelivered = await trx
    .selectFrom('shipments')
    .select('id')
    .where('order_id', '=', order.id)
    .where('delivered_at', 'is', null)
    .executeTakeFirst()
  if (open || undelivered) return 'stale'
  return advanceOrder(trx, order.id, 'delivered', event.occurredAt, now, {})
}

async function createInvoice(
  trx: Trx,
  event: Extract<ErpEvent, { type: 'invoice.created' }>,
  now: Date,
) {
  const account = await requireAccount(trx, event.data.accountId)
  const input = event.data.invoice
  const existing = await trx
    .selectFrom('invoices')
    .select('id')
    .where('account_id', '=', account.id)
    .where('number', '=', input.number)
    .executeTakeFirst()
  if (existing) return 'stale'
  const id = newId('inv', now.getTime())
  const lines = input.lines.map((l, i) => ({
    id: newId('invl', now.getTime()),
    invoice_id: id,
    account_id: account.id,
    position: i + 1,
    description: l.description,
    sku: l.sku ?? null,
    quantity: l.quantity,
    unit_price: l.unitPrice,
    tax_rate_bps: l.taxRateBps,
    amount: l.quantity * l.unitPrice,
  }))
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0)
  const taxTotal = lines.reduce((sum, l) => sum + taxOn(l.amount, l.tax_rate_bps), 0)
  const at = now.toISOString()
  await trx
    .insertInto('invoices')
    .values({
      id,
      account_id: account.id,
      number: input.number,
      status: input.status,
      currency: input.currency,
      issue_date: input.issueDate,
      due_date: input.dueDate,
      subtotal,
      tax_total: taxTotal,
      total: subtotal + taxTotal,
      amount_paid: Math.min(input.amountPaid, subtotal + taxTotal),
      po_number: input.poNumber ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute()
  await trx.insertInto('invoice_lines').values(lines).execute()
  if (input.orderIds?.length) {
    await trx
      .updateTable('orders')
      .set({ invoiced_at: at, updated_at: at })
      .where('account_id', '=', account.id)
      .where('id', 'in', input.orderIds)
      .where('invoiced_at', 'is', null)
      .execute()
  }
  await appendEvent(trx, {
    accountId: account.id,
    type: 'invoice.created',
    subjectId: id,
    data: {
      invoiceId: id,
      number: input.number,
      total: subtotal + taxTotal,
      currency: input.currency,
    },
    now,
  })
  return 'applied' as const
}

async function updateInvoice(
  trx: Trx,
  event: Extract<ErpEvent, { type: 'invoice.updated' }>,
  now: Date,
) {
  const account = await requireAccount(trx, event.data.accountId)
  const invoice = await trx
    .selectFrom('invoices')
    .select(['id', 'total'])
    .where('account_id', '=', account.id)
    .where('number', '=', event.data.number)
    .executeTakeFirst()
  if (!invoice) {
    throw new ApiError(422, 'unknown_invoice', `No invoice ${event.data.number}.`, {
      errors: [{ field: 'body.data.number', message: 'Unknown invoice', code: 'unknown_invoice' }],
    })
  }
  await trx
    .updateTable('invoices')
    .set({
      ...(event.data.status ? { status: event.data.status } : {}),
      ...(event.data.amountPaid !== undefined
        ? { amount_paid: Math.min(event.data.amountPaid, Number(invoice.total)) }
        : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', invoice.id)
    .execute()
  await appendEvent(trx, {
    accountId: account.id,
    type: 'invoice.updated',
    subjectId: invoice.id,
    data: {
      invoiceId: invoice.id,
      number: event.data.number,
      status: event.data.status ?? null,
      amountPaid: event.data.amountPaid ?? null,
    },
    now,
  })
  return 'applied' as const
}

async function replacePriceList(
  trx: Trx,
  event: Extract<ErpEvent, { type: 'pricelist.updated' }>,
  now: Date,
) {
  const account = await requireAccount(trx, event.data.accountId)
  const input = event.data.priceList
  const skus = [...new Set(input.items.map((i) => i.sku))]
  const products = skus.length
    ? await trx.selectFrom('products').select(['id', 'sku']).where('sku', 'in', skus).execute()
    : []
  const bySku = new Map(products.map((p) => [p.sku, p.id]))
  const unknown = skus.filter((sku) => !bySku.has(sku))
  if (unknown.length) {
    throw new ApiError(
      422,
      'unknown_product',
      `Unknown SKUs: ${unknown.slice(0, 10).join(', ')}.`,
      {
        errors: unknown.slice(0, 20).map((sku) => ({
          field: 'body.data.priceList.items',
          message: `Unknown SKU ${sku}`,
          code: 'unknown_product',
        })),
      },
    )
  }
  const at = now.toISOString()
  const existing = await trx
    .selectFrom('price_lists')
    .select('id')
    .where('account_id', '=', account.id)
    .where('erp_reference', '=', input.reference)
    .executeTakeFirst()
  const id = existing?.id ?? newId('pl', now.getTime())
  if (existing) {
    await trx
      .updateTable('price_lists')
      .set({
        name: input.name,
        currency: input.currency,
        valid_from: input.validFrom,
        valid_to: input.validTo ?? null,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute()
    await trx.deleteFrom('price_list_items').where('price_list_id', '=', id).execute()
  } else {
    await trx
      .insertInto('price_lists')
      .values({
        id,
        account_id: account.id,
        name: input.name,
        currency: input.currency,
        valid_from: input.validFrom,
        valid_to: input.validTo ?? null,
        erp_reference: input.reference,
        created_at: at,
        updated_at: at,
      })
      .execute()
  }
  if (input.items.length) {
    await trx
      .insertInto('price_list_items')
      .values(
        input.items.map((i) => ({
          price_list_id: id,
          account_id: account.id,
          product_id: bySku.get(i.sku)!,
          min_quantity: i.minQuantity,
          unit_price: i.unitPrice,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['price_list_id', 'product_id', 'min_quantity'])
          .doUpdateSet((eb) => ({ unit_price: eb.ref('excluded.unit_price') })),
      )
      .execute()
  }
  await appendEvent(trx, {
    accountId: account.id,
    type: 'pricelist.updated',
    subjectId: id,
    data: { priceListId: id, reference: input.reference },
    now,
  })
  return 'applied' as const
}

async function updateCredit(
  trx: Trx,
  event: Extract<ErpEvent, { type: 'credit.updated' }>,
  now: Date,
) {
  const account = await requireAccount(trx, event.data.accountId)
  const at = now.toISOString()
  const current = await trx
    .selectFrom('account_terms')
    .select('tax_rate_bps')
    .where('account_id', '=', account.id)
    .executeTakeFirst()
  const values = {
    credit_limit: event.data.creditLimit,
    on_hold: event.data.onHold ? 1 : 0,
    hold_reason: event.data.onHold ? (event.data.holdReason ?? null) : null,
    tax_rate_bps: event.data.taxRateBps ?? current?.tax_rate_bps ?? 0,
    updated_at: at,
  }
  if (current)
    await trx
      .updateTable('account_terms')
      .set(values)
      .where('account_id', '=', account.id)
      .execute()
  else
    await trx
      .insertInto('account_terms')
      .values({ account_id: account.id, ...values })
      .execute()
  await appendEvent(trx, {
    accountId: account.id,
    type: 'credit.updated',
    subjectId: account.id,
    data: { creditLimit: event.data.creditLimit, onHold: event.data.onHold },
    now,
  })
  return 'applied' as const
}
