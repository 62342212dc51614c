import { z } from '@hono/zod-openapi'
import { IsoDate } from '../invoices/schemas.js'

const OrderRef = { orderId: z.string().min(1).max(64) }
const Instant = z.iso.datetime({ offset: true })

const ShipmentInput = z.strictObject({
  id: z.string().min(1).max(100).openapi({ description: "The ERP's shipment ID (delivery note)." }),
  carrier: z.string().min(1).max(100),
  trackingNumber: z.string().min(1).max(100),
  trackingUrl: z.url().max(500).optional(),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(64),
        quantity: z.number().int().min(1).max(1_000_000),
      }),
    )
    .min(1)
    .max(100),
})

const InvoiceInput = z.strictObject({
  number: z.string().min(1).max(50),
  status: z.enum(['open', 'paid', 'void']).default('open'),
  issueDate: IsoDate,
  dueDate: IsoDate,
  currency: z.string().length(3),
  amountPaid: z.number().int().min(0).default(0),
  poNumber: z.string().max(50).optional(),
  orderIds: z
    .array(z.string().max(64))
    .max(50)
    .optional()
    .openapi({ description: 'Portal orders this invoice bills.' }),
  lines: z
    .array(
      z.strictObject({
        description: z.string().min(1).max(500),
        sku: z.string().max(64).optional(),
        quantity: z.number().int().min(1).max(1_000_000),
        unitPrice: z.number().int().min(0),
        taxRateBps: z.number().int().min(0).max(10_000),
      }),
    )
    .min(1)
    .max(500),
})

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'Unique event ID: a redelivery with the same ID is a no-op.' }),
    type: z.literal(type),
    occurredAt: Instant.openapi({
      description:
        'When it happened in the ERP; statuses never move backwards whatever the arrival order.',
    }),
    data,
  })

export const ErpEventBody = z
  .discriminatedUnion('type', [
    envelope(
      'order.confirmed',
      z.strictObject({ ...OrderRef, erpOrderNumber: z.string().min(1).max(64) }),
    ),
    envelope('order.in_production', z.strictObject(OrderRef)),
    envelope('order.shipped', z.strictObject({ ...OrderRef, shipment: ShipmentInput })),
    envelope(
      'order.delivered',
      z.strictObject({ ...OrderRef, shipmentId: z.string().max(100).optional() }),
    ),
    envelope('order.rejected', z.strictObject({ ...OrderRef, reason: z.string().min(1).max(500) })),
    envelope(
      'invoice.created',
      z.strictObject({ accountId: z.string().min(1).max(64), invoice: InvoiceInput }),
    ),
    envelope(
      'invoice.updated',
      z.strictObject({
        accountId: z.string().min(1).max(64),
        number: z.string().min(1).max(50),
        status: z.enum(['open', 'paid', 'void']).optional(),
        amountPaid: z.number().int().min(0).optional(),
      }),
    ),
    envelope(
      'pricelist.updated',
      z.strictObject({
        accountId: z.string().min(1).max(64),
        priceList: z.strictObject({
          reference: z.string().min(1).max(100),
          name: z.string().min(1).max(200),
          currency: z.string().length(3),
          validFrom: IsoDate,
          validTo: IsoDate.nullable().optional(),
          items: z
            .array(
              z.strictObject({
                sku: z.string().min(1).max(64),
                minQuantity: z.number().int().min(1),
                unitPrice: z.number().int().min(0),
              }),
            )
            .max(10_000),
        }),
      }),
    ),
    envelope(
      'credit.updated',
      z.strictObject({
        accountId: z.string().min(1).max(64),
        creditLimit: z.number().int().min(0),
        onHold: z.boolean(),
        holdReason: z.string().max(500).nullable().optional(),
        taxRateBps: z.number().int().min(0).max(10_000).optional(),
      }),
    ),
  ])
  .openapi('ErpEvent')

export const ErpEventResultSchema = z
  .object({
    id: z.string(),
    duplicate: z
      .boolean()
      .openapi({ description: 'True when this event ID was already processed (nothing changed).' }),
    outcome: z.string().openapi({
      description: 'What the event did: `applied`, or why it changed nothing (`stale`).',
    }),
  })
  .openapi('ErpEventResult')

export const WebhookHeaders = z.object({
  'webhook-id': z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: 'Standard Webhooks message ID.' }),
  'webhook-timestamp': z
    .string()
    .regex(/^\d{1,12}$/)
    .openapi({ description: 'Unix seconds; refused more than 5 minutes off.' }),
  'webhook-signature': z.string().min(1).max(2000).openapi({
    description: '`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, space-separated for rotation.',
  }),
})

export type ErpEvent = z.infer<typeof ErpEventBody>
