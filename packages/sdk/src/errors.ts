import type { components } from './schema.js'

export type Problem = components['schemas']['Problem']
export type FieldError = components['schemas']['FieldError']

/**
 * An API call that did not succeed, carrying the RFC 9457 problem the server
 * sent. Switch on `code` (`validation_failed`, `not_found`, `unauthenticated`,
 * …); show `message` to a person; `errors` lists each invalid field.
 * Network failures have `status` 0 and code `network_error`.
 */
export class PortalApiError extends Error {
  override name = 'PortalApiError'
  readonly status: number
  readonly code: string
  readonly problem: Problem | undefined
  readonly requestId: string | undefined

  constructor(
    status: number,
    code: string,
    message: string,
    problem?: Problem,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.status = status
    this.code = code
    this.problem = problem
    this.requestId = problem?.requestId
  }

  get errors(): FieldError[] {
    return this.problem?.errors ?? []
  }

  /** Builds the error from a non-2xx response and its parsed body. */
  static fromResponse(response: Response, body: unknown): PortalApiError {
    if (isProblem(body)) return new PortalApiError(body.status, body.code, body.detail, body)
    return new PortalApiError(
      response.status,
      `http_${response.status}`,
      response.statusText || 'Request failed',
    )
  }

  static network(cause: unknown): PortalApiError {
    return new PortalApiError(0, 'network_error', 'The server could not be reached.', undefined, {
      cause,
    })
  }
}

function isProblem(body: unknown): body is Problem {
  const p = body as Problem
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.code === 'string' &&
    typeof p.status === 'number'
  )
}
