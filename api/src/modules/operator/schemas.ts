import { z } from '@hono/zod-openapi'
import { IsoDate } from '../invoices/schemas.js'

export const MetricsQuery = z
  .strictObject({
    from: IsoDate.optional().openapi({
      description: 'First day of the period (default: 30 days ago).',
    }),
    to: IsoDate.optional().openapi({
      description: 'Last day of the period, inclusive (default: today).',
    }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  })

export const MetricsSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    ordersByAccount: z.array(
      z.object({
        accountId: z.string(),
        accountName: z.string(),
        currency: z.string(),
        orders: z
          .number()
          .int()
          .openapi({ description: 'Orders placed through the portal in the period.' }),
        value: z
          .number()
          .int()
          .openapi({ description: 'Their total, in minor units of `currency`.' }),
      }),
    ),
    medianSecondsToConfirmation: z.number().nullable().openapi({
      description:
        'Median time from an order placed in the period to its ERP confirmation; null when none was confirmed.',
    }),
    adoption: z.object({
      activeAccounts: z.number().int().openapi({
        description: 'Accounts with at least one user who signed in during the period.',
      }),
      totalAccounts: z.number().int(),
      ratio: z
        .number()
        .openapi({ description: 'activeAccounts / totalAccounts (0 when there are no accounts).' }),
    }),
  })
  .openapi('OperatorMetrics')

export const OutboxQuery = z.strictObject({
  state: z.enum(['pending', 'dead', 'delivered']).default('dead'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const OutboxDeliverySchema = z
  .object({
    eventId: z.string(),
    consumer: z.string(),
    type: z.string(),
    subjectId: z.string().nullable(),
    accountId: z.string().nullable(),
    state: z.enum(['pending', 'dead', 'delivered']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('OutboxDelivery')

export const OutboxListSchema = z
  .object({ data: z.array(OutboxDeliverySchema) })
  .openapi('OutboxDeliveryList')

export const EventIdParams = z.object({
  eventId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'eventId', in: 'path' }, example: 'evt_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
})
