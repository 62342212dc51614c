/**
 * `pnpm bench:documents`: signed downloads of a 5 MB and a 50 MB document,
 * streamed by the real server (link signature, session check, audit entry and
 * event per download, the file from the document store), against a bare Node
 * static handler streaming the same file — and the server's memory while it
 * uploads and serves each size. See README.md beside this file.
 *
 *   pnpm --filter @portico/api bench:documents
 *   BENCH_DURATION=3 BENCH_WARMUP=1 pnpm --filter @portico/api bench:documents   quick run
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { startChildServer, type ProbedChildServer } from '../src/testing/child-server.js'
import { benchServerNodeArgs } from './processes.js'
import { measureDownloads } from './download-load.js'
import type { LoadResult } from './load.js'
import { BENCH_OPERATOR_KEY, orderingServerEnv, prepareOrderingDatabase } from './order-fixtures.js'
import { targetsTable, type Target } from './report.js'
import { loadBenchSettings } from './settings.js'

const MB = 1024 * 1024
const SIZES = [5 * MB, 50 * MB]
const log = (line = '') => process.stdout.write(`${line}\n`)
const load1 = () => loadavg()[0]!.toFixed(2)
const mb = (bytes: number) => (bytes / MB).toFixed(1)

/** A file that sniffs as a PDF, of exactly `size` bytes (random filler: nothing compresses). */
function pdfOfSize(path: string, size: number) {
  const head = Buffer.from('%PDF-1.7\n% Portico download benchmark\n')
  const tail = Buffer.from('\n%%EOF\n')
  writeFileSync(path, Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]))
}

interface Row {
  size: number
  target: 'bare' | 'api'
  result: LoadResult
  peakRss: number
}

