import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.js'
import { invalidField } from './problem.js'

/**
 * `\u0000` as JSON writes it — a NUL can only reach a JSON string through
 * this escape — and not `\\u0000` (an escaped backslash, then the text u0000).
 */
const JSON_NUL = /(^|[^\\])(\\\\)*\\u0000/i

/**
 * Refuses U+0000 anywhere in a request's path, query or JSON body with a 400
 * naming where it was. PostgreSQL `text` cannot hold it (the insert would
 * fail with a 500), SQLite would store it, and no legitimate input contains
 * it: one rule for every dialect, before any handler runs.
 */
export function rejectNul() {
  return createMiddleware<AppEnv>(async function rejectNulCharacters(c, next) {
    const url = c.req.url
    if (url.includes('%00') || url.includes('\0')) {
      const where = new URL(url).search.includes('%00') ? 'query' : 'path'
      throw invalidField(where, 'Must not contain the NUL character (U+0000)', 'invalid_character')
    }
    const type = c.req.header('content-type') ?? ''
    if (/^application\/([\w.+-]+\+)?json/i.test(type) && JSON_NUL.test(await c.req.text())) {
      throw invalidField('body', 'Must not contain the NUL character (U+0000)', 'invalid_character')
    }
    await next()
  })
}
