import type { Context, TypedResponse } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JsonText } from '../lib/json-text.js'

/**
 * `c.json()` for a body the database already serialised: the same response
 * (and, to the route's type checker, the same typed response) without
 * parsing and re-stringifying it.
 */
export function jsonTextResponse<T, S extends ContentfulStatusCode>(
  c: Context,
  text: JsonText<T>,
  status: S,
): TypedResponse<T, S, 'json'> {
  return c.body(text, status, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
    T,
    S,
    'json'
  >
}
