import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { listActivity } from './service.js'
import { access, problems } from '../../http/route.js'
import { ActivityListSchema, ListActivityQuery } from '../cases/schemas.js'

export const listActivityRoute = createRoute({
  method: 'get',
  path: '/v1/activity',
  operationId: 'listActivity',
  tags: ['Activity'],
  summary: 'What happened in the account, newest first: orders, payments, cases and comments',
  description:
    'One feed over the account’s domain events. Each kind shows only with the permission of its own page ' +
    '(`payments:read` for payments, `cases:read` for cases and comments). Filter by `kind`; cursor-paginated ' +
    '(a cursor is bound to its filter).',
  ...access('events:read'),
  request: { query: ListActivityQuery },
  responses: {
    200: {
      description: 'A page of activity.',
      content: { 'application/json': { schema: ActivityListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

export function activityRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listActivityRoute, async (c) =>
    c.json(await listActivity(tenantOf(c), c.req.valid('query')), 200),
  )
  return app
}
