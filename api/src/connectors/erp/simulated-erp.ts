import type { Kysely } from 'kysely'
import { Webhook } from 'standardwebhooks'
import type { Database, OrderStatus } from '../../db/schema.js'
import type { Clock } from '../../lib/clock.js'
import type { Logger } from '../../lib/logger.js'
import type { ErpConnector } from './erp-connector.js'
import { withPurpose } from '../../db/scope.js'

/** Seconds after placement at which the simulated ERP takes each step (at speed 1). */
const SCHEDULE: Partial<Record<OrderStatus, { after: number; step: string }>> = {
  placed: { after: 20, step: 'confirm' },
  confirmed: { after: 60, step: 'produce' },
  in_production: { after: 120, step: 'ship' },
  partially_shipped: { after: 180, step: 'ship-rest' },
  shipped: { after: 240, step: 'deliver' },
}

const CARRIERS: Record<string, string> = {
  IDR: 'JNE Trucking',
  EUR: 'DHL Freight',
  USD: 'UPS Freight',
}

export interface SimulatedErpOptions {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  /** `whsec_…`: the simulator signs its events like a real ERP would. */
  secret: string
  /** 2 = twice as fast as the schedule. */
  speed: number
  /** Sends one signed event to Portico's inbound endpoint; returns the HTTP status. */
  send(body: string, headers: Record<string, string>): Promise<number>
}

/**
 * A stand-in ERP for the demo: accepts the orders the outbox delivers, then
 * confirms, produces, ships (a multi-line order in two shipments) and
 * delivers each over about four minutes, through the same signed inbound
 * endpoint a real ERP calls. Its progress is derived from the orders
 * themselves, so a restart loses nothing; its event IDs are deterministic,
 * so a repeated step is a harmless duplicate.
 */
export function createSimulatedErp(options: SimulatedErpOptions) {
  const webhook = new Webhook(options.secret)

  const connector: ErpConnector = {
    name: 'simulated',
    async deliver() {
      // Accepted. Orders: the schedule below picks them up from the database.
      // Payments: posted to accounts receivable as they are — the portal
      // already shows them against the invoices.
    },
  }

  async function post(id: string, type: string, data: Record<string, unknown>) {
    const now = options.clock.now()
    const body = JSON.stringify({ id, type, occurredAt: now.toISOString(), data })
    const status = await options.send(body, {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': webhook.sign(id, new Date(), body),
    })
    if (status !== 200) options.logger.error('simulated ERP event refused', { id, type, status })
  }

  /** Takes every step that is due now. */
  async function tick(): Promise<number> {
    const now = options.clock.now().getTime()
    // The stand-in ERP knows every account's orders: the demo-only purpose.
    const orders = await withPurpose(options.db, 'erp-simulator', (db) =>
      db
        .selectFrom('orders')
        .innerJoin('events', (join) =>
          join.onRef('events.subject_id', '=', 'orders.id').on('events.type', '=', 'order.placed'),
        )
        .innerJoin('outbox_deliveries', 'outbox_deliveries.event_id', 'events.id')
        .select([
          'orders.id',
          'orders.number',
          'orders.status',
          'orders.placed_at',
          'orders.currency',
        ])
        .where('outbox_deliveries.state', '=', 'delivered')
        .where('orders.status', 'in', Object.keys(SCHEDULE) as OrderStatus[])
        .limit(200)
        .execute(),
    )
    let steps = 0
    for (const order of orders) {
      const next = SCHEDULE[order.status]
      if (!next || (now - Date.parse(order.placed_at)) / 1000 < next.after / options.speed) continue
      const id = `sim-${order.id}-${next.step}`
      steps++
      if (next.step === 'confirm')
        await post(id, 'order.confirmed', {
          orderId: order.id,
          erpOrderNumber: `SO-${order.number.slice(4)}`,
        })
      else if (next.step === 'produce') await post(id, 'order.in_production', { orderId: order.id })
      else if (next.step === 'deliver') await post(id, 'order.delivered', { orderId: order.id })
      else {
        const lines = await withPurpose(options.db, 'erp-simulator', (db) =>
          db
            .selectFrom('order_lines')
            .select(['sku', 'quantity', 'shipped_quantity'])
            .where('order_id', '=', order.id)
            .orderBy('position')
            .execute(),
        )
        const open = lines.filter((l) => Number(l.shipped_quantity) < Number(l.quantity))
        // First shipment: the first line only when there are several; then the rest.
        const shipping = next.step === 'ship' && open.length > 1 ? open.slice(0, 1) : open
        if (shipping.length === 0) continue
        const carrier = CARRIERS[order.currency] ?? 'DHL Freight'
        await post(id, 'order.shipped', {
          orderId: order.id,
          shipment: {
            id: `DN-${order.number.slice(4)}-${next.step === 'ship' ? 1 : 2}`,
            carrier,
            trackingNumber: `${carrier.slice(0, 3).toUpperCase()}${order.id.slice(-10).toUpperCase()}${next.step === 'ship' ? 1 : 2}`,
            lines: shipping.map((l) => ({
              sku: l.sku,
              quantity: Number(l.quantity) - Number(l.shipped_quantity),
            })),
          },
        })
      }
    }
    return steps
  }

  let timer: NodeJS.Timeout | undefined
  return {
    connector,
    tick,
    start(everyMs = 2_000) {
      timer = setInterval(() => {
        tick().catch((error) => options.logger.error('simulated ERP failed', { error }))
      }, everyMs)
      timer.unref()
    },
    stop() {
      clearInterval(timer)
    },
  }
}
