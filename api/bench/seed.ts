import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SQLite from 'better-sqlite3'
import { openDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import type { Role, StoredInvoiceStatus } from '../src/db/schema.js'
import { isoDate } from '../src/lib/clock.js'
import { newId } from '../src/lib/ids.js'
import { taxOn, toMinorUnits } from '../src/lib/money.js'
import { hashPassword } from '../src/lib/passwords.js'
import { DEMO_ACCOUNTS } from '../src/seed/demo-data.js'
import { seededRandom } from '../src/seed/random.js'
import type { DatasetSize } from './settings.js'

/** Every seeded bench user signs in with this password. */
export const BENCH_PASSWORD = 'portico-bench'

export const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url))

const DAY_MS = 24 * 60 * 60 * 1000
/** Invoices are spread over three years of history, newest last inserted. */
const SPAN_DAYS = 3 * 365
/** Rows per write transaction while seeding. */
const BATCH = 50_000

/** What run.ts needs to know about a seeded database, kept beside it. */
export interface BenchManifest {
  invoices: number
  accounts: number
  seededAt: string
  /** The account the load runs as: one in the middle of the key space. */
  benchAccount: { id: string; name: string; invoiceCount: number; email: string }
}

export interface BenchDatabase {
  path: string
  manifest: BenchManifest
  /** True when this run seeded it; false when it came from the cache. */
  seeded: boolean
}

/**
 * A database of the given size, seeded once and cached under bench/.cache/.
 * The cache key covers the size, the migrations and this seeder's source, so
 * a schema or seed change reseeds by itself.
 */
