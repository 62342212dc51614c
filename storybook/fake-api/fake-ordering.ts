/**
 * The ordering half of the fake Portico API: a catalog at contracted prices,
 * a credit position, `GET /v1/me` permissions, orders with timelines and
 * shipments — and the rules `POST /v1/orders` enforces (details and delivery
 * address, minimums, multiples, tax and credit, hold, role), answering with
 * the API's own problem+json shapes.
 * A fake ERP can move orders on while a story runs, streamed to the
 * components over a fake `GET /v1/events/stream`.
 */
import type { Schemas } from '@portico/sdk'
import type { FakeAccount } from './fake-portico-api.js'

type CatalogProduct = Schemas['CatalogProduct']
type Credit = Schemas['Credit']
type Order = Schemas['Order']
type OrderStatus = Schemas['OrderStatus']

/** A product as the demo contracts have them: price in major units, minimum and multiple. */
interface ProductSeed {
  sku: string
  name: string
  unit: string
  price: number
  moq?: number
  multiple?: number
}

/** Each fake account's catalog, modelled on the seeded demo accounts. */
const catalogs: Record<string, ProductSeed[]> = {
  USD: [
    {
      sku: 'AL-6061-BR',
      name: 'Aluminum 6061 bar, 1 in × 12 ft',
      unit: 'bar',
      price: 58.75,
      moq: 10,
      multiple: 10,
    },
    { sku: 'FRT-LTL', name: 'LTL freight', unit: 'shipment', price: 310 },
    { sku: 'LSR-CUT', name: 'Laser cutting, per machine hour', unit: 'h', price: 185 },
    {
      sku: 'SS-304-SH',
      name: 'Stainless 304 sheet, 4×8 ft, 16 ga',
      unit: 'sheet',
      price: 214,
      moq: 5,
    },
    {
      sku: 'SS-316-TB',
      name: 'Stainless 316 tube, 2 in × 20 ft',
      unit: 'tube',
      price: 162.4,
      moq: 4,
      multiple: 2,
    },
    { sku: 'WLD-ER70', name: 'ER70S-6 welding wire, 33 lb spool', unit: 'spool', price: 96.4 },
    {
      sku: 'WLD-GAS-75',
      name: 'Argon/CO₂ 75/25 shielding gas, cylinder',
      unit: 'cyl',
      price: 71.5,
    },
  ],
  EUR: [
    { sku: 'DZ-M12-50', name: 'Dichtungssatz M12, 50 Stück', unit: 'Satz', price: 42.5 },
    { sku: 'HP-200', name: 'Hydraulikpumpe HP-200', unit: 'Stk', price: 1245 },
    {
      sku: 'HP-200-BR',
      name: 'Hydraulikpumpe HP-200, Sonderausführung Brandt',
      unit: 'Stk',
      price: 1480,
    },
    {
      sku: 'LG-6205-2RS',
      name: 'Rillenkugellager 6205-2RS',
      unit: 'Stk',
      price: 8.9,
      moq: 10,
      multiple: 10,
    },
    { sku: 'SRV-H', name: 'Servicetechniker, pro Stunde', unit: 'h', price: 96 },
    { sku: 'SV-4-3', name: 'Wegeventil 4/3, NG6', unit: 'Stk', price: 389 },
  ],
  IDR: [
    { sku: 'FRT-JKT-SBY', name: 'Freight Jakarta–Surabaya, per tonne', unit: 't', price: 950_000 },
    {
      sku: 'HDPE-BM-25',
      name: 'HDPE blow-moulding grade, 25 kg bag',
      unit: 'bag',
      price: 655_000,
      moq: 10,
      multiple: 5,
    },
    {
      sku: 'MB-WHT-20',
      name: 'White masterbatch TiO2 70 %, 20 kg',
      unit: 'bag',
      price: 1_480_000,
      moq: 2,
    },
    { sku: 'PLT-EURO', name: 'Pallet handling and wrapping', unit: 'pallet', price: 85_000 },
    {
      sku: 'PP-HOMO-25',
      name: 'Polypropylene homopolymer, 25 kg bag',
      unit: 'bag',
      price: 612_000,
      moq: 10,
      multiple: 5,
    },
  ],
}