async function main(): Promise<number> {
  const settings = loadBenchSettings()
  const connections = Number(process.env.DOCS_CONNECTIONS ?? 10)
  log(
    `Portico documents bench — node ${process.version}, ${cpus().length} CPUs, load average ${load1()}`,
  )
  log(
    `GET of a signed download link, ${connections} connections, ${settings.warmupSeconds} s warm-up + ` +
      `${settings.durationSeconds} s per target and size × ${settings.rounds} round(s)`,
  )
  const dir = mkdtempSync(join(tmpdir(), 'portico-documents-bench-'))
  const databasePath = join(dir, 'portico.db')
  const servers: ProbedChildServer[] = []
  const rows: Row[] = []
  let errors = 0
  try {
    const users = await prepareOrderingDatabase(databasePath)
    const user = users.find((u) => u.role === 'accounts_payable')!
    const api = await startChildServer({
      name: 'api',
      // src/server.ts behind the memory probe (SIGUSR2: full GC, then memoryUsage()).
      script: 'bench/sse-server.ts',
      env: orderingServerEnv(databasePath, { PORTICO_UPLOAD_LIMIT_BYTES: String(64 * MB) }),
      ready: /running at http:\/\/localhost:(\d+)/,
      nodeArgs: ['--expose-gc', ...benchServerNodeArgs()],
    })
    servers.push(api)
    const idle = await api.memory()
    log(
      `API: src/server.ts (pid ${api.pid}), NODE_ENV=production; after start-up and a full GC: RSS ${mb(idle.rss)} MB, heap ${mb(idle.heapUsed)} MB`,
    )
    log()

    /** A fresh link (valid 5 minutes) for each measurement, so any number of rounds stays within one. */
    const linkFor = async (documentId: string) => {
      const response = await fetch(`${api.url}/v1/documents/${documentId}/download-link`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}` },
      })
      if (response.status !== 200) throw new Error(`download-link: ${response.status}`)
      return ((await response.json()) as { url: string }).url
    }
    const documents: Array<{ size: number; id: string; path: string }> = []
    log(
      'Uploads (POST /v1/integrations/erp/documents, multipart, streamed to the filesystem store):',
    )
    for (const size of SIZES) {
      const file = join(dir, `upload-${size}.pdf`)
      pdfOfSize(file, size)
      const form = new FormData()
      form.append('accountId', user.accountId)
      form.append('type', 'delivery_order')
      form.append('erpDocumentId', `bench-${size}`)
      form.append(
        'file',
        await openAsBlob(file, { type: 'application/pdf' }),
        `bench-${mb(size)}MB.pdf`,
      )
      await api.memory() // a full GC, so the peak below is this upload's
      api.resetPeakRss()
      const started = performance.now()
      const response = await fetch(`${api.url}/v1/integrations/erp/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BENCH_OPERATOR_KEY}` },
        body: form,
      })
      const seconds = (performance.now() - started) / 1000
      const body = (await response.json()) as { document: { id: string; sizeBytes: number } }
      if (response.status !== 201)
        throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`)
      log(
        `  ${mb(size).padStart(5)} MB: 201 in ${seconds.toFixed(2)} s (${mb(size / seconds)} MB/s); ` +
          `server peak RSS ${mb(api.peakRss())} MB`,
      )
      const db = new SQLite(databasePath, { readonly: true })
      const { storage_key } = db
        .prepare('select storage_key from documents where id = ?')
        .get(body.document.id) as { storage_key: string }
      db.close()
      // The baseline serves the very file the store holds.
      documents.push({ size, id: body.document.id, path: join(dir, 'documents', storage_key) })
    }
    log()

    const bare = new Map<number, ProbedChildServer>()
    for (const document of documents) {
      const server = await startChildServer({
        name: `bare-${document.size}`,
        script: 'bench/bare-static-server.ts',
        env: { NODE_ENV: 'production', BARE_FILE: document.path },
        ready: /listening on (\d+)/,
      })
      servers.push(server)
      bare.set(document.size, server)
    }

    for (let round = 1; round <= settings.rounds; round++) {
      for (const document of documents) {
        for (const target of ['bare', 'api'] as const) {
          const server = target === 'api' ? api : bare.get(document.size)!
          if (target === 'api') await api.memory()
          server.resetPeakRss()
          const { result, warmup } = await measureDownloads({
            url: server.url,
            path: target === 'api' ? await linkFor(document.id) : '/',
            connections,
            durationSeconds: settings.durationSeconds,
            warmupSeconds: settings.warmupSeconds,
          })
          const peakRss = server.peakRss()
          errors += result.non2xx + result.errors + result.timeouts
          errors += warmup.non2xx + warmup.errors + warmup.timeouts
          rows.push({ size: document.size, target, result, peakRss })
          log(
            `  round ${round}  ${mb(document.size).padStart(4)} MB  ${target.padEnd(4)} ` +
              `${result.requestsPerSecond.toFixed(1).padStart(7)} downloads/s  ` +
              `${mb(result.requestsPerSecond * result.bytesPerResponse).padStart(7)} MB/s  ` +
              `p50 ${result.p50Ms.toFixed(1).padStart(7)} ms  peak RSS ${mb(peakRss).padStart(6)} MB  ` +
              `(load average ${load1()})`,
          )
        }
      }
    }

    const db = new SQLite(databasePath, { readonly: true })
    const audited = (
      db
        .prepare(`select count(*) as n from audit_log where action = 'document.downloaded'`)
        .get() as { n: number }
    ).n
    db.close()
    const apiRequests = rows
      .filter((r) => r.target === 'api')
      .reduce((s, r) => s + r.result.requests, 0)
    log()
    log(
      `Audit: ${audited} document.downloaded entries for ${apiRequests} measured API downloads ` +
        `(+ warm-ups and those in flight at each stop) — one per download`,
    )
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    rmSync(dir, { recursive: true, force: true })
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  }
  const pick = (size: number, target: Row['target']) =>
    rows.filter((r) => r.size === size && r.target === target)
  log()
  log(settings.rounds > 1 ? `Medians over ${settings.rounds} rounds:` : 'Results:')
  const table = [
    ['target', 'downloads/s', 'MB/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'downloads', 'errors'],
    ...SIZES.flatMap((size) =>
      (['bare', 'api'] as const).map((target) => {
        const runs = pick(size, target)
        const figure = (f: (r: Row) => number) => median(runs.map(f))
        return [
          `${mb(size)} MB, ${target === 'api' ? 'API signed link' : 'bare node:http static'}`,
          figure((r) => r.result.requestsPerSecond).toFixed(1),
          mb(figure((r) => r.result.requestsPerSecond * r.result.bytesPerResponse)),
          figure((r) => r.result.p50Ms).toFixed(0),
          figure((r) => r.result.p99Ms).toFixed(0),
          mb(Math.max(...runs.map((r) => r.peakRss))),
          String(runs.reduce((n, r) => n + r.result.requests, 0)),
          String(runs.reduce((n, r) => n + r.result.non2xx + r.result.errors, 0)),
        ]
      }),
    ),
  ]
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)))
  for (const [i, row] of table.entries()) {
    log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    if (i === 0) log(widths.map((w) => '─'.repeat(w)).join('  '))
  }
  log()
  const ratio = (size: number) =>
    median(pick(size, 'api').map((r) => r.result.requestsPerSecond)) /
    median(pick(size, 'bare').map((r) => r.result.requestsPerSecond))
  const peak = (size: number) => Math.max(...pick(size, 'api').map((r) => r.peakRss))
  const targets: Target[] = [
    ...SIZES.map((size) => ({
      name: `throughput API / bare, ${mb(size)} MB (same run)`,
      value: ratio(size),
      bound: 0.5,
      direction: 'at least' as const,
    })),
    {
      name: 'API peak RSS serving 50 MB / serving 5 MB',
      value: peak(50 * MB) / peak(5 * MB),
      bound: 1.5,
      direction: 'at most',
    },
  ]
  log(targetsTable(targets))
  for (const size of SIZES)
    log(
      `  API peak RSS while serving ${mb(size)} MB files to ${connections} clients: ${mb(peak(size))} MB`,
    )
  log()
  log(
    `Load average at the end: ${load1()} (more than ~0.5 before the run: other work shared the CPUs).`,
  )
  if (errors > 0) log(`ERROR: ${errors} non-2xx responses, socket errors or timeouts`)
  return errors > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `documents bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
