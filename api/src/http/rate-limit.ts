/**
 * Counts failures per key in fixed windows and blocks a key that reaches its
 * limit until the window ends. In memory, per process: enough for one API
 * process; replicas behind a load balancer each keep their own count (the
 * limit then applies per replica — documented in the README).
 */
export interface FailureLimiter {
  /** Seconds until every key is allowed again; 0 when none is blocked. */
  blockedFor(keys: readonly string[], nowMs: number): number
  recordFailure(keys: readonly string[], nowMs: number): void
  reset(keys: readonly string[]): void
}

export interface FailureLimiterOptions {
  windowMs: number
  /** The limit for a key; keys may have different limits (per email vs per address). */
  limitFor(key: string): number
}

interface Window {
  count: number
  endsAt: number
}

export function createFailureLimiter({
  windowMs,
  limitFor,
}: FailureLimiterOptions): FailureLimiter {
  const windows = new Map<string, Window>()
  let nextSweep = 0

  function sweep(nowMs: number) {
    if (nowMs < nextSweep) return
    nextSweep = nowMs + windowMs
    for (const [key, window] of windows) if (window.endsAt <= nowMs) windows.delete(key)
  }

  return {
    blockedFor(keys, nowMs) {
      sweep(nowMs)
      let wait = 0
      for (const key of keys) {
        const window = windows.get(key)
        if (window && window.endsAt > nowMs && window.count >= limitFor(key)) {
          wait = Math.max(wait, Math.ceil((window.endsAt - nowMs) / 1000))
        }
      }
      return wait
    },
    recordFailure(keys, nowMs) {
      for (const key of keys) {
        const window = windows.get(key)
        if (!window || window.endsAt <= nowMs)
          windows.set(key, { count: 1, endsAt: nowMs + windowMs })
        else window.count++
      }
    },
    reset(keys) {
      for (const key of keys) windows.delete(key)
    },
  }
}

/**
 * Counts requests per key in fixed windows: `hit` records one and returns
 * the seconds to wait when the key is over its limit (0 when allowed).
 */
export interface RequestLimiter {
  hit(key: string, nowMs: number): number
}

export function createRequestLimiter({
  limit,
  windowMs,
}: {
  limit: number
  windowMs: number
}): RequestLimiter {
  const failures = createFailureLimiter({ windowMs, limitFor: () => limit })
  return {
    hit(key, nowMs) {
      const wait = failures.blockedFor([key], nowMs)
      if (wait > 0) return wait
      failures.recordFailure([key], nowMs)
      return 0
    },
  }
}
