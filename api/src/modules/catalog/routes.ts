import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { CatalogPageSchema, CatalogQuery } from './schemas.js'
import { listCatalog } from './service.js'

const listCatalogRoute = createRoute({
  method: 'get',
  path: '/v1/catalog',
  operationId: 'listCatalog',
  tags: ['Ordering'],
  summary: "The products this account may order, at this account's contracted prices",
  description:
    'Only products on the price list in force today; prices are the account’s own, with quantity breaks. ' +
    'Sorted by SKU, cursor-paginated; `q` searches SKU and name.',
  ...access('catalog:read'),
  request: { query: CatalogQuery },
  responses: {
    200: {
      description: 'A page of the catalog.',
      content: { 'application/json': { schema: CatalogPageSchema } },
    },
    ...problems(400, 401, 403),
  },
})

export function catalogRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listCatalogRoute, async (c) =>
    c.json(
      await listCatalog({ ...tenantOf(c), prices: c.get('prices') }, c.req.valid('query')),
      200,
    ),
  )
  return app
}
