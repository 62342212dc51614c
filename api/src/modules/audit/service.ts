import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { isPostgres } from '../../db/migrations/dialect.js'
import type { Database } from '../../db/schema.js'
import { canonicalJson } from '../../lib/canonical-json.js'

/** The `prev_hash` of an account's first entry. */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  accountId: string
  /** `<noun>.<past-tense verb>`: `document.downloaded`. */
  action: string
  /** `user:<id>` or `operator:<api key id>`. */
  actor: string
  subjectId: string | null
  /** What else the entry records (IP, user agent, credential …): JSON values only. */
  detail: Record<string, unknown>
  now: Date
}

/** One link of the chain: where it stands and what it hashes to. */
export interface AuditCheckpoint {
  accountId: string
  seq: number
  hash: string
}

/**
 * `SHA-256(prev_hash ‖ seq ‖ account_id ‖ JCS(entry))`, hex — the chain rule
 * of DESIGN.md. The separators keep `seq 1, account "2x"` apart from
 * `seq 12, account "x"`.
 */
export function auditHash(prevHash: string, seq: number, accountId: string, entry: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${accountId}\n${entry}`).digest('hex')
}

/**
 * Appends an entry to the account's audit chain. Call it in the transaction
 * of the action it records, like appendEvent: the entry exists if and only if
 * the action committed. On SQLite transactions run one at a time; on
 * PostgreSQL an advisory lock per account orders concurrent appends, and the
 * primary key (account_id, seq) refuses a fork whatever happens.
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entry: AuditEntry,
): Promise<AuditCheckpoint> {
  if (isPostgres(trx as unknown as Kysely<unknown>)) {
    await sql`select pg_advisory_xact_lock(hashtext(${`audit:${entry.accountId}`}))`.execute(trx)
  }
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('account_id', '=', entry.accountId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const seq = Number(last?.seq ?? 0) + 1
  const prevHash = last?.hash ?? GENESIS_HASH
  const occurredAt = entry.now.toISOString()
  const text = canonicalJson({
    action: entry.action,
    actor: entry.actor,
    subjectId: entry.subjectId,
    occurredAt,
    detail: entry.detail,
  })
  const hash = auditHash(prevHash, seq, entry.accountId, text)
  await trx
    .insertInto('audit_log')
    .values({
      account_id: entry.accountId,
      seq,
      occurred_at: occurredAt,
      action: entry.action,
      actor: entry.actor,
      subject_id: entry.subjectId,
      entry: text,
      prev_hash: prevHash,
      hash,
    })
    .execute()
  return { accountId: entry.accountId, seq, hash }
}

/** The head of every account's chain: what is exported outside the database as a checkpoint. */
export async function auditCheckpoints(db: Kysely<Database>): Promise<AuditCheckpoint[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .select(['a.account_id', 'a.seq', 'a.hash'])
    .where(({ eb, selectFrom }) =>
      eb(
        'a.seq',
        '=',
        selectFrom('audit_log as b')
          .select((b) => b.fn.max('b.seq').as('m'))
          .whereRef('b.account_id', '=', 'a.account_id'),
      ),
    )
    .orderBy('a.account_id')
    .execute()
  return rows.map((r) => ({ accountId: r.account_id, seq: Number(r.seq), hash: r.hash }))
}

export type AuditVerification =
  | { ok: true; entries: number; head: AuditCheckpoint | undefined }
  | { ok: false; seq: number; reason: string }

/**
 * Recomputes an account's chain from a checkpoint (or from the start): every
 * seq follows the last, every entry hashes to its `hash`, every `prev_hash`
 * is the previous `hash`. An edited, deleted or inserted entry breaks it at
 * that seq; a rewritten tail is caught by comparing with a later checkpoint.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  accountId: string,
  from?: Omit<AuditCheckpoint, 'accountId'>,
): Promise<AuditVerification> {
  let prevHash = from?.hash ?? GENESIS_HASH
  let expected = (from?.seq ?? 0) + 1
  let head: AuditCheckpoint | undefined
  if (from) {
    const anchor = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('account_id', '=', accountId)
      .where('seq', '=', from.seq)
      .executeTakeFirst()
    if (anchor?.hash !== from.hash)
      return { ok: false, seq: from.seq, reason: 'the checkpoint does not match the log' }
  }
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('seq', '>=', expected)
    .orderBy('seq')
    .execute()
  for (const row of rows) {
    const seq = Number(row.seq)
    if (seq !== expected) return { ok: false, seq: expected, reason: 'an entry is missing' }
    if (row.prev_hash !== prevHash)
      return { ok: false, seq, reason: 'prev_hash is not the previous hash' }
    if (auditHash(prevHash, seq, accountId, row.entry) !== row.hash)
      return { ok: false, seq, reason: 'the entry does not hash to its hash' }
    prevHash = row.hash
    head = { accountId, seq, hash: row.hash }
    expected++
  }
  return { ok: true, entries: rows.length, head }
}
