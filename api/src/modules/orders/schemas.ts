import { z } from '@hono/zod-openapi'
import { PageParams } from '../../http/route.js'
import { IsoDate } from '../invoices/schemas.js'

const Minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description}, in minor units of \`currency\`.` })

export const OrderStatusSchema = z
  .enum([
    'placed',
    'confirmed',
    'in_production',
    'partially_shipped',
    'shipped',
    'delivered',
    'cancelled',
    'rejected',
  ])
  .openapi('OrderStatus', {
    description:
      'placed → confirmed (by the ERP) → in_production → partially_shipped → shipped → delivered; or cancelled (by the customer, before confirmation) / rejected (by the ERP). Never moves backwards.',
  })

export const AddressSchema = z
  .strictObject({
    // Trimmed first: a line of spaces is no address.
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ example: 'Brandt Maschinenbau GmbH — Wareneingang' }),
    line1: z.string().trim().min(1).max(200).openapi({ example: 'Industriestraße 12' }),
    line2: z.string().trim().max(200).optional(),
    postalCode: z.string().trim().min(1).max(20).openapi({ example: '70565' }),
    city: z.string().trim().min(1).max(100).openapi({ example: 'Stuttgart' }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code')
      .openapi({ example: 'DE' }),
  })
  .openapi('Address')

export const OrderLineInput = z.strictObject({
  productId: z.string().min(1).max(64).openapi({ example: 'prod_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
  quantity: z.number().int().min(1).max(1_000_000).openapi({ example: 10 }),
})

export const PlaceOrderBody = z
  .strictObject({
    lines: z.array(OrderLineInput).min(1).max(100),
    poNumber: z.string().trim().min(1).max(50).optional().openapi({ example: 'PO-88213' }),
    deliveryAddress: AddressSchema.optional(),
    requestedDate: IsoDate.optional().openapi({
      description:
        'Requested delivery date. Not in the past: the API does not know the buyer’s time zone, so it refuses a date that has passed everywhere (before today in UTC−12), with a `date_in_past` error on `body.requestedDate`.',
    }),
    note: z.string().max(2000).optional(),
  })
  .openapi('PlaceOrderRequest')

export const OrderLineSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    unit: z.string(),
    quantity: z.number().int(),
    shippedQuantity: z.number().int(),
    unitPrice: Minor('Contracted unit price at this quantity'),
    taxRate: z.number().int().openapi({ description: 'Basis points.' }),
    amount: Minor('quantity × unitPrice'),
  })
  .openapi('OrderLine')

export const OrderTimelineEntrySchema = z
  .object({
    status: OrderStatusSchema,
    occurredAt: z.string(),
    source: z.enum(['portal', 'erp']),
    erpOrderNumber: z.string().nullable(),
    reason: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
  })
  .openapi('OrderTimelineEntry')

export const ShipmentSchema = z
  .object({
    id: z.string(),
    carrier: z.string().openapi({ example: 'DHL Freight' }),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable(),
    shippedAt: z.string(),
    deliveredAt: z.string().nullable(),
    lines: z.array(z.object({ lineId: z.string(), sku: z.string(), quantity: z.number().int() })),
  })
  .openapi('Shipment')

export const OrderSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'ord_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    number: z.string().openapi({ example: 'ORD-2026-00042' }),
    status: OrderStatusSchema,
    currency: z.string().length(3),
    subtotal: Minor('Sum of the lines'),
    taxTotal: Minor('Tax'),
    total: Minor('Subtotal plus tax'),
    poNumber: z.string().nullable(),
    erpOrderNumber: z.string().nullable(),
    requestedDate: z.string().nullable(),
    placedAt: z.string(),
    updatedAt: z.string(),
    lineCount: z.number().int(),
  })
  .openapi('OrderSummary')

export const OrderSchema = OrderSummarySchema.extend({
  deliveryAddress: AddressSchema.nullable(),
  note: z.string().nullable(),
  statusReason: z.string().nullable(),
  lines: z.array(OrderLineSchema),
  timeline: z.array(OrderTimelineEntrySchema),
  shipments: z.array(ShipmentSchema),
}).openapi('Order')

export const OrderListSchema = z
  .object({ data: z.array(OrderSummarySchema), nextCursor: z.string().nullable() })
  .openapi('OrderList')

export const ListOrdersQuery = z.strictObject({
  ...PageParams,
  status: OrderStatusSchema.optional(),
})

export const OrderIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ord_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
})

export type PlaceOrderInput = z.infer<typeof PlaceOrderBody>
export type Order = z.infer<typeof OrderSchema>
export type OrderSummary = z.infer<typeof OrderSummarySchema>
export type ListOrdersInput = z.infer<typeof ListOrdersQuery>
