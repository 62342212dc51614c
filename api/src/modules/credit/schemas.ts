import { z } from '@hono/zod-openapi'

const Minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description}, in minor units.` })

export const CreditSchema = z
  .object({
    currency: z.string().length(3),
    limit: Minor('The credit limit'),
    openInvoices: Minor('Unpaid balance of open invoices'),
    uninvoicedOrders: Minor('Orders placed but not yet invoiced (cancelled and rejected excluded)'),
    outstanding: Minor('openInvoices + uninvoicedOrders'),
    available: Minor('limit − outstanding, never below 0'),
    onHold: z.boolean().openapi({ description: 'An account on credit hold cannot order at all.' }),
    holdReason: z.string().nullable(),
    taxRate: z.number().int().openapi({
      description:
        'Tax added to every order, in basis points (1100 = 11 %): an order costs subtotal + round(subtotal × taxRate / 10,000) against `available`.',
      example: 1900,
    }),
  })
  .openapi('Credit')

export type Credit = z.infer<typeof CreditSchema>
