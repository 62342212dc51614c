import { createMiddleware } from 'hono/factory'
import { isOriginBound } from '../modules/embed/service.js'
import type { AppEnv } from './env.js'

const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, Last-Event-ID'
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, ETag, Idempotent-Replayed, Location'

/**
 * CORS for embedded components, exact-origin only. A preflight (which carries
 * no credential) succeeds for an origin bound to a live embed session; an
 * actual response is readable cross-origin only when its embed secret was
 * bound to the request's Origin. No wildcard, ever; no cookies cross-origin.
 */
export function embedCors() {
  return createMiddleware<AppEnv>(async function cors(c, next) {
    const origin = c.req.header('origin')
    if (!origin) return next()

    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const { db, clock } = c.get('deps')
      c.header('Vary', 'Origin')
      if (!(await isOriginBound(db, origin, clock.now()))) return c.body(null, 204)
      c.header('Access-Control-Allow-Origin', origin)
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      c.header('Access-Control-Max-Age', '600')
      return c.body(null, 204)
    }

    await next()
    c.res.headers.append('Vary', 'Origin')
    if (c.get('corsOrigin') === origin) {
      c.res.headers.set('Access-Control-Allow-Origin', origin)
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    }
  })
}
