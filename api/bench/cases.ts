/**
 * `pnpm bench:cases`: the server's memory while a customer uploads a 1 MB,
 * a 10 MB and a 40 MB case attachment (multipart, streamed through the
 * content sniffer and the size meter into the filesystem store). A streamed
 * upload levels off — what it holds is the socket's and the streams'
 * buffers, not the file; a buffered one would grow with the file. See
 * README.md beside this file.
 *
 *   pnpm --filter @portico/api bench:cases
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChildServer, type ProbedChildServer } from '../src/testing/child-server.js'
import { benchServerNodeArgs } from './processes.js'
import { orderingServerEnv, prepareOrderingDatabase } from './order-fixtures.js'

const MB = 1024 * 1024
// 10 MB is the default limit; the bench raises it so a 40 MB file shows where memory levels off.
const SIZES = [1 * MB, 10 * MB, 40 * MB]
/** Uploads per size; the worst peak is reported. */
const ROUNDS = Number(process.env.CASES_BENCH_ROUNDS ?? 3)
const log = (line = '') => process.stdout.write(`${line}\n`)
const mb = (bytes: number) => (bytes / MB).toFixed(1)

/** A photo-sized file that sniffs as a JPEG, of exactly `size` bytes (random: nothing compresses). */
function jpegOfSize(path: string, size: number) {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0])
  writeFileSync(path, Buffer.concat([head, randomBytes(size - head.length)]))
}

async function main(): Promise<number> {
  log(
    `Portico cases bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`,
  )
  const dir = mkdtempSync(join(tmpdir(), 'portico-cases-bench-'))
  const databasePath = join(dir, 'portico.db')
  const servers: ProbedChildServer[] = []
  try {
    const users = await prepareOrderingDatabase(databasePath)
    const user = users.find((u) => u.role === 'buyer')!
    const api = await startChildServer({
      name: 'api',
      // src/server.ts behind the memory probe (SIGUSR2: full GC, then memoryUsage()).
      script: 'bench/sse-server.ts',
      env: orderingServerEnv(databasePath, {
        PORTICO_CASE_ATTACHMENT_LIMIT_BYTES: String(64 * MB),
      }),
      ready: /running at http:\/\/localhost:(\d+)/,
      nodeArgs: ['--expose-gc', ...benchServerNodeArgs()],
    })
    servers.push(api)
    const idle = await api.memory()
    log(`API: src/server.ts (pid ${api.pid}); after start-up and a full GC: RSS ${mb(idle.rss)} MB`)

    const created = await fetch(`${api.url}/v1/cases`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'bench-case',
      },
      body: JSON.stringify({
        subject: 'This batch arrived damaged',
        description: 'Photos attached.',
        category: 'quality',
      }),
    })
    if (created.status !== 201)
      throw new Error(`create case: ${created.status} ${await created.text()}`)
    const caseId = ((await created.json()) as { id: string }).id

    log('Uploads (POST /v1/cases/{id}/attachments, multipart, streamed to the filesystem store):')
    const peaks = new Map<number, number>()
    for (const size of SIZES) {
      const file = join(dir, `photo-${size}.jpg`)
      jpegOfSize(file, size)
      let peak = 0
      let seconds = 0
      for (let round = 0; round < ROUNDS; round++) {
        // A different name each round: the same file under the same name is a retry, stored once.
        const form = new FormData()
        form.append('file', await openAsBlob(file, { type: 'image/jpeg' }), `photo-${round}.jpg`)
        const before = await api.memory() // a full GC, so the peak below is this upload's
        api.resetPeakRss()
        const started = performance.now()
        const response = await fetch(`${api.url}/v1/cases/${caseId}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}` },
          body: form,
        })
        seconds = (performance.now() - started) / 1000
        const attachment = (await response.json()) as { size?: number }
        if (response.status !== 201 || attachment.size !== size)
          throw new Error(`upload: ${response.status} ${JSON.stringify(attachment)}`)
        peak = Math.max(peak, api.peakRss() - before.rss)
      }
      peaks.set(size, peak)
      log(
        `  ${mb(size).padStart(5)} MB: 201 in ${seconds.toFixed(2)} s (${mb(size / seconds)} MB/s); ` +
          `server peak RSS above its level before the upload: +${mb(peak)} MB (worst of ${ROUNDS})`,
      )
    }
    // Buffered, 40 MB would hold at least 30 MB more than 10 MB does.
    const growth = peaks.get(40 * MB)! - peaks.get(10 * MB)!
    const streamed = growth < 10 * MB
    log()
    log(
      `40 MB vs 10 MB: the peak differs by ${mb(growth)} MB for 30 MB more file — ` +
        (streamed ? 'streamed (memory does not follow the file size)' : 'NOT streamed'),
    )
    return streamed ? 0 : 1
  } finally {
    for (const server of servers) await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
