import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { CreditSchema } from './schemas.js'
import { creditPosition } from './service.js'

const getCreditRoute = createRoute({
  method: 'get',
  path: '/v1/credit',
  operationId: 'getCredit',
  tags: ['Ordering'],
  summary: "The account's credit limit, what is outstanding and what is available",
  ...access('credit:read'),
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'The credit position.',
      content: { 'application/json': { schema: CreditSchema } },
    },
    ...problems(400, 401, 403),
  },
})

export function creditRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(getCreditRoute, async (c) => {
    const ctx = tenantOf(c)
    return c.json(await creditPosition(ctx.db, ctx.accountId), 200)
  })
  return app
}
