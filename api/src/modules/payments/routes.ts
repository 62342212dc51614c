import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env.js'
import { access, IdempotencyKeyHeader, NoQuery, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import {
  CreatePaymentBody,
  ListPaymentsQuery,
  PaymentIdParams,
  PaymentListSchema,
  PaymentSchema,
} from './schemas.js'
import { createPayment, getPayment, listPayments } from './service.js'

const createPaymentRoute = createRoute({
  method: 'post',
  path: '/v1/payments',
  operationId: 'createPayment',
  tags: ['Payments'],
  summary: 'Pay open invoices of your account, in full or in part',
  description:
    'Opens a checkout with the configured payment provider for one or several open invoices in one currency and ' +
    'answers where to send the customer (`redirectUrl`, or `providerToken` for the provider’s own front end). ' +
    'Each amount is at most the invoice’s open balance less what pending payments reserve on it (422 ' +
    '`amount_exceeds_balance`); paid and void invoices answer 422 `invoice_not_payable`, mixed currencies ' +
    '`mixed_currencies`. The invoices change only when the provider reports that the payment succeeded.',
  ...access('payments:write', { idempotent: true }),
  request: {
    query: NoQuery,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { 'application/json': { schema: CreatePaymentBody } } },
  },
  responses: {
    201: {
      description: 'The payment, pending: send the customer to `redirectUrl`.',
      content: { 'application/json': { schema: PaymentSchema } },
    },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 502, 503),
  },
})

const listPaymentsRoute = createRoute({
  method: 'get',
  path: '/v1/payments',
  operationId: 'listPayments',
  tags: ['Payments'],
  summary: "The account's payments, newest first",
  ...access('payments:read'),
  request: { query: ListPaymentsQuery },
  responses: {
    200: {
      description: 'A page of payments.',
      content: { 'application/json': { schema: PaymentListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

const getPaymentRoute = createRoute({
  method: 'get',
  path: '/v1/payments/{id}',
  operationId: 'getPayment',
  tags: ['Payments'],
  summary: 'A payment with its allocations to invoices',
  ...access('payments:read'),
  request: { query: NoQuery, params: PaymentIdParams },
  responses: {
    200: {
      description: 'The payment.',
      content: { 'application/json': { schema: PaymentSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

/**
 * Where a payment may send the customer back to: this portal, and the page
 * an embed secret is bound to when the request came through one.
 */
function returnOrigins(c: Context<AppEnv>): string[] {
  const origins = [c.get('deps').config.publicOrigin]
  const embedOrigin = c.get('corsOrigin')
  if (embedOrigin) origins.push(embedOrigin)
  return origins
}

export function paymentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(createPaymentRoute, async (c) => {
    const { config, logger } = c.get('deps')
    const payment = await createPayment(
      {
        ...tenantOf(c),
        provider: c.get('paymentProvider'),
        expiryMinutes: config.paymentExpiryMinutes,
        logger,
      },
      c.req.valid('json'),
      returnOrigins(c),
    )
    c.header('Location', `/v1/payments/${payment.id}`)
    return c.json(payment, 201)
  })
  app.openapi(listPaymentsRoute, async (c) =>
    c.json(await listPayments(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(getPaymentRoute, async (c) =>
    c.json(await getPayment(tenantOf(c), c.req.valid('param').id), 200),
  )
  return app
}
