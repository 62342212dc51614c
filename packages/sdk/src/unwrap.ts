import { PortalApiError } from './errors.js'

interface Result<T> {
  data?: T
  error?: unknown
  response: Response
}

/**
 * The data of a successful call, or a thrown {@link PortalApiError} carrying
 * the server's problem+json (or `network_error` when the server was unreachable).
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>
  try {
    result = await call
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw PortalApiError.network(error)
  }
  if (!result.response.ok) throw PortalApiError.fromResponse(result.response, result.error)
  return result.data as T
}
