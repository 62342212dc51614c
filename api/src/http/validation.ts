import type { Hook } from '@hono/zod-openapi'
import type { AppEnv } from './env.js'
import { ApiError, type FieldError } from './problem.js'

const TARGET_PREFIX: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
}

/**
 * The validation hook of every route: a failed zod parse becomes a 400
 * problem listing each bad field as `<where>.<path>`.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return
  c.set('validationFailed', true)
  const prefix = TARGET_PREFIX[result.target] ?? result.target
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }))
  throw new ApiError(400, 'validation_failed', 'The request is invalid.', { errors })
}
