import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/**
 * The CRM that is the system of record for support cases: the built-in
 * store (./built-in.ts — Portico's own tables, nothing remote) or
 * Salesforce. Portico keeps its own row of every case whichever it is, for
 * idempotency, SLA clocks, the activity feed and the `syncing` state; the
 * connector is told of every change and owns the case's life in the CRM.
 *
 * ## How a write is reported
 *
 * Every write resolves with a {@link CaseWriteResult}:
 *
 * - `{ state: 'synced', externalId }` — the CRM has the change now
 *   (`externalId`: its own ID of the case, e.g. a Salesforce Case Id; null
 *   for the built-in store). The service stores `sync_status = 'synced'`.
 * - `{ state: 'accepted' }` — the connector accepts the change but has not
 *   written it to the CRM yet (the CRM is slow, down, or the connector
 *   always sends in the background). The service stores the case with
 *   `sync_status = 'syncing'` and queues the change's domain event for the
 *   `crm` consumer through the transactional outbox (../../db/outbox.ts), in
 *   the same transaction as the change: the outbox worker then hands it to
 *   {@link CaseConnector.deliver} until it succeeds (at least once), after
 *   which the case is `synced` and `case.synced` is emitted; a
 *   PermanentDeliveryError dead-letters it and the case shows `failed`.
 *
 * A write throws only when the change must not happen (the CRM refused it
 * for good): the service then stores nothing and answers 502.
 *
 * Every write carries Portico's own ID (`case_…`, `cmt_…`, `catt_…`):
 * implementations must be idempotent by it (an upsert on an external-ID
 * field), because the service may call again after a crash and the outbox
 * delivers at least once.
 *
 * A write is called before the service writes its own rows, while the
 * request's transaction is open: answer quickly — a connector that cannot
 * reach the CRM within a second or two should answer `accepted` and let the
 * outbox deliver, rather than hold the database's write lock.
 */
export interface CaseConnector {
  /** `builtin`, `salesforce`: stored with each case. */
  readonly name: string

  /** A new case, raised by a customer. */
  createCase(ctx: CaseConnectorContext, input: CaseRecord): Promise<CaseWriteResult>

  /**
   * The cases of an account as the CRM holds them, changed since
   * `updatedSince`, oldest change first (a window with more than `limit`
   * is read on from the last one seen) — for a reconciliation that finds
   * changes made in the CRM (an agent answering there). The API's lists
   * are answered from Portico's own rows. `fresh`: ask the CRM itself, not
   * a briefly cached answer — the reconcile looks for what is new.
   */
  listCases(
    ctx: CaseConnectorContext,
    query: { accountId: string; updatedSince: string | null; limit: number; fresh?: boolean },
  ): Promise<CaseSnapshot[]>

  /**
   * Comments on the account's cases changed in the CRM since `updatedSince`,
   * oldest first — the reconcile's view of agents' answers. Portico's own
   * comments come back too, marked by `porticoCommentId`.
   */
  listComments(
    ctx: CaseConnectorContext,
    query: { accountId: string; updatedSince: string | null; limit: number },
  ): Promise<CaseCommentSnapshot[]>

  /** One case as the CRM holds it, by Portico's ID; undefined when the CRM has none. */
  getCase(ctx: CaseConnectorContext, caseRef: CaseRef): Promise<CaseSnapshot | undefined>

  /** A comment on a case (the customer's, or an agent's entered through Portico). */
  addComment(ctx: CaseConnectorContext, input: CaseCommentRecord): Promise<CaseWriteResult>

  /** A status change (closed, reopened, resolved by an agent, …). */
  changeStatus(ctx: CaseConnectorContext, input: CaseStatusChange): Promise<CaseWriteResult>

  /**
   * A file attached to a case. `open()` streams its bytes from Portico's
   * document store, as often as the connector needs them; they are never
   * held in memory whole.
   */
  addAttachment(ctx: CaseConnectorContext, input: CaseAttachmentRecord): Promise<CaseWriteResult>

  /**
   * Sends a change the connector earlier answered `accepted` for: a
   * `case.*` event from the outbox (`subjectId` is the case ID). Resolves
   * with the CRM's ID of the case once it has the change; throws to retry,
   * or a PermanentDeliveryError (../erp/erp-connector.ts) to give up.
   */
  deliver(ctx: CaseConnectorContext, event: CaseOutboxEvent): Promise<{ externalId: string | null }>
}

/**
 * What a connector call runs with: the database handle scoped to the case's
 * account (the built-in store reads and writes Portico's own tables through
 * it; a remote connector may ignore it) and the time of the change.
 */
export interface CaseConnectorContext {
  db: Kysely<Database>
  accountId: string
  now: Date
}

export type CaseWriteResult = { state: 'synced'; externalId: string | null } | { state: 'accepted' }

export type CaseCategoryValue =
  'question' | 'delivery' | 'quality' | 'warranty' | 'billing' | 'maintenance'
export type CasePriorityValue = 'low' | 'normal' | 'high' | 'urgent'
export type CaseStatusValue = 'new' | 'open' | 'waiting_on_customer' | 'resolved' | 'closed'

/** Which case a call is about: Portico's ID, and the CRM's once it has one. */
export interface CaseRef {
  caseId: string
  externalId: string | null
}

export interface CaseRecord {
  id: string
  /** `CS-2026-00042`: what the customer quotes on the phone. */
  number: string
  accountId: string
  subject: string
  description: string
  category: CaseCategoryValue
  priority: CasePriorityValue
  status: CaseStatusValue
  related: {
    orderId: string | null
    invoiceId: string | null
    productId: string | null
    documentId: string | null
  }
  details: Record<string, string>
  createdBy: { userId: string; name: string }
  createdAt: string
  firstResponseDueAt: string | null
  resolutionDueAt: string | null
}

export interface CaseCommentRecord extends CaseRef {
  id: string
  body: string
  author: { kind: 'customer' | 'agent'; name: string }
  createdAt: string
}

export interface CaseStatusChange extends CaseRef {
  from: CaseStatusValue
  to: CaseStatusValue
  actor: { kind: 'customer' | 'agent' | 'system'; name: string | null }
  at: string
}

export interface CaseAttachmentRecord extends CaseRef {
  id: string
  commentId: string | null
  fileName: string
  contentType: string
  size: number
  sha256: string
  createdAt: string
  open: () => Promise<Readable>
}

/** A case as the CRM holds it: enough to notice a change made there. */
export interface CaseSnapshot {
  caseId: string
  externalId: string | null
  status: CaseStatusValue
  /**
   * The CRM's priority in Portico's words; a CRM with fewer levels reports
   * its nearest (Salesforce's High for urgent). Null: a value Portico has no word for.
   */
  priority: CasePriorityValue | null
  /** Null when the CRM's record has none (an agent cleared it). */
  subject: string | null
  description: string | null
  updatedAt: string
}

/** A comment on a case as the CRM holds it. */
export interface CaseCommentSnapshot {
  caseId: string
  /** The CRM's ID of the comment (a CaseComment Id): what makes applying it idempotent. */
  externalId: string
  /** The text, without any reference line the connector added. */
  body: string
  /** Set when Portico posted the comment itself: an echo, not an agent's answer. */
  porticoCommentId: string | null
  authorName: string
  /** Only a published comment is the customer's to read. */
  isPublished: boolean
  /** When it was written in the CRM (ISO 8601). */
  createdAt: string
  updatedAt: string
}

/** A change queued for the CRM, as the outbox hands it over. */
export interface CaseOutboxEvent {
  id: string
  type: string
  accountId: string
  subjectId: string
  data: Record<string, unknown>
  createdAt: string
}
