/**
 * What the payments benchmark starts from: a fresh demo database plus bench
 * invoices with large open balances, and pending payments on them — each
 * waiting for the one webhook that records it — for the sandbox provider
 * (every account) and for Midtrans (the rupiah account).
 */
import SQLite from 'better-sqlite3'
import { newId } from '../src/lib/ids.js'
import { seededRandom } from '../src/seed/random.js'
import { orderingServerEnv, prepareOrderingDatabase } from './order-fixtures.js'

export const BENCH_SANDBOX_SECRET = `whsec_${Buffer.from('portico-payments-bench-sandbox-k').toString('base64')}`
export const BENCH_MIDTRANS_SERVER_KEY = 'SB-Mid-server-portico-bench'

/** The redirect URL of every bench payment: what tells them from the demo's own. */
export const BENCH_REDIRECT = '/sandbox/pay/bench'

/** Invoices per account the bench payments go to; each has room for every payment. */
const INVOICES_PER_ACCOUNT = 200
const INVOICE_TOTAL = 1_000_000_000_000

export interface BenchPayment {
  id: string
  amount: number
  currency: string
}

export interface PaymentFixtures {
  sandbox: BenchPayment[]
  midtrans: BenchPayment[]
}

/**
 * Seeds the demo into a new SQLite file, then writes the bench invoices and
 * `perProvider` pending payments for each provider, 10 % of them spread over
 * two invoices, with the same columns the API writes.
 */
export async function preparePaymentsDatabase(
  databasePath: string,
  perProvider: number,
): Promise<PaymentFixtures> {
  // The ordering benches' database: the demo seed, every account able to order.
  await prepareOrderingDatabase(databasePath)

  const db = new SQLite(databasePath)
  const random = seededRandom(4711)
  try {
    db.pragma('journal_mode = WAL')
    const accounts = db
      .prepare(
        `select a.id, a.currency, (select u.id from users u where u.account_id = a.id order by u.role = 'accounts_payable' desc limit 1) as user
           from accounts a order by a.name`,
      )
      .all() as Array<{ id: string; currency: string; user: string }>
    const now = new Date()
    const at = now.toISOString()
    const expires = new Date(now.getTime() + 24 * 3_600_000).toISOString()
    const invoicesOf = new Map<string, string[]>()
    const insertInvoice = db.prepare(
      `insert into invoices (id, account_id, number, status, currency, issue_date, due_date, subtotal, tax_total, total, amount_paid, po_number, created_at, updated_at)
       values (?, ?, ?, 'open', ?, ?, '2099-12-31', ?, 0, ?, 0, null, ?, ?)`,
    )
    const insertPayment = db.prepare(
      `insert into payments (id, account_id, provider, provider_reference, provider_transaction_id, status, currency, amount, unapplied_amount, method, return_url, redirect_url, provider_token, failure_reason, created_by, created_at, updated_at, expires_at, succeeded_at)
       values (?, ?, ?, ?, null, 'pending', ?, ?, 0, null, '/invoices', '${BENCH_REDIRECT}', null, null, ?, ?, ?, ?, null)`,
    )
    const insertAllocation = db.prepare(
      `insert into payment_allocations (payment_id, invoice_id, account_id, amount) values (?, ?, ?, ?)`,
    )
    const fixtures: PaymentFixtures = { sandbox: [], midtrans: [] }
    db.transaction(() => {
      for (const account of accounts) {
        const ids: string[] = []
        for (let n = 0; n < INVOICES_PER_ACCOUNT; n++) {
          const id = newId('inv')
          insertInvoice.run(
            id,
            account.id,
            `BENCH-${String(n).padStart(5, '0')}`,
            account.currency,
            at.slice(0, 10),
            INVOICE_TOTAL,
            INVOICE_TOTAL,
            at,
            at,
          )
          ids.push(id)
        }
        invoicesOf.set(account.id, ids)
      }
      const rupiah = accounts.filter((a) => a.currency === 'IDR')
      for (const [provider, payers] of [
        ['sandbox', accounts],
        ['midtrans', rupiah],
      ] as const) {
        for (let n = 0; n < perProvider; n++) {
          const account = payers[n % payers.length]!
          const invoices = invoicesOf.get(account.id)!
          const id = newId('pay')
          const parts = random.next() < 0.1 ? 2 : 1
          const first = random.int(0, invoices.length - parts)
          const amounts = Array.from({ length: parts }, () => random.int(1_000, 9_999))
          const amount = amounts.reduce((s, a) => s + a, 0)
          insertPayment.run(
            id,
            account.id,
            provider,
            id,
            account.currency,
            amount,
            account.user,
            at,
            at,
            expires,
          )
          amounts.forEach((a, i) => insertAllocation.run(id, invoices[first + i], account.id, a))
          fixtures[provider].push({ id, amount, currency: account.currency })
        }
      }
    })()
    return fixtures
  } finally {
    db.close()
  }
}

/** The environment of `src/server.ts` for the bench (the ordering benches'), for one provider. */
export function paymentsServerEnv(databasePath: string, provider: 'sandbox' | 'midtrans') {
  return orderingServerEnv(databasePath, {
    PORTICO_PAYMENT_PROVIDER: provider,
    PORTICO_SANDBOX_PAYMENT_SECRET: BENCH_SANDBOX_SECRET,
    PORTICO_MIDTRANS_SERVER_KEY: BENCH_MIDTRANS_SERVER_KEY,
  })
}
