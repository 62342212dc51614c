import { z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { authorize, type Access } from './authorize.js'
import { idempotency } from './idempotency.js'
import { rejectNul } from './reject-nul.js'
import { requestTransaction } from './request-transaction.js'
import { ProblemSchema } from './problem.schema.js'

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; `errors` lists each bad field.',
  401: 'No valid credential.',
  403: 'The credential lacks the permission this operation needs.',
  404: 'No such resource in your account.',
  409: 'A request with this Idempotency-Key is still in flight.',
  413: 'The request body is too large: 1 MB for JSON bodies; an upload states its own limit.',
  415: 'The request body must be application/json.',
  422: 'The request is well-formed but cannot be processed.',
  429: 'Too many requests; retry after `Retry-After` seconds.',
}

/** Problem+json responses for the given statuses, for a route's `responses`. */
export function problems<const S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  ) as Record<
    S,
    {
      description: string
      content: { 'application/problem+json': { schema: typeof ProblemSchema } }
    }
  >
}

const SECURITY: Record<'user' | 'operator', Array<Record<string, string[]>>> = {
  user: [{ sessionToken: [] }, { embedSecret: [] }, { sessionCookie: [] }],
  operator: [{ operatorKey: [] }],
}

/**
 * The access part of every route definition: the authorize middleware, the
 * OpenAPI security requirement and `x-portico-permission`, declared once.
 * Spread it into `createRoute({...})`; a test fails for a route without it.
 *
 * @example createRoute({ method: 'get', path: '/v1/invoices', ...access('invoices:read'), … })
 */
export function access(
  required: Access,
  options: {
    idempotent?: boolean
    /**
     * Run the handler in the request's tenant transaction (default). A
     * streaming response outlives its handler: its route scopes each read
     * itself and passes `false`.
     */
    transaction?: boolean
  } = {},
) {
  // Credentials first (a bad one is a 401 whatever the input), then input
  // no route may take, then idempotency — which must not store a rejected request.
  const middleware: MiddlewareHandler[] = [
    authorize(required) as MiddlewareHandler,
    rejectNul() as MiddlewareHandler,
  ]
  if (options.idempotent) middleware.push(idempotency() as MiddlewareHandler)
  // Inside idempotency: its claim commits before the work starts, so a
  // concurrent duplicate sees it (409), and the work commits before the
  // response is stored.
  if (options.transaction !== false) middleware.push(requestTransaction() as MiddlewareHandler)
  return {
    middleware,
    security:
      required === 'public' ? [] : required === 'operator' ? SECURITY.operator : SECURITY.user,
    'x-portico-permission': required,
  } as const
}

/** The `Idempotency-Key` request header every creating POST requires. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).openapi({
    description:
      'Unique key for this operation (a UUID is ideal). Retrying with the same key replays the first response for 24 hours.',
    example: '6f1c1b0e-2b0a-4d8e-9a3e-5d7b3f0c9a11',
  }),
})

/**
 * The query of a route that takes none: unknown parameters are refused with
 * 400 rather than silently ignored, as on every other route.
 */
export const NoQuery = z.strictObject({})

/**
 * The paging half of a cursor-paginated list's query: `limit` (1–100,
 * default 20) and the previous page's `nextCursor`. Spread into the list's
 * `z.strictObject({...})` beside its filters.
 */
export const PageParams = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, 1–100.' }),
  cursor: z.string().max(512).optional(),
}