function minor(price: number, currency: string): number {
  return currency === 'IDR' ? Math.round(price) : Math.round(price * 100)
}

/** The catalog of an account at its contracted prices: 5 % off from 10× the minimum, 10 % from 50×. */
export function fakeCatalog(account: FakeAccount): CatalogProduct[] {
  const seeds = catalogs[account.currency] ?? catalogs.USD!
  return seeds.map((seed, index) => {
    const moq = seed.moq ?? 1
    const unitPrice = minor(seed.price, account.currency)
    return {
      id: `prod_fake${String(index + 1).padStart(4, '0')}`,
      sku: seed.sku,
      name: seed.name,
      description: seed.name,
      unit: seed.unit,
      minOrderQuantity: moq,
      orderMultiple: seed.multiple ?? 1,
      currency: account.currency,
      unitPrice,
      priceBreaks: [
        { minQuantity: moq, unitPrice },
        { minQuantity: moq * 10, unitPrice: Math.round(unitPrice * 0.95) },
        { minQuantity: moq * 50, unitPrice: Math.round(unitPrice * 0.9) },
      ],
    }
  })
}

/** A credit position with `available` left (minor units), optionally on hold. */
export function fakeCredit(account: FakeAccount, available: number, hold?: string): Credit {
  const openInvoices = account.typicalTotal * 14
  const uninvoicedOrders = account.typicalTotal * 2
  const outstanding = openInvoices + uninvoicedOrders
  return {
    currency: account.currency,
    limit: outstanding + available,
    openInvoices,
    uninvoicedOrders,
    outstanding,
    available,
    onHold: Boolean(hold),
    holdReason: hold ?? null,
    taxRate: account.taxRate,
  }
}

const carriersByCurrency: Record<string, [string, string]> = {
  USD: ['UPS Freight', 'Old Dominion'],
  EUR: ['DHL Freight', 'DB Schenker'],
  IDR: ['JNE Trucking', 'SiCepat Cargo'],
}

const HOUR = 3_600_000

/**
 * An order at `status`, placed `ageDays` before `today`, with the timeline
 * and shipments an ERP would have produced to get it there.
 */
