import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env.js'

/** One invalid field of a request, as listed in a validation problem. */
export interface FieldError {
  /** Where the field lives: `body.email`, `query.limit`, `header.idempotency-key`. */
  field: string
  message: string
  code: string
}

/** RFC 9457 problem details, plus Portico's machine-readable `code`. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  requestId: string
  errors?: FieldError[]
  /** `credit_limit_exceeded`: the credit still available, in minor units of `currency`. */
  available?: number
  currency?: string
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/**
 * The one error type of the API. Services throw it; the error handler turns
 * it into `application/problem+json`. `code` is what programs switch on.
 */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string>
  readonly extensions: Pick<Problem, 'available' | 'currency'>

  constructor(
    status: ContentfulStatusCode,
    code: string,
    detail: string,
    options: {
      errors?: FieldError[]
      headers?: Record<string, string>
      cause?: unknown
      extensions?: Pick<Problem, 'available' | 'currency'>
    } = {},
  ) {
    super(detail, { cause: options.cause })
    this.extensions = options.extensions ?? {}
    this.status = status
    this.code = code
    this.errors = options.errors
    this.headers = options.headers ?? {}
  }
}

/** The 404 every missing *and* every foreign resource gets: byte-identical, by construction. */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `No such ${what}.`)
}

export function invalidField(field: string, message: string, code = 'invalid'): ApiError {
  return new ApiError(400, 'validation_failed', 'The request is invalid.', {
    errors: [{ field, message, code }],
  })
}

export function problemJson(c: Context<AppEnv>, error: ApiError): Response {
  const status = error.status
  const problem: Problem = {
    type: `https://portico.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    requestId: c.get('requestId') ?? '',
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  }
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return c.body(JSON.stringify(problem), status, { 'Content-Type': 'application/problem+json' })
}

/**
 * `app.onError`: every thrown thing becomes problem+json. Unknown errors are
 * logged with the request id and answered with a bare 500 — never a stack.
 */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) return problemJson(c, error)
  if (error instanceof HTTPException) {
    if (error.status === 413) {
      return problemJson(
        c,
        new ApiError(413, 'payload_too_large', 'The request body is too large.'),
      )
    }
    if (error.status === 415) {
      c.set('validationFailed', true)
      return problemJson(
        c,
        new ApiError(415, 'unsupported_media_type', 'The request body must be application/json.'),
      )
    }
    if (error.status === 400 && /JSON/i.test(error.message)) {
      c.set('validationFailed', true)
      return problemJson(
        c,
        new ApiError(400, 'malformed_json', 'The request body is not valid JSON.', {
          errors: [{ field: 'body', message: 'Malformed JSON', code: 'malformed_json' }],
        }),
      )
    }
    return problemJson(
      c,
      new ApiError(error.status as ContentfulStatusCode, 'http_error', error.message),
    )
  }
  c.get('logger')?.error('unhandled error', { requestId: c.get('requestId'), error })
  return problemJson(c, new ApiError(500, 'internal_error', 'Something went wrong on our side.'))
}
