import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'
import type { Database } from './schema.js'

/**
 * The reasons Portico reads or writes across tenants, each bound on
 * PostgreSQL to the few tables and commands its row-level security policy
 * names (migration 0006) — never a blanket bypass:
 *
 * - `authenticate`: find the session, embed session or user behind a
 *   credential, before any tenant is known (SELECT only);
 * - `event-fanout`: the event hub tails every account's events (SELECT events);
 * - `outbox`: the worker claims and settles deliveries to the ERP;
 * - `erp-inbound`: find which account the order of an ERP event belongs to
 *   (SELECT orders; the effect is written in that account's scope);
 * - `operator`: the operator's cross-account views and repairs (metrics,
 *   the dead-letter queue, finding the user an embed session is minted for);
 * - `housekeeping`: delete expired sessions, embed sessions and idempotency keys;
 * - `erp-simulator`: the demo's simulated ERP reads the orders delivered to it;
 * - `renewals`: the reminder job finds the contracts due (SELECT contracts;
 *   each reminder is written in its account's scope);
 * - `payment-inbound`: which account a provider's webhook is about (SELECT
 *   payments; the notification is applied in that account's scope);
 * - `sla`: the SLA job finds the cases whose targets ran out (SELECT cases;
 *   each breach is written in its account's scope);
 * - `case-inbound`: which account a case an agent answers through the
 *   operator key is of (SELECT cases; the answer is written in its scope).
 *
 * - `crm-reconcile`: which accounts are linked to Salesforce (SELECT
 *   accounts; each account's cases are then read and written in its scope).
 *
 * Housekeeping also reads every account's audit-chain head (the checkpoints).
 */
export const SYSTEM_PURPOSES = [
  'authenticate',
  'event-fanout',
  'outbox',
  'erp-inbound',
  'operator',
  'housekeeping',
  'erp-simulator',
  'renewals',
  'payment-inbound',
  'sla',
  'case-inbound',
  'crm-reconcile',
] as const
export type SystemPurpose = (typeof SYSTEM_PURPOSES)[number]

/**
 * Runs `fn` in a transaction of `db`, or directly in `db` when it already is
 * one (a service called inside a request's transaction joins it).
 */
export async function transaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}

/**
 * Runs `fn` as one tenant. On PostgreSQL: a transaction whose first
 * statement sets `portico.account_id` with `set_config(…, true)` — local to
 * the transaction, so it can never leak to the next user of the pooled
 * connection — and row-level security then shows and accepts that account's
 * rows only. Inside a transaction already scoped to the same account it
 * joins it. On SQLite (one process, no RLS) it runs `fn(db)`: the services'
 * own account filters are the isolation there.
 */
export async function withTenant<T>(
  db: Kysely<Database>,
  accountId: string,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) return fn(db)
  if (db.isTransaction && scopes.get(db) === `tenant:${accountId}`) return fn(db)
  return openScope(db, `tenant:${accountId}`, 'portico.account_id', accountId, fn)
}

/**
 * Runs `fn` for one system purpose (see {@link SYSTEM_PURPOSES}): on
 * PostgreSQL a transaction with `portico.purpose` set, which the policies
 * let through to exactly the tables and commands that purpose needs.
 */
export async function withPurpose<T>(
  db: Kysely<Database>,
  purpose: SystemPurpose,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) return fn(db)
  if (db.isTransaction && scopes.get(db) === `purpose:${purpose}`) return fn(db)
  return openScope(db, `purpose:${purpose}`, 'portico.purpose', purpose, fn)
}

/** The scope each open PostgreSQL transaction was opened with. */
const scopes = new WeakMap<Kysely<Database>, string>()

async function openScope<T>(
  db: Kysely<Database>,
  scope: string,
  setting: 'portico.account_id' | 'portico.purpose',
  value: string,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) {
    // One transaction, one scope: widening or switching it mid-way would
    // let rows of one scope flow into another's writes.
    throw new Error(`Cannot open ${scope} inside a transaction scoped to ${scopes.get(db)}`)
  }
  return db.transaction().execute(async (trx) => {
    await sql`select set_config(${setting}, ${value}, true)`.execute(trx)
    scopes.set(trx, scope)
    return fn(trx)
  })
}
