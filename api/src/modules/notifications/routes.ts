import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import {
  ListNotificationsQuery,
  NotificationIdParams,
  NotificationListSchema,
  NotificationSchema,
} from './schemas.js'
import { listNotifications, markNotificationRead } from './service.js'

const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/v1/notifications',
  operationId: 'listNotifications',
  tags: ['Notifications'],
  summary: 'Your in-app notifications, newest first, with their read state',
  description:
    'What the account was told — contract renewal reminders, for now — as far as your role may see it. ' +
    'Read state is yours alone. Cursor-paginated.',
  ...access('notifications:read'),
  request: { query: ListNotificationsQuery },
  responses: {
    200: {
      description: 'A page of notifications.',
      content: { 'application/json': { schema: NotificationListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

const markReadRoute = createRoute({
  method: 'post',
  path: '/v1/notifications/{id}/read',
  operationId: 'markNotificationRead',
  tags: ['Notifications'],
  summary: 'Mark a notification read (for you)',
  description: 'Marking it read again changes nothing and answers 200.',
  ...access('notifications:read'),
  request: { query: NoQuery, params: NotificationIdParams },
  responses: {
    200: {
      description: 'The notification, read.',
      content: { 'application/json': { schema: NotificationSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

export function notificationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listNotificationsRoute, async (c) =>
    c.json(await listNotifications(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(markReadRoute, async (c) =>
    c.json(await markNotificationRead(tenantOf(c), c.req.valid('param').id), 200),
  )
  return app
}
