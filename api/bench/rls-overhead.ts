/**
 * The price of row-level security on the invoice list: the service's own
 * list query (`listInvoices`, pages 1, 2, 4, 7, 10 of the bench account) run
 * on PostgreSQL as the app role inside a tenant transaction — RLS on — and
 * as a superuser, which RLS does not bind, with the same tenant transaction
 * around it so the only difference is the policy. Both sides run the same
 * number of pages with `concurrency` in flight, in alternating blocks so
 * noise hits both alike.
 */
import type { Kysely } from 'kysely'
import type { Permission } from '../src/http/permissions.js'
import type { Database } from '../src/db/schema.js'
import type { TenantContext } from '../src/db/tenant.js'
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js'
import { withTenant } from '../src/db/scope.js'
import { parseJsonText } from '../src/lib/json-text.js'
import { listInvoices } from '../src/modules/invoices/service.js'
import { percentile } from './post-load.js'

export interface RlsSide {
  pagesPerSecond: number
  p50Ms: number
  p99Ms: number
}

export interface RlsOverhead {
  rlsOn: RlsSide
  rlsOff: RlsSide
  /** RLS on ÷ RLS off (higher = RLS costs more). */
  p50Ratio: number
  throughputRatio: number
}

const SECRET = 'bench-rls-secret-0123456789abcdef0123456789'

/** What the service receives for the bench account's reader. */
const tenant = (db: Kysely<Database>, accountId: string): TenantContext => ({
  db,
  accountId,
  userId: 'user_bench',
  permissions: new Set<Permission>(['invoices:read']),
  clock: { now: () => new Date() },
  secret: SECRET,
})

export async function measureRlsOverhead(options: {
  appUrl: string
  superuserUrl: string
  accountId: string
  limit: number
  pages: number[]
  /** Pages per side per block. */
  pagesPerBlock?: number
  blocks?: number
  concurrency?: number
}): Promise<RlsOverhead> {
  const concurrency = options.concurrency ?? 10
  const app = openDatabase(options.appUrl, { poolSize: concurrency })
  const superuser = openDatabase(options.superuserUrl, { poolSize: concurrency })
  try {
    const cursors = await pageCursors(superuser, options)
    const run = async (handle: DatabaseHandle, index: number) => {
      const cursor = cursors[index % cursors.length]
      await withTenant(handle.db, options.accountId, (db) =>
        listInvoices(tenant(db, options.accountId), { limit: options.limit, cursor }),
      )
    }
    const sides = { on: [] as number[], off: [] as number[] }
    const elapsed = { on: 0, off: 0 }
    const perBlock = options.pagesPerBlock ?? 1_000
    // A warm-up block each, discarded: caches and plans.
    await block(app, run, 200, concurrency, [])
    await block(superuser, run, 200, concurrency, [])
    for (let b = 0; b < (options.blocks ?? 4); b++) {
      elapsed.on += await block(app, run, perBlock, concurrency, sides.on)
      elapsed.off += await block(superuser, run, perBlock, concurrency, sides.off)
    }
    const summarise = (latencies: number[], ms: number): RlsSide => {
      const sorted = [...latencies].sort((a, b) => a - b)
      return {
        pagesPerSecond: latencies.length / (ms / 1000),
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
      }
    }
    const rlsOn = summarise(sides.on, elapsed.on)
    const rlsOff = summarise(sides.off, elapsed.off)
    return {
      rlsOn,
      rlsOff,
      p50Ratio: rlsOn.p50Ms / rlsOff.p50Ms,
      throughputRatio: rlsOff.pagesPerSecond / rlsOn.pagesPerSecond,
    }
  } finally {
    await app.close()
    await superuser.close()
  }
}

/** Runs `count` pages with `concurrency` in flight; returns the elapsed ms. */
async function block(
  handle: DatabaseHandle,
  run: (handle: DatabaseHandle, index: number) => Promise<void>,
  count: number,
  concurrency: number,
  latencies: number[],
): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++
        const t0 = performance.now()
        await run(handle, index)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  return performance.now() - started
}

/** The cursors of the chosen pages (undefined for page 1), walked once. */
async function pageCursors(
  handle: DatabaseHandle,
  options: { accountId: string; limit: number; pages: number[] },
): Promise<Array<string | undefined>> {
  const byPage: Array<string | undefined> = [undefined]
  let cursor: string | undefined
  for (let page = 2; page <= Math.max(...options.pages); page++) {
    const body = await withTenant(handle.db, options.accountId, (db) =>
      listInvoices(tenant(db, options.accountId), { limit: options.limit, cursor }),
    )
    cursor = parseJsonText(body).nextCursor ?? undefined
    byPage.push(cursor)
  }
  return options.pages.map((p) => byPage[p - 1])
}
