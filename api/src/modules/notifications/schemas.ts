import { z } from '@hono/zod-openapi'

export const NotificationSchema = z
  .object({
    id: z.string().openapi({ example: 'ntf_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    type: z.string().openapi({ example: 'contract.renewal_reminder' }),
    title: z.string().openapi({ example: 'SVC-2026-0007 renews in 30 days' }),
    body: z.string(),
    subjectId: z
      .string()
      .nullable()
      .openapi({ description: 'What it is about (a contract, an invoice …).' }),
    createdAt: z.string(),
    readAt: z
      .string()
      .nullable()
      .openapi({ description: 'When you marked it read; null: unread.' }),
  })
  .openapi('Notification')

export const NotificationListSchema = z
  .object({ data: z.array(NotificationSchema), nextCursor: z.string().nullable() })
  .openapi('NotificationList')

export const ListNotificationsQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, 1–100.' }),
  cursor: z.string().max(512).optional(),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: '`true`: only those you have not marked read.' }),
})

export const NotificationIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ntf_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
})

export type Notification = z.infer<typeof NotificationSchema>
export type NotificationList = z.infer<typeof NotificationListSchema>
export type ListNotificationsInput = z.infer<typeof ListNotificationsQuery>
