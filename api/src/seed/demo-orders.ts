import type { Transaction } from 'kysely'
import type { Database, OrderStatus } from '../db/schema.js'
import { newId } from '../lib/ids.js'
import { taxOn, toMinorUnits } from '../lib/money.js'
import type { DemoAccount } from './demo-data.js'
import type { seededRandom } from './random.js'

const DAY_MS = 24 * 60 * 60 * 1000

const CARRIERS: Record<string, string[]> = {
  id: ['JNE Trucking', 'SiCepat Cargo'],
  de: ['DHL Freight', 'DB Schenker'],
  en: ['UPS Freight', 'Old Dominion'],
  fr: ['Geodis', 'DB Schenker'],
  it: ['BRT', 'GLS Italy'],
}

/** Quantity breaks of the demo contracts: 5 % off from 10× the minimum, 10 % off from 50×. */
export function demoBreaks(unitPrice: number, moq: number) {
  return [
    { min_quantity: moq, unit_price: unitPrice },
    { min_quantity: moq * 10, unit_price: Math.round(unitPrice * 0.95) },
    { min_quantity: moq * 50, unit_price: Math.round(unitPrice * 0.9) },
  ]
}

/** The stages the demo's past orders have reached, oldest first. */
const HISTORY: Array<{ ageDays: number; status: OrderStatus }> = [
  { ageDays: 41, status: 'delivered' },
  { ageDays: 26, status: 'delivered' },
  { ageDays: 12, status: 'shipped' },
  { ageDays: 6, status: 'partially_shipped' },
  { ageDays: 3, status: 'in_production' },
  { ageDays: 1, status: 'confirmed' },
]

/**
 * Past orders of a demo account at every stage, with their timelines and
 * shipments, so the order tracker has something to show from the first
 * minute. Orders older than three weeks count as invoiced. Returns the
 * total of those not yet invoiced (they count against credit).
 */
