import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import type { AppEnv } from '../../http/env.js'
import { ApiError } from '../../http/problem.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { ErpEventBody, ErpEventResultSchema, WebhookHeaders } from './erp-events.schemas.js'
import { applyErpEvent } from './erp-events.service.js'

/**
 * Verifies the Standard Webhooks signature on the raw body, in constant
 * time, refusing timestamps more than 5 minutes off either way. Runs before
 * the body is parsed, so what is verified is exactly what was sent.
 */
function verifyErpSignature() {
  return createMiddleware<AppEnv>(async function erpSignature(c, next) {
    const raw = await c.req.text()
    const webhook = new Webhook(c.var.deps.config.erpWebhookSecret)
    try {
      webhook.verify(raw, {
        'webhook-id': c.req.header('webhook-id') ?? '',
        'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
        'webhook-signature': c.req.header('webhook-signature') ?? '',
      })
    } catch (error) {
      const detail = error instanceof WebhookVerificationError ? error.message : 'Invalid signature'
      throw new ApiError(401, 'invalid_signature', `The webhook signature is not valid: ${detail}.`)
    }
    await next()
  })
}

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
  middleware: [...access('operator').middleware, verifyErpSignature()],
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
    const { db, clock } = c.var.deps
    const result = await applyErpEvent({ db, now: clock.now(), prices: c.var.prices }, event)
    return c.json({ id: event.id, ...result }, 200)
  })
  return app
}
