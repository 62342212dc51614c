import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import {
  EventIdParams,
  MetricsQuery,
  MetricsSchema,
  OutboxDeliverySchema,
  OutboxListSchema,
  OutboxQuery,
} from './schemas.js'
import { listOutbox, portalMetrics, retryDelivery } from './service.js'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { withPurpose } from '../../db/scope.js'
import { auditCrossTenant } from '../../http/cross-tenant.js'

const metricsRoute = createRoute({
  method: 'get',
  path: '/v1/operator/metrics',
  operationId: 'getOperatorMetrics',
  tags: ['Operator'],
  summary: 'Portal adoption: orders per account, time to ERP confirmation, active accounts',
  ...access('operator'),
  request: { query: MetricsQuery },
  responses: {
    200: {
      description: 'The metrics for the period.',
      content: { 'application/json': { schema: MetricsSchema } },
    },
    ...problems(400, 401),
  },
})

const outboxRoute = createRoute({
  method: 'get',
  path: '/v1/operator/outbox',
  operationId: 'listOutboxDeliveries',
  tags: ['Operator'],
  summary: 'Deliveries to systems of record by state — dead letters with their reason',
  ...access('operator'),
  request: { query: OutboxQuery },
  responses: {
    200: {
      description: 'Deliveries, oldest first.',
      content: { 'application/json': { schema: OutboxListSchema } },
    },
    ...problems(400, 401),
  },
})

const retryRoute = createRoute({
  method: 'post',
  path: '/v1/operator/outbox/{eventId}/retry',
  operationId: 'retryOutboxDelivery',
  tags: ['Operator'],
  summary: 'Queue a dead-lettered delivery again',
  ...access('operator'),
  request: { query: NoQuery, params: EventIdParams },
  responses: {
    200: {
      description: 'The delivery, pending again.',
      content: { 'application/json': { schema: OutboxDeliverySchema } },
    },
    ...problems(400, 401, 404),
  },
})

export function operatorRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  // Every operator view spans the accounts: one audited purpose, one transaction.
  const asOperator = <T>(
    c: Context<AppEnv>,
    action: string,
    fn: (db: Kysely<Database>) => Promise<T>,
  ) => {
    auditCrossTenant(c, action)
    return withPurpose(c.get('deps').db, 'operator', fn)
  }
  app.openapi(metricsRoute, async (c) =>
    c.json(
      await asOperator(c, 'portal-metrics', (db) =>
        portalMetrics(db, c.get('deps').clock.now(), c.req.valid('query')),
      ),
      200,
    ),
  )
  app.openapi(outboxRoute, async (c) =>
    c.json(await asOperator(c, 'list-outbox', (db) => listOutbox(db, c.req.valid('query'))), 200),
  )
  app.openapi(retryRoute, async (c) =>
    c.json(
      await asOperator(c, 'retry-delivery', (db) =>
        retryDelivery(db, c.req.valid('param').eventId, c.get('deps').clock.now()),
      ),
      200,
    ),
  )
  return app
}
