import type { Problem } from './portal-client.js'

/**
 * Why a request failed: an HTTP error with the RFC 9457 problem the API
 * answered with, or no answer at all. The same shape as `InvoiceListError`,
 * shared by every controller after the invoice list.
 */
export interface RequestError {
  /** HTTP status, or `0` when the request never got an answer (network, CORS, DNS). */
  status: number
  /** The problem document, when the API sent one; switch on `problem.code`. */
  problem?: Problem | undefined
  cause?: unknown
}

/** The states a failed load can put a component in. */
export type FailureState = 'error' | 'unauthorized' | 'forbidden'

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value
}

/** The error of an openapi-fetch result that carried no data. */
export function requestError(response: Response, body: unknown): RequestError {
  return { status: response.status, problem: isProblem(body) ? body : undefined }
}

/** `fetch()` rejected: no response arrived (or the request was aborted — callers check that first). */
export function networkError(cause: unknown): RequestError {
  return { status: 0, cause }
}

/** 401 → `unauthorized` (sign in again), 403 → `forbidden` (the role may not), anything else → `error`. */
export function failureState(error: RequestError): FailureState {
  if (error.status === 401) return 'unauthorized'
  if (error.status === 403) return 'forbidden'
  return 'error'
}

/**
 * Runs one openapi-fetch call and folds its three outcomes (data, an HTTP
 * error, no answer) into one value.
 */
export async function settle<T>(
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T } | { error: RequestError }> {
  try {
    const { data, error, response } = await call()
    if (response.ok && data !== undefined) return { data }
    return { error: requestError(response, error) }
  } catch (cause) {
    return { error: networkError(cause) }
  }
}