export async function benchDatabase(
  size: DatasetSize,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const stem = `invoices-${size.invoices}-accounts-${size.accounts}`
  const path = join(CACHE_DIR, `${stem}-${seedVersion()}.db`)
  const manifestPath = `${path}.json`
  if (existsSync(path) && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BenchManifest
    return { path, manifest, seeded: false }
  }
  for (const stale of readdirSync(CACHE_DIR)) {
    if (stale.startsWith(`${stem}-`)) rmSync(join(CACHE_DIR, stale), { force: true })
  }

  const started = performance.now()
  // Seed under a temporary name and rename at the end: an interrupted seed
  // never leaves a file the next run would take for a finished one.
  const partial = `${path}.partial-${process.pid}`
  const manifest = await seed(partial, size, log)
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  renameSync(partial, path)
  log(`  seeded ${stem} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return { path, manifest, seeded: true }
}

/** Hash of the migrations and of this file: the schema/seed version in the cache key. */
function seedVersion(): string {
  const hash = createHash('sha256')
  const migrations = fileURLToPath(new URL('../src/db/migrations/', import.meta.url))
  for (const name of readdirSync(migrations).sort()) {
    hash.update(name).update(readFileSync(join(migrations, name)))
  }
  hash.update(readFileSync(fileURLToPath(import.meta.url)))
  return hash.digest('hex').slice(0, 10)
}

const FIRST_NAMES = ['Ana', 'Budi', 'Claire', 'Dewi', 'Erik', 'Giulia', 'Hugo', 'Jordan', 'Katrin']
const LAST_NAMES = ['Bianchi', 'Chen', 'Durand', 'Hoffmann', 'Lestari', 'Ortiz', 'Patel', 'Vogel']
const ROLES: Array<{ local: string; role: Role }> = [
  { local: 'admin', role: 'admin' },
  { local: 'buyer', role: 'buyer' },
  { local: 'ap', role: 'accounts_payable' },
  { local: 'viewer', role: 'viewer' },
]

/**
 * Schema from the real migrations, then rows through raw prepared statements
 * in large transactions. Column semantics follow src/seed/demo.ts exactly
 * (numbers, statuses, partial payments, PO numbers, dates); accounts are
 * modelled on the five demo accounts in turn. Invoice lines and
 * `invoice.created` events are not seeded: the list never reads them.
 */
async function seed(path: string, size: DatasetSize, log: (line: string) => void) {
  rmSync(path, { force: true })
  const handle = openDatabase(`file:${path}`)
  await migrateToLatest(handle.db)
  await handle.close()

  const now = new Date()
  const today = isoDate(now)
  const random = seededRandom(20261125)
  // One scrypt hash shared by every bench user: scrypt is slow on purpose.
  const passwordHash = await hashPassword(BENCH_PASSWORD)

  const sqlite = new SQLite(path)
  // Bulk-load settings for this connection only; the API server opens the
  // file with its own (WAL, synchronous NORMAL).
  sqlite.pragma('journal_mode = OFF')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -1048576')
  try {
    const accounts = insertAccountsAndUsers(sqlite, size, passwordHash, now, random)
    const insertInvoice = sqlite.prepare(
      `insert into invoices (id, account_id, number, status, currency, issue_date, due_date,
         subtotal, tax_total, total, amount_paid, po_number, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const maxCount = Math.max(...accounts.map((a) => a.count))
    let inserted = 0
    let inBatch = 0
    sqlite.exec('begin')
    // Sequence number outermost, account innermost: rows arrive roughly in
    // date order across all accounts, as a live system writes them, so an
    // account's invoices are scattered over the table like in production.
    for (let n = 0; n < maxCount; n++) {
      for (const account of accounts) {
        if (n >= account.count) continue
        const template = account.template
        const ageDays =
          Math.floor(((account.count - n) / account.count) * SPAN_DAYS) + random.int(0, 3)
        const issued = new Date(now.getTime() - ageDays * DAY_MS)
        const issueDate = isoDate(issued)
        const dueDate = isoDate(new Date(issued.getTime() + template.paymentTermDays * DAY_MS))

        let subtotal = 0
        const lineCount = random.int(1, 5)
        for (let position = 1; position <= lineCount; position++) {
          const product = random.pick(account.products)
          const quantity = random.int(1, product.price > 500 ? 8 : 120)
          subtotal += product.unitPrice * quantity
        }
        const taxTotal = taxOn(subtotal, template.taxRateBps)
        const total = subtotal + taxTotal

        const roll = random.next()
        const pastDue = dueDate < today
        let status: StoredInvoiceStatus = 'open'
        let amountPaid = 0
        if (roll < 0.04) status = 'void'
        else if (pastDue && roll < (ageDays > 120 ? 0.93 : 0.7)) status = 'paid'
        else if (!pastDue && roll > 0.85) status = 'paid'
        if (status === 'paid') amountPaid = total
        else if (status === 'open' && random.next() < 0.2)
          amountPaid = Math.round(total * random.pick([0.25, 0.5]))

        const issuedAt = issued.toISOString()
        insertInvoice.run(
          newId('inv', issued.getTime()),
          account.id,
          `${template.invoicePrefix}-${issued.getUTCFullYear()}-${String(n + 1).padStart(5, '0')}`,
          status,
          template.currency,
          issueDate,
          dueDate,
          subtotal,
          taxTotal,
          total,
          amountPaid,
          random.next() < 0.7 ? `PO-${random.int(10000, 99999)}` : null,
          issuedAt,
          issuedAt,
        )
        inserted++
        if (++inBatch === BATCH) {
          sqlite.exec('commit')
          log(`  ${inserted.toLocaleString('en')} / ${size.invoices.toLocaleString('en')} invoices`)
          sqlite.exec('begin')
          inBatch = 0
        }
      }
    }
    sqlite.exec('commit')

    const bench = accounts[Math.floor(accounts.length / 2)]!
    const manifest: BenchManifest = {
      invoices: inserted,
      accounts: accounts.length,
      seededAt: now.toISOString(),
      benchAccount: {
        id: bench.id,
        name: bench.name,
        invoiceCount: bench.count,
        email: bench.buyerEmail,
      },
    }
    sqlite.pragma('journal_mode = WAL')
    return manifest
  } finally {
    sqlite.close()
  }
}

function insertAccountsAndUsers(
  sqlite: SQLite.Database,
  size: DatasetSize,
  passwordHash: string,
  now: Date,
  random: ReturnType<typeof seededRandom>,
) {
  const insertAccount = sqlite.prepare(
    'insert into accounts (id, name, currency, locale, created_at) values (?, ?, ?, ?, ?)',
  )
  const insertUser = sqlite.prepare(
    `insert into users (id, account_id, email, name, password_hash, role, created_at, disabled_at)
     values (?, ?, ?, ?, ?, ?, ?, null)`,
  )
  const createdAt = new Date(now.getTime() - (SPAN_DAYS + 30) * DAY_MS).toISOString()
  // Unit prices in minor units once per demo product (Intl is slow per call).
  const templates = DEMO_ACCOUNTS.map((template) => ({
    template,
    products: template.products.map((p) => ({
      price: p.price,
      unitPrice: toMinorUnits(p.price, template.currency),
    })),
  }))
  const base = Math.floor(size.invoices / size.accounts)
  const extra = size.invoices % size.accounts
  return sqlite.transaction(() =>
    Array.from({ length: size.accounts }, (_, index) => {
      const { template, products } = templates[index % templates.length]!
      const id = newId('acct', now.getTime())
      const label = String(index + 1).padStart(4, '0')
      const name = `${template.name} ${label}`
      insertAccount.run(id, name, template.currency, template.locale, createdAt)
      const domain = `customer-${label}.example`
      // Three or four users per account, in every role.
      for (const { local, role } of ROLES.slice(0, 3 + (index % 2))) {
        const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
        insertUser.run(
          newId('user', now.getTime()),
          id,
          `${local}@${domain}`,
          person,
          passwordHash,
          role,
          createdAt,
        )
      }
      return {
        id,
        name,
        template,
        products,
        count: base + (index < extra ? 1 : 0),
        buyerEmail: `buyer@${domain}`,
      }
    }),
  )()
}
