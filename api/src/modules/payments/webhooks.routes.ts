import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { WebhookRejectedError } from '../../connectors/payments/payment-provider.js'
import type { AppEnv } from '../../http/env.js'
import { ApiError } from '../../http/problem.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import {
  PaymentWebhookBody,
  PaymentWebhookHeaders,
  PaymentWebhookResultSchema,
  ProviderParams,
} from './schemas.js'
import { recordPaymentNotification } from './webhooks.service.js'

/**
 * Authenticates a payment webhook by its signature alone — the configured
 * provider verifies the raw body before anything is parsed or looked up —
 * and hands the verified notification to the handler.
 */
function verifyPaymentWebhook() {
  return createMiddleware<AppEnv>(async function paymentWebhookSignature(c, next) {
    const provider = c.get('paymentProvider')
    const name = c.req.param('provider')
    if (!provider || provider.name !== name) {
      throw new ApiError(
        404,
        'payment_provider_not_found',
        // The name is not echoed: what a caller sends is not repeated back.
        'No such payment provider is set up here.',
      )
    }
    const rawBody = await c.req.text()
    try {
      c.set(
        'paymentNotification',
        provider.readWebhook({
          rawBody,
          headers: {
            'webhook-id': c.req.header('webhook-id'),
            'webhook-timestamp': c.req.header('webhook-timestamp'),
            'webhook-signature': c.req.header('webhook-signature'),
          },
        }),
      )
    } catch (error) {
      if (!(error instanceof WebhookRejectedError)) throw error
      c.set('validationFailed', true)
      throw error.reason === 'invalid_signature'
        ? new ApiError(
            401,
            'invalid_signature',
            `The webhook signature is not valid: ${error.message}.`,
          )
        : new ApiError(400, 'malformed_webhook', `The webhook cannot be read: ${error.message}.`)
    }
    await next()
  })
}

const receivePaymentWebhookRoute = createRoute({
  method: 'post',
  path: '/v1/webhooks/payments/{provider}',
  operationId: 'receivePaymentWebhook',
  tags: ['Payments'],
  summary: 'Receive a payment provider’s notification (sandbox, Midtrans)',
  description:
    'Public: authenticated by the provider’s signature only — Standard Webhooks (HMAC-SHA256 over ' +
    '`id.timestamp.body`, at most 5 minutes old) for `sandbox`, `signature_key` = SHA512(order_id + status_code + ' +
    'gross_amount + server key) for `midtrans`. The amount must be the payment’s. Idempotent: a redelivery, or a ' +
    'status that arrives after a later one (`pending` after `settlement`), changes nothing. A success records the ' +
    'payment against its invoices, sends `payment.succeeded` and `invoice.paid` / `invoice.partially_paid`, and ' +
    'queues the payment for the ERP.',
  ...access('public'),
  middleware: [...access('public').middleware, verifyPaymentWebhook()],
  request: {
    query: NoQuery,
    params: ProviderParams,
    headers: PaymentWebhookHeaders,
    body: { required: true, content: { 'application/json': { schema: PaymentWebhookBody } } },
  },
  responses: {
    200: {
      description: 'Processed (or already processed).',
      content: { 'application/json': { schema: PaymentWebhookResultSchema } },
    },
    ...problems(400, 401, 404, 413, 415, 422),
  },
})

export function paymentWebhookRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(receivePaymentWebhookRoute, async (c) => {
    const { db, clock } = c.get('deps')
    const result = await recordPaymentNotification(
      { db, now: clock.now() },
      c.req.valid('param').provider,
      c.get('paymentNotification'),
    )
    return c.json(result, 200)
  })
  return app
}
