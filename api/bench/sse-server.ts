/**
 * The real server (`src/server.ts`) for the SSE benchmark, plus one hook:
 * on SIGUSR2 it runs a full garbage collection (node --expose-gc) and prints
 * `memory {"rss":…,"heapUsed":…}` — so memory before and after opening the
 * streams is compared without start-up garbage in either figure.
 */
process.on('SIGUSR2', () => {
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  const { rss, heapUsed, external } = process.memoryUsage()
  process.stdout.write(
    `memory ${JSON.stringify({ rss, heapUsed, external, gc: Boolean(collect) })}\n`,
  )
})

await import('../src/server.js')
