import { z } from '@hono/zod-openapi'
import { PageParams } from '../../http/route.js'
import { PAYMENT_PROVIDERS } from '../../connectors/payments/providers.js'

const Minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description}, in minor units of \`currency\`.` })

/** Most invoices one payment may settle. */
export const MAX_ALLOCATIONS = 50

export const PaymentStatusSchema = z
  .enum(['pending', 'succeeded', 'failed', 'cancelled', 'expired'])
  .openapi('PaymentStatus', {
    description:
      '`pending` until the provider reports an outcome: `succeeded` (recorded against the invoices), `failed` ' +
      '(declined), `cancelled` (the customer gave up) or `expired`. A pending payment reserves its amounts on the ' +
      'invoices until `expiresAt`. Only `succeeded` is final; a declined payment may still succeed on a retry.',
  })

const AllocationInput = z.strictObject({
  invoiceId: z.string().min(1).max(64).openapi({ example: 'inv_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({
    description:
      'What to pay on this invoice, in its minor units: at most its open balance (less what pending payments reserve).',
    example: 150000,
  }),
})

export const CreatePaymentBody = z
  .strictObject({
    allocations: z
      .array(AllocationInput)
      .min(1)
      .max(MAX_ALLOCATIONS)
      .superRefine((allocations, ctx) => {
        const seen = new Set<string>()
        allocations.forEach((allocation, index) => {
          if (seen.has(allocation.invoiceId))
            ctx.addIssue({
              code: 'custom',
              message: 'The invoice is already on another allocation',
              path: [index, 'invoiceId'],
            })
          seen.add(allocation.invoiceId)
        })
      })
      .openapi({
        description: `The open invoices to pay (1–${MAX_ALLOCATIONS}, all in one currency), in full or in part.`,
      }),
    returnUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .openapi({
        description:
          'Where the provider sends the customer back to: a page of this portal, or of an origin the embed secret is bound to.',
        example: 'https://portal.example.com/invoices?paid=1',
      }),
  })
  .openapi('CreatePaymentRequest')

export const PaymentAllocationSchema = z
  .object({
    invoiceId: z.string(),
    invoiceNumber: z.string().openapi({ example: 'RE-2026-00042' }),
    amount: Minor('Paid (or, while pending, reserved) on this invoice'),
  })
  .openapi('PaymentAllocation')

export const PaymentSchema = z
  .object({
    id: z.string().openapi({ example: 'pay_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    status: PaymentStatusSchema,
    provider: z.string().openapi({ example: 'midtrans' }),
    currency: z.string().length(3),
    amount: Minor('The whole payment'),
    unappliedAmount: Minor(
      'The part no invoice could take when the payment succeeded (its balance had changed outside the portal); posted to the ERP for refund or credit',
    ),
    allocations: z.array(PaymentAllocationSchema),
    method: z
      .string()
      .nullable()
      .openapi({ description: 'How the customer paid, as the provider reports it.' }),
    redirectUrl: z.string().nullable().openapi({
      description: "While pending: where to send the customer to pay (the provider's page).",
    }),
    providerToken: z.string().nullable().openapi({
      description: "While pending: a token for the provider's own front end (Midtrans Snap.js).",
    }),
    failureReason: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    succeededAt: z.string().nullable(),
  })
  .openapi('Payment')

export const PaymentListSchema = z
  .object({ data: z.array(PaymentSchema), nextCursor: z.string().nullable() })
  .openapi('PaymentList')

export const ListPaymentsQuery = z.strictObject({
  ...PageParams,
  status: PaymentStatusSchema.optional(),
  invoiceId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Only payments allocated to this invoice.' }),
})

export const PaymentIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'pay_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
})

export const ProviderParams = z.object({
  provider: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/)
    .openapi({ param: { name: 'provider', in: 'path' }, example: 'sandbox' }),
})

/** Every shipped provider's webhook body, for the reference; each provider verifies and reads its own. */
export const PaymentWebhookBody = z
  .union(Object.values(PAYMENT_PROVIDERS).map((p) => p.webhookBody))
  .openapi('PaymentWebhook')

export const PaymentWebhookHeaders = z.object({
  'webhook-id': z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Standard Webhooks (sandbox).' }),
  'webhook-timestamp': z.string().max(20).optional(),
  'webhook-signature': z.string().max(2000).optional(),
})

export const PaymentWebhookResultSchema = z
  .object({
    duplicate: z.boolean().openapi({
      description: 'True when this notification was already processed: nothing changed.',
    }),
    outcome: z.enum(['applied', 'stale', 'ignored']).openapi({
      description:
        '`applied`; `stale`: the payment is already past this status (out-of-order or replayed delivery); ' +
        '`ignored`: a status Portico does not act on.',
    }),
    paymentId: z.string(),
    status: PaymentStatusSchema,
  })
  .openapi('PaymentWebhookResult')

export type CreatePaymentInput = z.infer<typeof CreatePaymentBody>
export type Payment = z.infer<typeof PaymentSchema>
export type ListPaymentsInput = z.infer<typeof ListPaymentsQuery>
export type PaymentWebhookResult = z.infer<typeof PaymentWebhookResultSchema>
