import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env.js'
import { access, IdempotencyKeyHeader, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { addAgentComment, setCaseStatusAsAgent } from './case-agent.service.js'
import {
  AgentCommentBody,
  AgentStatusBody,
  CaseCommentSchema,
  CaseIdParams,
  CaseSchema,
} from '../cases/schemas.js'

/**
 * The agent's side of a case kept in the built-in store: answering and
 * moving it on, authenticated with the operator key. The CRM's inbound
 * endpoint applies what agents do in the CRM through the same service.
 */
export const agentCommentRoute = createRoute({
  method: 'post',
  path: '/v1/integrations/cases/{id}/comments',
  operationId: 'createAgentCaseComment',
  tags: ['Integrations'],
  summary: 'Answer a case as an agent',
  description:
    'Authenticated with the operator key. The first agent comment is the first response (sets ' +
    '`firstRespondedAt`, stops that SLA clock) and moves a `new` case to `open`. A closed case answers 409 ' +
    '`case_closed`.',
  ...access('operator', { idempotent: true }),
  request: {
    query: NoQuery,
    params: CaseIdParams,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { 'application/json': { schema: AgentCommentBody } } },
  },
  responses: {
    201: {
      description: 'The comment.',
      content: { 'application/json': { schema: CaseCommentSchema } },
    },
    ...problems(400, 401, 404, 409, 413, 415, 422),
  },
})

export const agentStatusRoute = createRoute({
  method: 'post',
  path: '/v1/integrations/cases/{id}/status',
  operationId: 'changeCaseStatus',
  tags: ['Integrations'],
  summary: 'Move a case on as an agent (open, waiting on the customer, resolved, closed)',
  description:
    'Authenticated with the operator key. A status the case already has, or a closed case moved anywhere but ' +
    'by the customer reopening it, answers 409 `invalid_transition`. `waiting_on_customer` pauses the ' +
    'resolution clock; moving on from it resumes the clock with the due time moved on by the paused business time.',
  ...access('operator'),
  request: {
    query: NoQuery,
    params: CaseIdParams,
    body: { required: true, content: { 'application/json': { schema: AgentStatusBody } } },
  },
  responses: {
    200: { description: 'The case.', content: { 'application/json': { schema: CaseSchema } } },
    ...problems(400, 401, 404, 409, 413, 415),
  },
})

const agentContext = (c: Context<AppEnv>) => ({
  db: c.get('deps').db,
  connector: c.get('caseConnector'),
  businessHours: c.get('deps').config.businessHours,
  now: c.get('deps').clock.now(),
})

export function caseAgentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(agentCommentRoute, async (c) =>
    c.json(
      await addAgentComment(agentContext(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  )
  app.openapi(agentStatusRoute, async (c) =>
    c.json(
      await setCaseStatusAsAgent(agentContext(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  return app
}
