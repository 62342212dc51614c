import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import {
  ContractIdParams,
  ContractListSchema,
  ContractSchema,
  ListContractsQuery,
} from './schemas.js'
import { getContract, listContracts } from './service.js'

const listContractsRoute = createRoute({
  method: 'get',
  path: '/v1/contracts',
  operationId: 'listContracts',
  tags: ['Contracts'],
  summary: "The account's contracts and subscriptions, soonest renewal first",
  description:
    'Each with its term, renewal date, auto-renewal, notice period (and the last day to give notice), items and ' +
    'the contract document. Reminders arrive as `contract.renewal_reminder` events and notifications 60, 30 and ' +
    '7 days before the renewal date. Cursor-paginated.',
  ...access('contracts:read'),
  request: { query: ListContractsQuery },
  responses: {
    200: {
      description: 'A page of contracts.',
      content: { 'application/json': { schema: ContractListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

const getContractRoute = createRoute({
  method: 'get',
  path: '/v1/contracts/{id}',
  operationId: 'getContract',
  tags: ['Contracts'],
  summary: 'A contract with its items and document',
  ...access('contracts:read'),
  request: { query: NoQuery, params: ContractIdParams },
  responses: {
    200: {
      description: 'The contract.',
      content: { 'application/json': { schema: ContractSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

export function contractRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listContractsRoute, async (c) =>
    c.json(await listContracts(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(getContractRoute, async (c) =>
    c.json(await getContract(tenantOf(c), c.req.valid('param').id), 200),
  )
  return app
}
