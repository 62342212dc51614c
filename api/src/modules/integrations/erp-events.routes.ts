import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { verifyWebhookSignature } from '../../http/webhook-signature.js'
import { ErpEventBody, ErpEventResultSchema, WebhookHeaders } from './erp-events.schemas.js'
import { applyErpEvent } from './erp-events.service.js'

const receiveErpEventRoute = createRoute({
  method: 'post',
  path: '/v1/integrations/erp/events',
  operationId: 'receiveErpEvent',
  tags: ['Integrations'],
  summary: 'Receive an event from the ERP (order progress, invoices, price lists, credit)',
  description:
    'Authenticated with the operator key and signed per Standard Webhooks (HMAC-SHA256 over `id.timestamp.body`). ' +
    'Idempotent by event `id`; events may arrive in any order — an order status never moves backwards.',
  ...access('operator'),
  middleware: [
    ...access('operator').middleware,
    verifyWebhookSignature((c) => c.get('deps').config.erpWebhookSecret),
  ],
  request: {
    query: NoQuery,
    headers: WebhookHeaders,
    body: { required: true, content: { 'application/json': { schema: ErpEventBody } } },
  },
  responses: {
    200: {
      description: 'Processed (or already processed).',
      content: { 'application/json': { schema: ErpEventResultSchema } },
    },
    ...problems(400, 401, 413, 415, 422),
  },
})

export function erpEventRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(receiveErpEventRoute, async (c) => {
    const event = c.req.valid('json')
    const { db, clock } = c.get('deps')
    const result = await applyErpEvent({ db, now: clock.now(), prices: c.get('prices') }, event)
    return c.json({ id: event.id, ...result }, 200)
  })
  return app
}
