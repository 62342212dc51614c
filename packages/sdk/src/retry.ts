export interface RetryOptions {
  /** Extra attempts after the first (default 2). 0 disables retrying. */
  retries?: number
  /** Longest wait honoured from `Retry-After`, in ms (default 10 s). */
  maxDelayMs?: number
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504])

/**
 * Wraps fetch with retries for requests that are safe to repeat — GET/HEAD,
 * and POSTs carrying an Idempotency-Key — on network errors and 429/502/503/504,
 * waiting `Retry-After` when given, else 250 ms × 2^attempt with jitter.
 */
export function retryingFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  { retries = 2, maxDelayMs = 10_000 }: RetryOptions = {},
): (request: Request) => Promise<Response> {
  return async function fetchWithRetry(request) {
    const repeatable =
      request.method === 'GET' ||
      request.method === 'HEAD' ||
      request.headers.has('idempotency-key')
    for (let attempt = 0; ; attempt++) {
      const last = !repeatable || attempt >= retries
      const sent = last ? request : request.clone()
      let response: Response
      try {
        response = await fetchImpl(sent)
      } catch (error) {
        if (last || request.signal?.aborted) throw error
        await sleep(backoff(attempt), request.signal)
        continue
      }
      if (last || !RETRYABLE_STATUS.has(response.status)) return response
      const retryAfter = Number(response.headers.get('retry-after'))
      const delay =
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff(attempt)
      if (delay > maxDelayMs) return response
      await response.body?.cancel()
      await sleep(delay, request.signal)
    }
  }
}

function backoff(attempt: number): number {
  return 250 * 2 ** attempt * (0.5 + Math.random() / 2)
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}
