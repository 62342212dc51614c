/**
 * What the ordering benchmarks (orders.ts, erp-to-sse.ts) start from: a fresh
 * demo database in which every account can order, a session for every demo
 * user, and the real server's environment without the simulated ERP.
 */
import { prepareDatabase } from '../src/bootstrap.js'
import { openDatabase } from '../src/db/connect.js'
import { loadConfig } from '../src/config.js'
import type { Role } from '../src/db/schema.js'
import { permissionsOf } from '../src/http/permissions.js'
import { systemClock } from '../src/lib/clock.js'
import { openSession } from '../src/testing.js'

export const BENCH_SECRET = 'ordering-bench-secret-not-for-production-0123456789'
export const BENCH_OPERATOR_KEY = 'sk_ordering_bench_operator_key'
/** Standard Webhooks secret the bench (as the ERP) signs with: base64 of 32 bytes. */
export const BENCH_ERP_WEBHOOK_SECRET = `whsec_${Buffer.from('portico-ordering-bench-erp-key-0').toString('base64')}`
/**
 * Every account's credit limit for the run, in minor units: far above what a
 * run can order (1e15 stays a safe integer however many orders are summed),
 * so the credit check runs in full and never refuses.
 */
export const BENCH_CREDIT_LIMIT = 1_000_000_000_000_000

export interface BenchUser {
  email: string
  role: Role
  userId: string
  accountId: string
  accountName: string
  token: string
  canOrder: boolean
}

/**
 * Migrates and seeds the demo into a new SQLite file (what `pnpm start` does
 * on first run), lifts every account's credit limit and credit hold in
 * account_terms, and opens a session per demo user with a session row (no
 * scrypt sign-in).
 */
export async function prepareOrderingDatabase(
  database: string | BenchPostgres,
): Promise<BenchUser[]> {
  const prepared = await prepareDatabase(
    loadConfig({
      ...databaseEnv(database),
      LOG_LEVEL: 'silent',
      PORTICO_SEED_DEMO: 'true',
      PORTICO_DEMO_OPERATOR_KEY: BENCH_OPERATOR_KEY,
    }),
    systemClock,
  )
  // What the bench changes crosses accounts: as the owner on PostgreSQL.
  const owner = typeof database === 'string' ? prepared : openDatabase(database.migrationUrl)
  const db = owner.db
  try {
    if (!prepared.seeded)
      throw new Error(`${typeof database === 'string' ? database : database.url} was not empty`)
    await db
      .updateTable('account_terms')
      .set({ credit_limit: BENCH_CREDIT_LIMIT, on_hold: 0, hold_reason: null })
      .execute()
    const rows = await db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .select([
        'users.email',
        'users.role',
        'users.id as userId',
        'accounts.id as accountId',
        'accounts.name as accountName',
      ])
      .orderBy('accounts.name')
      .orderBy('users.email')
      .execute()
    const now = new Date()
    const users: BenchUser[] = []
    for (const row of rows) {
      users.push({
        ...row,
        token: await openSession(db, row.email, now),
        canOrder: permissionsOf(row.role).includes('orders:write'),
      })
    }
    return users
  } finally {
    if (owner !== prepared) await owner.close()
    await prepared.close()
  }
}

/** A PostgreSQL bench database: the app role's URL and the owner's. */
export interface BenchPostgres {
  url: string
  migrationUrl: string
}

function databaseEnv(database: string | BenchPostgres): Record<string, string> {
  return typeof database === 'string'
    ? { DATABASE_URL: `file:${database}` }
    : { DATABASE_URL: database.url, DATABASE_MIGRATION_URL: database.migrationUrl }
}

/**
 * The environment of `src/server.ts` for these benches: production settings,
 * loopback, a port the OS picks, errors-only logging, and
 * PORTICO_ERP_SIMULATOR=false — no outbox worker or simulated ERP competes
 * for the CPU or the write lock; orders stay in the outbox.
 */
export function orderingServerEnv(
  database: string | BenchPostgres,
  extra: Record<string, string> = {},
) {
  return {
    NODE_ENV: 'production',
    PORTICO_SECRET: BENCH_SECRET,
    ...databaseEnv(database),
    PORTICO_SEED_DEMO: 'false',
    PORTICO_ERP_SIMULATOR: 'false',
    PORTICO_ERP_WEBHOOK_SECRET: BENCH_ERP_WEBHOOK_SECRET,
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: '0',
    ...extra,
  }
}

export interface CatalogItem {
  id: string
  sku: string
  minOrderQuantity: number
  orderMultiple: number
}

/** The account's orderable products, as its user sees them (GET /v1/catalog). */
export async function fetchCatalog(baseUrl: string, token: string): Promise<CatalogItem[]> {
  const response = await fetch(`${baseUrl}/v1/catalog?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (response.status !== 200) {
    throw new Error(`GET /v1/catalog answered ${response.status}: ${await response.text()}`)
  }
  const page = (await response.json()) as { data: CatalogItem[]; nextCursor: string | null }
  return page.data
}

/** The smallest valid quantity × `factor`: at least the MOQ, a multiple of the order multiple. */
export function validQuantity(product: CatalogItem, factor = 1): number {
  const smallest =
    Math.ceil(product.minOrderQuantity / product.orderMultiple) * product.orderMultiple
  return smallest * factor
}

/** An order body of `count` distinct products of the catalog, starting at `offset`. */
export function orderBody(catalog: CatalogItem[], offset: number, count = 3, factor = 1) {
  if (catalog.length < count) throw new Error(`a catalog of ${catalog.length} products`)
  return {
    lines: Array.from({ length: count }, (_, i) => {
      const product = catalog[(offset + i) % catalog.length]!
      return { productId: product.id, quantity: validQuantity(product, factor) }
    }),
  }
}

/**
 * The requests of an order load: the next buyer of the rotation, the next
 * of that buyer's bodies, and a unique Idempotency-Key under `tag` (the
 * request's key, to find it again).
 */
export function orderRequests(
  buyers: ReadonlyArray<{ token: string; bodies: readonly string[] }>,
  tag: string,
): () => { key: string; headers: Record<string, string>; body: string } {
  let sequence = 0
  return () => {
    const n = sequence++
    const buyer = buyers[n % buyers.length]!
    const key = `${tag}-${n}`
    return {
      key,
      headers: {
        authorization: `Bearer ${buyer.token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: buyer.bodies[Math.floor(n / buyers.length) % buyer.bodies.length]!,
    }
  }
}
