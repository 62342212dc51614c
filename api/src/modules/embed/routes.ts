import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { ApiError } from '../../http/problem.js'
import { createRequestLimiter, type RequestLimiter } from '../../http/rate-limit.js'
import { access, IdempotencyKeyHeader, problems, NoQuery } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { CreateEmbedSessionBody, EmbedSessionSchema } from './schemas.js'
import { mintEmbedSession } from './service.js'
import { auditCrossTenant } from '../../http/cross-tenant.js'

const createEmbedSessionRoute = createRoute({
  method: 'post',
  path: '/v1/embed-sessions',
  operationId: 'createEmbedSession',
  tags: ['Embedding'],
  summary: 'Mint a short-lived client secret for embedded components',
  description:
    "Called by the host page's server with an operator API key. The secret acts as one user, " +
    'only from the allowed origins, for at most 15 minutes. Never expose the operator key to a browser.',
  ...access('operator', { idempotent: true }),
  request: {
    query: NoQuery,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { 'application/json': { schema: CreateEmbedSessionBody } } },
  },
  responses: {
    201: {
      description: 'The embed session.',
      content: { 'application/json': { schema: EmbedSessionSchema } },
    },
    ...problems(400, 401, 409, 413, 415, 422, 429),
  },
})

export function embedRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  let limiter: RequestLimiter | undefined
  app.openapi(createEmbedSessionRoute, async (c) => {
    const { db, clock, config } = c.get('deps')
    // Every page view of a host site mints one; a runaway host (or a leaked
    // key) is capped per key so it cannot flood the sessions table.
    limiter ??= createRequestLimiter({ limit: config.embedMintsPerMinute, windowMs: 60_000 })
    const operator = c.get('principal')
    const wait = limiter.hit(
      operator.kind === 'operator' ? operator.apiKeyId : 'unknown',
      clock.now().getTime(),
    )
    if (wait > 0) {
      throw new ApiError(
        429,
        'rate_limited',
        'Too many embed sessions minted with this key. Slow down.',
        {
          headers: { 'Retry-After': String(wait) },
        },
      )
    }
    auditCrossTenant(c, 'mint-embed-session')
    const session = await mintEmbedSession({ db, now: clock.now() }, c.req.valid('json'))
    return c.json(session, 201)
  })
  return app
}