export async function seedDemoOrders(
  trx: Transaction<Database>,
  input: {
    account: DemoAccount
    accountId: string
    userId: string
    taxRateBps: number
    products: Array<{
      id: string
      sku: string
      name: string
      unit: string
      moq: number
      multiple: number
      price: number
    }>
    now: Date
    random: ReturnType<typeof seededRandom>
  },
): Promise<number> {
  const { account, accountId, now, random } = input
  let uninvoiced = 0
  const carriers = CARRIERS[account.locale] ?? CARRIERS.en!
  const orderable = input.products
  for (const [index, stage] of HISTORY.entries()) {
    const placed = new Date(now.getTime() - stage.ageDays * DAY_MS - random.int(1, 8) * 3_600_000)
    const id = newId('ord', placed.getTime())
    const lines = Array.from({ length: random.int(1, 3) }, (_, i) => {
      const product = orderable[(index + i) % orderable.length]!
      const quantity =
        product.moq * random.int(1, 4) - ((product.moq * random.int(1, 4)) % product.multiple)
      const unitPrice = toMinorUnits(product.price, account.currency)
      return {
        id: newId('ordl', placed.getTime()),
        order_id: id,
        account_id: accountId,
        position: i + 1,
        product_id: product.id,
        sku: product.sku,
        name: product.name,
        unit: product.unit,
        quantity: Math.max(product.moq, quantity),
        unit_price: unitPrice,
        tax_rate_bps: input.taxRateBps,
        amount: unitPrice * Math.max(product.moq, quantity),
        shipped_quantity: 0,
      }
    })
    const subtotal = lines.reduce((sum, l) => sum + l.amount, 0)
    const taxTotal = taxOn(subtotal, input.taxRateBps)
    const erpNumber = `${account.invoicePrefix}-SO-${String(48_200 + index * 17 + random.int(0, 9))}`
    const steps: Array<{ status: OrderStatus; at: Date; detail: Record<string, string> }> = [
      { status: 'placed', at: placed, detail: {} },
    ]
    const reached = [
      'placed',
      'confirmed',
      'in_production',
      'partially_shipped',
      'shipped',
      'delivered',
    ].indexOf(stage.status)
    const stepAt = (hours: number) => new Date(placed.getTime() + hours * 3_600_000)
    if (reached >= 1)
      steps.push({ status: 'confirmed', at: stepAt(2), detail: { erpOrderNumber: erpNumber } })
    if (reached >= 2) steps.push({ status: 'in_production', at: stepAt(26), detail: {} })
    const shipments: Array<{ carrier: string; tracking: string; at: Date; partial: boolean }> = []
    if (reached >= 3) {
      const carrier = random.pick(carriers)
      const tracking = `${carrier.slice(0, 3).toUpperCase()}${random.int(100_000_000, 999_999_999)}`
      shipments.push({
        carrier,
        tracking,
        at: stepAt(72),
        partial: reached === 3 || lines.length > 1,
      })
      steps.push({
        status: reached === 3 || lines.length > 1 ? 'partially_shipped' : 'shipped',
        at: stepAt(72),
        detail: { carrier, trackingNumber: tracking },
      })
    }
    if (reached >= 4 && lines.length > 1) {
      const carrier = random.pick(carriers)
      const tracking = `${carrier.slice(0, 3).toUpperCase()}${random.int(100_000_000, 999_999_999)}`
      shipments.push({ carrier, tracking, at: stepAt(120), partial: false })
      steps.push({
        status: 'shipped',
        at: stepAt(120),
        detail: { carrier, trackingNumber: tracking },
      })
    }
    if (reached >= 5) steps.push({ status: 'delivered', at: stepAt(160), detail: {} })

    // Partial shipments carry the first line; the rest follow in the second.
    const shipmentRows = shipments.map((s, n) => {
      const shipped = s.partial ? lines.slice(0, 1) : n === 0 ? lines : lines.slice(1)
      for (const line of shipped) line.shipped_quantity = line.quantity
      return {
        id: newId('shp', s.at.getTime()),
        order_id: id,
        account_id: accountId,
        erp_shipment_id: `SH-${random.int(10_000, 99_999)}`,
        carrier: s.carrier,
        tracking_number: s.tracking,
        tracking_url: null,
        lines: JSON.stringify(
          shipped.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity })),
        ),
        shipped_at: s.at.toISOString(),
        delivered_at: reached >= 5 ? stepAt(160).toISOString() : null,
      }
    })
    const last = steps.at(-1)!
    await trx
      .insertInto('orders')
      .values({
        id,
        account_id: accountId,
        number: `ORD-${placed.getUTCFullYear()}-${String(index + 1).padStart(5, '0')}`,
        status: last.status,
        currency: account.currency,
        subtotal,
        tax_total: taxTotal,
        total: subtotal + taxTotal,
        po_number: `PO-${random.int(10_000, 99_999)}`,
        delivery_address: null,
        requested_date: null,
        note: null,
        erp_order_number: reached >= 1 ? erpNumber : null,
        status_reason: null,
        placed_by: input.userId,
        placed_at: placed.toISOString(),
        confirmed_at: reached >= 1 ? stepAt(2).toISOString() : null,
        invoiced_at: stage.ageDays > 21 ? stepAt(170).toISOString() : null,
        updated_at: last.at.toISOString(),
      })
      .execute()
    if (stage.ageDays <= 21) uninvoiced += subtotal + taxTotal
    await trx.insertInto('order_lines').values(lines).execute()
    await trx
      .insertInto('order_timeline')
      .values(
        steps.map((step) => ({
          id: newId('otl', step.at.getTime()),
          order_id: id,
          account_id: accountId,
          status: step.status,
          occurred_at: step.at.toISOString(),
          recorded_at: step.at.toISOString(),
          source: step.status === 'placed' ? ('portal' as const) : ('erp' as const),
          detail: JSON.stringify(step.detail),
        })),
      )
      .execute()
    if (shipmentRows.length) await trx.insertInto('shipments').values(shipmentRows).execute()
  }
  return uninvoiced
}