export function fakeOrder(
  account: FakeAccount,
  options: {
    index: number
    status: OrderStatus
    ageDays: number
    today?: Date
    lines?: Array<{ sku: string; quantity: number }>
    reason?: string
  },
): Order {
  const today = options.today ?? new Date('2026-11-20T09:00:00Z')
  const catalog = fakeCatalog(account)
  const placedAt = new Date(today.getTime() - options.ageDays * 24 * HOUR)
  const at = (hours: number) => new Date(placedAt.getTime() + hours * HOUR).toISOString()
  const picks = options.lines ?? [
    { sku: catalog[options.index % catalog.length]!.sku, quantity: 0 },
    { sku: catalog[(options.index + 2) % catalog.length]!.sku, quantity: 0 },
  ]
  const lines = picks.map(({ sku, quantity }, n) => {
    const product = catalog.find((p) => p.sku === sku)!
    const q = quantity || product.minOrderQuantity * (2 + ((options.index + n) % 3))
    return {
      id: `ordl_fake${options.index}_${n}`,
      productId: product.id,
      sku,
      name: product.name,
      unit: product.unit,
      quantity: q,
      shippedQuantity: 0,
      unitPrice: product.unitPrice,
      taxRate: account.taxRate,
      amount: product.unitPrice * q,
    }
  })
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0)
  const taxTotal = Math.round((subtotal * account.taxRate) / 10_000)
  const erpOrderNumber = `SO-${48_200 + options.index * 17}`
  const [carrierA, carrierB] = carriersByCurrency[account.currency] ?? carriersByCurrency.USD!
  const ladder: OrderStatus[] = [
    'placed',
    'confirmed',
    'in_production',
    'partially_shipped',
    'shipped',
    'delivered',
  ]
  const ended = options.status === 'cancelled' || options.status === 'rejected'
  const reached = ended ? (options.status === 'rejected' ? 1 : 0) : ladder.indexOf(options.status)

  const timeline: Order['timeline'] = [
    {
      status: 'placed',
      occurredAt: at(0),
      source: 'portal',
      erpOrderNumber: null,
      reason: null,
      carrier: null,
      trackingNumber: null,
    },
  ]
  const entry = (
    status: OrderStatus,
    hours: number,
    extra: Partial<Order['timeline'][number]> = {},
  ) =>
    timeline.push({
      status,
      occurredAt: at(hours),
      source: 'erp',
      erpOrderNumber: null,
      reason: null,
      carrier: null,
      trackingNumber: null,
      ...extra,
    })
  if (reached >= 1) entry('confirmed', 2, { erpOrderNumber })
  if (reached >= 2) entry('in_production', 26)
  const shipments: Order['shipments'] = []
  if (reached >= 3) {
    const first = lines.slice(0, 1)
    first.forEach((line) => (line.shippedQuantity = line.quantity))
    shipments.push({
      id: `shp_fake${options.index}_1`,
      carrier: carrierA,
      trackingNumber: `${carrierA.slice(0, 3).toUpperCase()}${704_118_200 + options.index}`,
      trackingUrl: `https://tracking.example/${704_118_200 + options.index}`,
      shippedAt: at(72),
      deliveredAt: reached >= 5 ? at(160) : null,
      lines: first.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
    })
    entry('partially_shipped', 72, {
      carrier: carrierA,
      trackingNumber: shipments[0]!.trackingNumber,
    })
  }
  if (reached >= 4) {
    const rest = lines.slice(1)
    rest.forEach((line) => (line.shippedQuantity = line.quantity))
    shipments.push({
      id: `shp_fake${options.index}_2`,
      carrier: carrierB,
      trackingNumber: `${carrierB.slice(0, 3).toUpperCase()}${88_120 + options.index}`,
      trackingUrl: null,
      shippedAt: at(120),
      deliveredAt: reached >= 5 ? at(160) : null,
      lines: rest.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
    })
    entry('shipped', 120, { carrier: carrierB, trackingNumber: shipments[1]!.trackingNumber })
  }
  if (reached >= 5) entry('delivered', 160)
  if (ended) entry(options.status, 4, { reason: options.reason ?? null })
  const last = timeline.at(-1)!

  return {
    id: `ord_fake${String(options.index).padStart(6, '0')}`,
    number: `ORD-2026-${String(400 - options.index).padStart(5, '0')}`,
    status: options.status,
    currency: account.currency,
    subtotal,
    taxTotal,
    total: subtotal + taxTotal,
    poNumber: options.index % 3 === 2 ? null : `PO-${88_000 + options.index * 37}`,
    erpOrderNumber: reached >= 1 ? erpOrderNumber : null,
    requestedDate:
      options.index % 2 ? null : isoDate(new Date(placedAt.getTime() + 14 * 24 * HOUR)),
    placedAt: placedAt.toISOString(),
    updatedAt: last.occurredAt,
    lineCount: lines.length,
    deliveryAddress: null,
    note: null,
    statusReason: options.reason ?? null,
    lines,
    timeline,
    shipments,
  }
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `count` orders, newest first, at the stages a busy account's orders are at. */
export function fakeOrders(account: FakeAccount, count: number): Order[] {
  const stages: Array<[OrderStatus, string?]> = [
    ['placed'],
    ['confirmed'],
    ['in_production'],
    ['partially_shipped'],
    ['shipped'],
    ['delivered'],
    ['delivered'],
    ['cancelled', 'Ordered twice'],
    ['delivered'],
    ['rejected', 'Grade discontinued by the mill'],
    ['delivered'],
  ]
  return Array.from({ length: count }, (_, index) => {
    const [status, reason] = stages[Math.min(index, stages.length - 1)]!
    return fakeOrder(account, {
      index,
      status,
      ageDays: index * 3 + 0.2,
      ...(reason ? { reason } : {}),
    })
  })
}

