import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, IdempotencyKeyHeader, NoQuery, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import {
  ListOrdersQuery,
  OrderIdParams,
  OrderListSchema,
  OrderSchema,
  PlaceOrderBody,
} from './schemas.js'
import { cancelOrder, getOrder, listOrders, placeOrder } from './service.js'

const placeOrderRoute = createRoute({
  method: 'post',
  path: '/v1/orders',
  operationId: 'placeOrder',
  tags: ['Ordering'],
  summary: 'Place an order at the contracted prices, within the credit limit',
  description:
    'The server prices every line from the account’s price list (quantity breaks included), checks minimum ' +
    'quantities, multiples and restrictions, computes tax and total, and refuses the order with 422 ' +
    '`credit_limit_exceeded` (telling `available`) when it exceeds the available credit, or `credit_hold` when the ' +
    'account is on hold. The order goes to the ERP through the outbox.',
  ...access('orders:write', { idempotent: true }),
  request: {
    query: NoQuery,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { 'application/json': { schema: PlaceOrderBody } } },
  },
  responses: {
    201: {
      description: 'The order, placed.',
      content: { 'application/json': { schema: OrderSchema } },
    },
    ...problems(400, 401, 403, 409, 413, 415, 422),
  },
})

const listOrdersRoute = createRoute({
  method: 'get',
  path: '/v1/orders',
  operationId: 'listOrders',
  tags: ['Ordering'],
  summary: "The account's orders, newest first",
  ...access('orders:read'),
  request: { query: ListOrdersQuery },
  responses: {
    200: {
      description: 'A page of orders.',
      content: { 'application/json': { schema: OrderListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

const getOrderRoute = createRoute({
  method: 'get',
  path: '/v1/orders/{id}',
  operationId: 'getOrder',
  tags: ['Ordering'],
  summary: 'An order with its lines, status timeline and shipments',
  ...access('orders:read'),
  request: { query: NoQuery, params: OrderIdParams },
  responses: {
    200: { description: 'The order.', content: { 'application/json': { schema: OrderSchema } } },
    ...problems(400, 401, 403, 404),
  },
})

const CancelOrderBody = z
  .strictObject({ reason: z.string().trim().min(1).max(500).optional() })
  .openapi('CancelOrderRequest')

const cancelOrderRoute = createRoute({
  method: 'post',
  path: '/v1/orders/{id}/cancel',
  operationId: 'cancelOrder',
  tags: ['Ordering'],
  summary: 'Cancel an order the ERP has not confirmed yet',
  description:
    'Cancelling a cancelled order changes nothing and answers 200; a confirmed order answers 409.',
  ...access('orders:write'),
  request: {
    query: NoQuery,
    params: OrderIdParams,
    body: { required: false, content: { 'application/json': { schema: CancelOrderBody } } },
  },
  responses: {
    200: {
      description: 'The order, cancelled.',
      content: { 'application/json': { schema: OrderSchema } },
    },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
})

export function orderRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(placeOrderRoute, async (c) => {
    const order = await placeOrder({ ...tenantOf(c), prices: c.get('prices') }, c.req.valid('json'))
    c.header('Location', `/v1/orders/${order.id}`)
    return c.json(order, 201)
  })
  app.openapi(listOrdersRoute, async (c) =>
    c.json(await listOrders(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(getOrderRoute, async (c) =>
    c.json(await getOrder(tenantOf(c), c.req.valid('param').id), 200),
  )
  app.openapi(cancelOrderRoute, async (c) => {
    const body = c.req.valid('json') as { reason?: string }
    return c.json(await cancelOrder(tenantOf(c), c.req.valid('param').id, body.reason), 200)
  })
  return app
}
