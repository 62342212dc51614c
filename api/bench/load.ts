import autocannon from 'autocannon'

/** One request of the rotation a connection cycles through. */
export interface BenchRequest {
  path: string
  headers?: Record<string, string>
}

export interface LoadOptions {
  url: string
  requests: BenchRequest[]
  connections: number
  durationSeconds: number
  warmupSeconds: number
  /** The server's CPU seconds so far (`ChildServer.cpuSeconds`): the result then tells its CPU per response. */
  serverCpuSeconds?: () => number
}

export interface LoadResult {
  /** Mean of the per-second request counts of the measured run. */
  requestsPerSecond: number
  /** Latency percentiles in ms, from every response's own timing (not bucketed to 1 ms). */
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  requests: number
  /** Bytes of response (headers + body) per request. */
  bytesPerResponse: number
  non2xx: number
  errors: number
  timeouts: number
  /**
   * The server's CPU time per response in µs, and the share of one core it
   * used, over the measured run (when the caller can read it). Throughput
   * says how fast the pair of client and server went; this says what a
   * response cost the server, which the client's speed does not change.
   */
  serverCpuUsPerResponse?: number
  serverCpuShare?: number
}

/**
 * A warm-up run (discarded), then the measured run. Every connection cycles
 * through `requests` in order. Latencies are collected from each response's
 * high-resolution timing: autocannon's own histogram buckets to whole
 * milliseconds, too coarse to compare two fast servers.
 */
export async function measureLoad(options: LoadOptions): Promise<{
  result: LoadResult
  warmup: Pick<LoadResult, 'non2xx' | 'errors' | 'timeouts'>
}> {
  const warm = await runAutocannon(options, options.warmupSeconds)
  const cpuBefore = options.serverCpuSeconds?.()
  const startedAt = performance.now()
  const measured = await runAutocannon(options, options.durationSeconds)
  if (cpuBefore !== undefined && options.serverCpuSeconds) {
    const cpu = options.serverCpuSeconds() - cpuBefore
    measured.serverCpuShare = cpu / ((performance.now() - startedAt) / 1000)
    measured.serverCpuUsPerResponse = measured.requests ? (cpu / measured.requests) * 1e6 : 0
  }
  return {
    result: measured,
    warmup: { non2xx: warm.non2xx, errors: warm.errors, timeouts: warm.timeouts },
  }
}

function runAutocannon(options: LoadOptions, durationSeconds: number): Promise<LoadResult> {
  const latencies: number[] = []
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: durationSeconds,
        requests: options.requests.map((r) => ({ method: 'GET', ...r })),
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)))
        latencies.sort((a, b) => a - b)
        resolve({
          requestsPerSecond: result.requests.average,
          p50Ms: percentile(latencies, 0.5),
          p90Ms: percentile(latencies, 0.9),
          p99Ms: percentile(latencies, 0.99),
          maxMs: latencies.at(-1) ?? 0,
          requests: result.requests.total,
          bytesPerResponse: result.requests.total
            ? Math.round(result.throughput.total / result.requests.total)
            : 0,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
    })
  })
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}
