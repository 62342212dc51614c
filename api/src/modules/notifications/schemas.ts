import { z } from '@hono/zod-openapi'
import { idParams, PageCursor, PageLimit, pageSchema } from '../../http/list.js'

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

export const NotificationListSchema = pageSchema(NotificationSchema).openapi('NotificationList')

export const ListNotificationsQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  unread: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: '`true`: only those you have not marked read.' }),
})

export const NotificationIdParams = idParams('ntf_01jd4h7c2m8x3v9q5t6w2n4k8r')

export type Notification = z.infer<typeof NotificationSchema>
export type NotificationList = z.infer<typeof NotificationListSchema>
export type ListNotificationsInput = z.infer<typeof ListNotificationsQuery>