/** What the fake ordering API knows and may change while a story runs. */
export interface FakeOrderingState {
  account: FakeAccount
  catalog: CatalogProduct[]
  credit: Credit
  permissions: string[]
  orders: Order[]
  /**
   * Credit (minor units, tax included) someone else's order takes just before
   * the next `POST /v1/orders` is checked: the credit changed after the
   * element read it.
   */
  spentMeanwhile?: number
  /** Answer every `POST /v1/orders` with this problem instead (e.g. a refused line). */
  refuseOrders?: {
    status: number
    code: string
    detail: string
    errors?: Array<{ field: string; message: string; code: string }>
  }
}

/** The permissions of each demo role (as the API maps them). */
export const rolePermissions = {
  buyer: [
    'profile:read',
    'invoices:read',
    'catalog:read',
    'credit:read',
    'orders:read',
    'orders:write',
    'events:read',
    'documents:read',
    'contracts:read',
    'notifications:read',
  ],
  viewer: [
    'profile:read',
    'invoices:read',
    'catalog:read',
    'orders:read',
    'events:read',
    'documents:read',
    'notifications:read',
  ],
}

/** The steps a fake ERP takes with an order, one per `stepMs`, for live stories. */
export function erpSteps(order: Order): Array<{ type: string; apply: (order: Order) => Order }> {
  const add = (o: Order, status: OrderStatus, extra: Partial<Order['timeline'][number]> = {}) => ({
    ...o,
    status,
    updatedAt: new Date().toISOString(),
    timeline: [
      ...o.timeline,
      {
        status,
        occurredAt: new Date().toISOString(),
        source: 'erp' as const,
        erpOrderNumber: null,
        reason: null,
        carrier: null,
        trackingNumber: null,
        ...extra,
      },
    ],
  })
  const ship = (
    o: Order,
    lineIndexes: number[],
    carrier: string,
    trackingNumber: string,
    status: OrderStatus,
  ) => {
    const lines = o.lines.map((line, i) =>
      lineIndexes.includes(i) ? { ...line, shippedQuantity: line.quantity } : line,
    )
    return add(
      {
        ...o,
        lines,
        shipments: [
          ...o.shipments,
          {
            id: `shp_live_${o.shipments.length}`,
            carrier,
            trackingNumber,
            trackingUrl: `https://tracking.example/${trackingNumber}`,
            shippedAt: new Date().toISOString(),
            deliveredAt: null,
            lines: lineIndexes.map((i) => ({
              lineId: o.lines[i]!.id,
              sku: o.lines[i]!.sku,
              quantity: o.lines[i]!.quantity,
            })),
          },
        ],
      },
      status,
      { carrier, trackingNumber },
    )
  }
  const rest = order.lines.map((_, i) => i).slice(1)
  return [
    {
      type: 'order.confirmed',
      apply: (o) => ({
        ...add(o, 'confirmed', { erpOrderNumber: 'SO-48977' }),
        erpOrderNumber: 'SO-48977',
      }),
    },
    { type: 'order.in_production', apply: (o) => add(o, 'in_production') },
    {
      type: 'order.partially_shipped',
      apply: (o) => ship(o, [0], 'DHL Freight', 'JJD0001479', 'partially_shipped'),
    },
    { type: 'order.shipped', apply: (o) => ship(o, rest, 'DB Schenker', 'SCH88121', 'shipped') },
    {
      type: 'order.delivered',
      apply: (o) => ({
        ...add(o, 'delivered'),
        shipments: o.shipments.map((s) => ({ ...s, deliveredAt: new Date().toISOString() })),
      }),
    },
  ]
}
