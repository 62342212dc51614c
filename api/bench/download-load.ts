/**
 * A load generator for large downloads: `connections` keep-alive workers,
 * each requesting the same path again and again for `durationSeconds`,
 * reading every body to the end (and discarding it). autocannon parses large
 * bodies in JavaScript at tens of MB/s — it, not the server, would be
 * measured; node:http's client reads them with the native parser.
 */
import { Agent, get } from 'node:http'
import type { LoadResult } from './load.js'

export interface DownloadLoadOptions {
  url: string
  path: string
  connections: number
  durationSeconds: number
  warmupSeconds: number
}

async function run(options: DownloadLoadOptions, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections })
  const latencies: number[] = []
  let bytes = 0
  let non2xx = 0
  let errors = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  const once = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now()
      const request = get(`${options.url}${options.path}`, { agent }, (response) => {
        let received = 0
        response.on('data', (chunk: Buffer) => (received += chunk.length))
        response.on('end', () => {
          if (response.statusCode! >= 200 && response.statusCode! < 300) {
            latencies.push(performance.now() - t0)
            bytes += received
          } else non2xx++
          resolve()
        })
        response.on('error', () => {
          errors++
          resolve()
        })
      })
      request.on('error', () => {
        errors++
        resolve()
      })
    })
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) await once()
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (p: number) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!
      : 0
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: latencies.at(-1) ?? 0,
    requests: latencies.length + non2xx,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    non2xx,
    errors,
    timeouts: 0,
  }
}

/** A warm-up run (discarded), then the measured one; each request's body is read in full. */
export async function measureDownloads(options: DownloadLoadOptions) {
  const warm = await run(options, options.warmupSeconds)
  const result = await run(options, options.durationSeconds)
  return { result, warmup: { non2xx: warm.non2xx, errors: warm.errors, timeouts: warm.timeouts } }
}
