import { createRoute } from '@hono/zod-openapi'
import { access, problems } from '../../http/route.js'
import { ActivityListSchema, ListActivityQuery } from '../cases/schemas.js'

export const listActivityRoute = createRoute({
  method: 'get',
  path: '/v1/activity',
  operationId: 'listActivity',
  tags: ['Activity'],
  summary: 'What happened in the account, newest first: orders, payments, cases and comments',
  description:
    'One feed over the account’s domain events. Filter by `kind`; cursor-paginated (a cursor is bound to ' +
    'its filter).',
  ...access('orders:read'),
  request: { query: ListActivityQuery },
  responses: {
    200: {
      description: 'A page of activity.',
      content: { 'application/json': { schema: ActivityListSchema } },
    },
    ...problems(400, 401, 403),
  },
})
