/**
 * autocannon for creating POSTs: every request is built on the fly (its own
 * Idempotency-Key, the next caller of a rotation, the next body), only the
 * expected status counts as a success, and every request is accounted for —
 * answered with the expected status, answered otherwise (by status and
 * problem `code`), or still unanswered when the run stopped (in flight when
 * autocannon closed its sockets: the server may well have committed it).
 */
import autocannon from 'autocannon'
import type { LoadResult } from './load.js'

export interface PostRequest {
  /** Unique per request; what the caller uses to find it again (the Idempotency-Key). */
  key: string
  headers: Record<string, string>
  body: string
}

export interface PostLoadOptions {
  url: string
  path: string
  connections: number
  durationSeconds: number
  /** The status that counts as a success (201). */
  expectStatus: number
  /** Builds the next request; called once per request sent. */
  nextRequest(): PostRequest
  /** Every successful response's body, with its request's key. */
  onSuccess?(key: string, body: string): void
}

export interface PostLoadResult extends LoadResult {
  /** Responses with the expected status. */
  successes: number
  /** Successes per second of the run (what `requestsPerSecond` holds too). */
  successesPerSecond: number
  /** Response counts by status code. */
  statuses: Record<string, number>
  /** Non-success responses by `status code` (problem+json `code`), for the breakdown. */
  failures: Record<string, number>
  /** Keys of requests sent but not answered when the run stopped. */
  unanswered: string[]
  /** The run's length as autocannon measured it, in seconds. */
  seconds: number
  /** Successes in each whole second of the run: shows a rate that decays as data grows. */
  perSecond: number[]
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

export function runPostLoad(options: PostLoadOptions): Promise<PostLoadResult> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const failures: Record<string, number> = {}
  const inFlight = new Set<string>()
  let successes = 0
  const bySecond: number[] = []
  const started = performance.now()
  type Context = { key?: string }
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: [
          {
            method: 'POST',
            path: options.path,
            // Called for every request a connection sends (autocannon rebuilds
            // requests that have a setupRequest), the first one included.
            setupRequest: (request, context) => {
              const next = options.nextRequest()
              inFlight.add(next.key)
              ;(context as Context).key = next.key
              return {
                ...request,
                method: 'POST',
                path: options.path,
                headers: { ...request.headers, ...next.headers },
                body: next.body,
              }
            },
            // With one request in flight per connection, the context still
            // holds this response's request when it arrives.
            onResponse: (status, body, context) => {
              const key = (context as Context).key
              if (key) inFlight.delete(key)
              if (status === options.expectStatus) {
                if (key) options.onSuccess?.(key, body)
                return
              }
              let code = ''
              try {
                code = String((JSON.parse(body) as { code?: unknown }).code ?? '')
              } catch {
                // not JSON
              }
              const label = code ? `${status} ${code}` : String(status)
              failures[label] = (failures[label] ?? 0) + 1
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)))
        latencies.sort((a, b) => a - b)
        const seconds = result.duration
        const perSecond = seconds > 0 ? successes / seconds : 0
        resolve({
          requestsPerSecond: perSecond,
          successesPerSecond: perSecond,
          successes,
          p50Ms: percentile(latencies, 0.5),
          p90Ms: percentile(latencies, 0.9),
          p99Ms: percentile(latencies, 0.99),
          maxMs: latencies.at(-1) ?? 0,
          requests: result.requests.total,
          bytesPerResponse: result.requests.total
            ? Math.round(result.throughput.total / result.requests.total)
            : 0,
          // Everything that is not the expected status, 2xx or not.
          non2xx: result.requests.total - successes,
          errors: result.errors,
          timeouts: result.timeouts,
          statuses,
          failures,
          unanswered: [...inFlight],
          seconds,
          // The last bucket is a fraction of a second: leave it out.
          perSecond: bySecond.slice(0, Math.floor(seconds)),
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
      if (statusCode === options.expectStatus) {
        successes++
        latencies.push(responseTime)
        const second = Math.floor((performance.now() - started) / 1000)
        bySecond[second] = (bySecond[second] ?? 0) + 1
      }
    })
  })
}
