import { ApiError } from '../../../http/problem.js'

/**
 * Salesforce could not be reached at all (refused, reset, timed out): the
 * change may be accepted and delivered through the outbox later.
 */
export class SalesforceUnreachableError extends Error {
  override name = 'SalesforceUnreachableError'
}

/** The error codes Salesforce answers with, as jsforce exposes them (`error.errorCode`). */
function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { errorCode?: unknown }).errorCode
  return typeof code === 'string' ? code : undefined
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
])

/** True when the request never got an answer from Salesforce. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof SalesforceUnreachableError) return true
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return true
    if (e.message.includes('fetch failed')) return true
  }
  return false
}

/**
 * Turns what Salesforce answered into the problem the API gives its caller:
 * never a 500. The REST API's codes are documented at
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const code = errorCodeOf(error)
  const message = error instanceof Error ? error.message : String(error)
  switch (code) {
    case 'REQUEST_LIMIT_EXCEEDED':
      // The org's 24-hour API allowance is spent; it refills over the day.
      return new ApiError(
        503,
        'crm_rate_limited',
        'Salesforce is not accepting more requests right now; try again later.',
        {
          headers: { 'Retry-After': '60' },
          cause: error,
        },
      )
    case 'FIELD_CUSTOM_VALIDATION_EXCEPTION':
    case 'REQUIRED_FIELD_MISSING':
    case 'STRING_TOO_LONG':
    case 'INVALID_EMAIL_ADDRESS':
      return new ApiError(
        422,
        'crm_validation_failed',
        `Salesforce refused the change: ${message}`,
        { cause: error },
      )
    case 'INVALID_SESSION_ID':
      return new ApiError(
        503,
        'crm_unavailable',
        'Portico could not sign in to Salesforce; try again later.',
        {
          headers: { 'Retry-After': '30' },
          cause: error,
        },
      )
  }
  if (isUnreachable(error))
    return new ApiError(
      503,
      'crm_unavailable',
      'Salesforce cannot be reached right now; try again later.',
      {
        headers: { 'Retry-After': '30' },
        cause: error,
      },
    )
  return new ApiError(
    502,
    'crm_failed',
    `Salesforce answered with an error${code ? ` (${code})` : ''}.`,
    { cause: error },
  )
}

/** Whether a refusal is for good: retrying the same change cannot succeed. */
export function isPermanentRefusal(error: unknown): boolean {
  const status = toApiError(error).status
  return status === 422
}
