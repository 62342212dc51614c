import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { createCaseStatusMap } from '../../connectors/crm/salesforce/case-fields.js'
import { notFound } from '../../http/problem.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { verifyWebhookSignature } from '../../http/webhook-signature.js'
import { WebhookHeaders } from './erp-events.schemas.js'
import { SalesforceEventBody, SalesforceEventResultSchema } from './salesforce-events.schemas.js'
import { applySalesforceEvent } from './salesforce-events.service.js'

const receiveSalesforceEventRoute = createRoute({
  method: 'post',
  path: '/v1/integrations/salesforce/events',
  operationId: 'receiveSalesforceEvent',
  tags: ['Integrations'],
  summary: 'Receive a change an agent made to a case in Salesforce (a comment, a status)',
  description:
    'Authenticated with the operator key and signed per Standard Webhooks with `SALESFORCE_WEBHOOK_SECRET`. ' +
    'Idempotent by event `id`. Only published comments reach the customer.',
  ...access('operator'),
  middleware: [
    ...access('operator').middleware,
    verifyWebhookSignature((c) => {
      const { crm } = c.get('deps').config
      return crm.kind === 'salesforce' ? crm.webhookSecret : undefined
    }),
  ],
  request: {
    query: NoQuery,
    headers: WebhookHeaders,
    body: { required: true, content: { 'application/json': { schema: SalesforceEventBody } } },
  },
  responses: {
    200: {
      description: 'Processed (or already processed).',
      content: { 'application/json': { schema: SalesforceEventResultSchema } },
    },
    ...problems(400, 401, 404, 409, 413, 415, 422),
  },
})

export function salesforceEventRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(receiveSalesforceEventRoute, async (c) => {
    const event = c.req.valid('json')
    const { db, clock, config, logger } = c.get('deps')
    // Signed with SALESFORCE_WEBHOOK_SECRET: only reached when cases are kept in Salesforce.
    if (config.crm.kind !== 'salesforce') throw notFound('route')
    const statuses = createCaseStatusMap(config.crm.caseStatuses, logger)
    const result = await applySalesforceEvent(
      {
        db,
        sla: { businessHours: config.businessHours, caseSla: config.caseSla },
        now: clock.now(),
        statuses,
      },
      event,
    )
    return c.json({ id: event.id, ...result }, 200)
  })
  return app
}
