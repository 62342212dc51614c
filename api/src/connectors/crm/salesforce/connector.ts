import type { Readable } from 'node:stream'
import type { DocumentStore } from '../../storage/index.js'
import { PermanentDeliveryError } from '../../erp/erp-connector.js'
import type {
  CaseCommentSnapshot,
  CaseConnector,
  CaseConnectorContext,
  CaseOutboxEvent,
  CaseRecord,
  CaseSnapshot,
  CaseWriteResult,
} from '../case-connector.js'
import {
  PORTICO_ATTACHMENT_ID_FIELD,
  PORTICO_CASE_ID_FIELD,
  porticoPriority,
  salesforcePriority,
  type CaseStatusMap,
} from './case-fields.js'
import type { CaseListCache } from './case-list-cache.js'
import type { SalesforceClient } from './client.js'
import { commentPartOf, commentParts, commentRefOf, withoutCommentRef } from './comment-ref.js'
import { salesforceAccountId, salesforceContactId } from './contacts.js'
import { isPermanentRefusal, isUnreachable } from './errors.js'
import { soqlDateTime, soqlString } from './soql.js'

interface SalesforceConnectorOptions {
  client: SalesforceClient
  cache: CaseListCache
  /** The org's Case `Status` picklist (`SALESFORCE_CASE_STATUSES`). */
  statuses: CaseStatusMap
  /** Where attachments' bytes are, for a file delivered through the outbox. */
  documents: DocumentStore
}

/** The Case fields the reconcile compares with Portico's row. */
const CASE_FIELDS = `Id, ${PORTICO_CASE_ID_FIELD}, Status, Priority, Subject, Description, SystemModstamp`

/**
 * Cases kept in Salesforce: a case is a Case under the account's Account,
 * raised by the portal user's Contact; comments are published CaseComments
 * (the customer sees only `IsPublished = true`); files are ContentVersions
 * published to the Case. Salesforce unreachable → the write is `accepted`
 * and the outbox delivers it; every Case write is an upsert on
 * `Portico_Case_Id__c`, so a delivery repeated after a lost answer finds the
 * Case the first one made. CaseComments and ContentVersions cannot be
 * upserted: each carries Portico's ID (a `[ref:cmt_…]` line, see
 * ./comment-ref.ts; `Portico_Attachment_Id__c`) and is looked up by it
 * before it is created, so a retried delivery finds the first one too.
 */
export function createSalesforceCaseConnector(options: SalesforceConnectorOptions): CaseConnector {
  const { client, cache, statuses, documents } = options

  /** Runs a write now; no answer from Salesforce means `accepted`, for the outbox. */
  async function writeNow(
    ctx: CaseConnectorContext,
    work: () => Promise<string | null>,
  ): Promise<CaseWriteResult> {
    try {
      const externalId = await work()
      return { state: 'synced', externalId }
    } catch (error) {
      if (isUnreachable(error)) return { state: 'accepted' }
      throw error
    } finally {
      cache.bust(ctx.accountId)
    }
  }

  async function upsertCase(ctx: CaseConnectorContext, input: CaseRecord): Promise<string> {
    const sfAccountId = await salesforceAccountId(ctx.db, input.accountId)
    const contactId = await salesforceContactId(ctx.db, client, {
      accountId: input.accountId,
      userId: input.createdBy.userId,
      sfAccountId,
    })
    const id = await client.upsert(
      'Case',
      {
        [PORTICO_CASE_ID_FIELD]: input.id,
        AccountId: sfAccountId,
        ContactId: contactId,
        Subject: input.subject,
        Description: input.description,
        Status: statuses.toSalesforce(input.status),
        Priority: salesforcePriority(input.priority),
        Type: input.category,
        Origin: 'Web',
      },
      PORTICO_CASE_ID_FIELD,
    )
    return id ?? (await caseIdInSalesforce(ctx, input.id, null))
  }

  /** The Case's Id: known from Portico's row once synced, else found by Portico's ID. */
  async function caseIdInSalesforce(
    ctx: CaseConnectorContext,
    caseId: string,
    known: string | null,
  ): Promise<string> {
    if (known) return known
    const sfAccountId = await salesforceAccountId(ctx.db, ctx.accountId)
    const [found] = await client.query(
      `SELECT Id FROM Case WHERE AccountId = ${soqlString(sfAccountId)} AND ${PORTICO_CASE_ID_FIELD} = ${soqlString(caseId)} LIMIT 1`,
    )
    // Not there yet: the case itself is still on its way; retry after it.
    if (!found) throw new Error(`Case ${caseId} is not in Salesforce yet`)
    return found.Id
  }

  async function addComment(
    ctx: CaseConnectorContext,
    comment: { id: string; caseId: string; externalId: string | null; body: string },
  ) {
    const parentId = await caseIdInSalesforce(ctx, comment.caseId, comment.externalId)
    // A Case has a thread of tens of comments, not thousands: read it and
    // look for the reference line (a long text field cannot be filtered in SOQL).
    const thread = await client.query(
      `SELECT Id, CommentBody FROM CaseComment WHERE ParentId = ${soqlString(parentId)}`,
    )
    const delivered = new Set(
      thread
        .map((c) => commentPartOf(String(c.CommentBody ?? '')))
        .filter((ref) => ref?.commentId === comment.id)
        .map((ref) => ref!.part),
    )
    // In order, so the agent reads a long comment's parts as written.
    for (const part of commentParts(comment.body, comment.id)) {
      if (delivered.has(part.part)) continue
      await client.create('CaseComment', {
        ParentId: parentId,
        CommentBody: part.body,
        IsPublished: true,
      })
    }
    return parentId
  }

  async function addAttachment(
    ctx: CaseConnectorContext,
    file: {
      id: string
      caseId: string
      externalId: string | null
      fileName: string
      open: () => Promise<Readable>
    },
  ) {
    const parentId = await caseIdInSalesforce(ctx, file.caseId, file.externalId)
    const [sent] = await client.query(
      `SELECT Id FROM ContentVersion WHERE ${PORTICO_ATTACHMENT_ID_FIELD} = ${soqlString(file.id)} LIMIT 1`,
    )
    if (sent) return parentId
    // The REST API takes VersionData base64 in JSON: the file is read once per
    // upload, bounded by the attachment limit.
    const chunks: Buffer[] = []
    for await (const chunk of await file.open()) chunks.push(Buffer.from(chunk as Buffer))
    await client.create('ContentVersion', {
      [PORTICO_ATTACHMENT_ID_FIELD]: file.id,
      Title: file.fileName,
      PathOnClient: file.fileName,
      VersionData: Buffer.concat(chunks).toString('base64'),
      FirstPublishLocationId: parentId,
    })
    return parentId
  }

  async function changeStatus(
    ctx: CaseConnectorContext,
    ref: { caseId: string; externalId: string | null },
    to: CaseRecord['status'],
  ) {
    const id = await caseIdInSalesforce(ctx, ref.caseId, ref.externalId)
    await client.update('Case', { Id: id, Status: statuses.toSalesforce(to) })
    return id
  }

  function toSnapshot(record: Record<string, unknown>): CaseSnapshot | undefined {
    const caseId = record[PORTICO_CASE_ID_FIELD]
    // A Case opened in Salesforce itself has no Portico ID: not the portal's.
    if (typeof caseId !== 'string') return undefined
    return {
      caseId,
      externalId: String(record.Id),
      status: statuses.toPortico(record.Status),
      priority: porticoPriority(record.Priority) ?? null,
      subject: typeof record.Subject === 'string' ? record.Subject : null,
      description: typeof record.Description === 'string' ? record.Description : null,
      updatedAt: new Date(String(record.SystemModstamp)).toISOString(),
    }
  }

  function toCommentSnapshot(record: Record<string, unknown>): CaseCommentSnapshot | undefined {
    const parent = record.Parent as Record<string, unknown> | null | undefined
    const caseId = parent?.[PORTICO_CASE_ID_FIELD]
    if (typeof caseId !== 'string') return undefined
    const body = String(record.CommentBody ?? '')
    const author = record.CreatedBy as Record<string, unknown> | null | undefined
    return {
      caseId,
      externalId: String(record.Id),
      body: withoutCommentRef(body),
      porticoCommentId: commentRefOf(body) ?? null,
      authorName: typeof author?.Name === 'string' ? author.Name : 'Salesforce',
      isPublished: record.IsPublished === true,
      createdAt: new Date(String(record.CreatedDate)).toISOString(),
      updatedAt: new Date(String(record.SystemModstamp)).toISOString(),
    }
  }

  async function deliverEvent(ctx: CaseConnectorContext, event: CaseOutboxEvent): Promise<string> {
    const row = await ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', event.subjectId)
      .where('account_id', '=', ctx.accountId)
      .executeTakeFirstOrThrow()
    const ref = { caseId: row.id, externalId: row.external_id }
    switch (event.type) {
      case 'case.created': {
        const author = await ctx.db
          .selectFrom('users')
          .select('name')
          .where('id', '=', row.created_by)
          .executeTakeFirstOrThrow()
        return upsertCase(ctx, {
          id: row.id,
          number: row.number,
          accountId: row.account_id,
          subject: row.subject,
          description: row.description,
          category: row.category,
          priority: row.priority,
          // The status when raised: later changes follow as their own events.
          status: 'new',
          related: {
            orderId: row.order_id,
            invoiceId: row.invoice_id,
            productId: row.product_id,
            documentId: row.document_id,
          },
          details: JSON.parse(row.details) as Record<string, string>,
          createdBy: { userId: row.created_by, name: author.name },
          createdAt: row.created_at,
          firstResponseDueAt: row.first_response_due_at,
          resolutionDueAt: row.resolution_due_at,
        })
      }
      case 'case.commented': {
        const comment = await ctx.db
          .selectFrom('case_comments')
          .select(['id', 'body'])
          .where('id', '=', String(event.data.commentId))
          .where('account_id', '=', ctx.accountId)
          .executeTakeFirstOrThrow()
        return addComment(ctx, { ...ref, id: comment.id, body: comment.body })
      }
      case 'case.attachment_added': {
        const file = await ctx.db
          .selectFrom('case_attachments')
          .select(['id', 'file_name', 'storage_key'])
          .where('id', '=', String(event.data.attachmentId))
          .where('account_id', '=', ctx.accountId)
          .executeTakeFirstOrThrow()
        return addAttachment(ctx, {
          ...ref,
          id: file.id,
          fileName: file.file_name,
          open: async () => (await documents.get(file.storage_key)).body,
        })
      }
      case 'case.status_changed':
        return changeStatus(ctx, ref, event.data.to as CaseRecord['status'])
      default:
        // Events that change nothing in Salesforce (an SLA breach, a download).
        return caseIdInSalesforce(ctx, ref.caseId, ref.externalId)
    }
  }

  return {
    name: 'salesforce',

    createCase: (ctx, input) => writeNow(ctx, () => upsertCase(ctx, input)),
    addComment: (ctx, input) => writeNow(ctx, () => addComment(ctx, input)),
    changeStatus: (ctx, input) => writeNow(ctx, () => changeStatus(ctx, input, input.to)),
    addAttachment: (ctx, input) => writeNow(ctx, () => addAttachment(ctx, input)),

    async listCases(ctx, query) {
      const sfAccountId = await salesforceAccountId(ctx.db, query.accountId)
      const soql =
        `SELECT ${CASE_FIELDS} FROM Case WHERE AccountId = ${soqlString(sfAccountId)}` +
        (query.updatedSince ? ` AND SystemModstamp > ${soqlDateTime(query.updatedSince)}` : '') +
        ` ORDER BY SystemModstamp ASC LIMIT ${Math.max(1, Math.min(2000, Math.trunc(query.limit)))}`
      const cacheable = !query.fresh
      const cached = cacheable ? cache.get(query.accountId, soql) : undefined
      if (cached) return cached
      const records = await client.query(soql)
      const snapshots = records.map(toSnapshot).filter((s): s is CaseSnapshot => s !== undefined)
      if (cacheable) cache.set(query.accountId, soql, snapshots)
      return snapshots
    },

    async getCase(ctx, ref) {
      const sfAccountId = await salesforceAccountId(ctx.db, ctx.accountId)
      const [record] = await client.query(
        `SELECT ${CASE_FIELDS} FROM Case WHERE AccountId = ${soqlString(sfAccountId)} AND ${PORTICO_CASE_ID_FIELD} = ${soqlString(ref.caseId)} LIMIT 1`,
      )
      return record && toSnapshot(record)
    },

    async listComments(ctx, query) {
      const sfAccountId = await salesforceAccountId(ctx.db, query.accountId)
      // Oldest first: a window with more changes than `limit` is read on in
      // the next pass from the last one seen, never skipped.
      const records = await client.query(
        `SELECT Id, CommentBody, IsPublished, CreatedDate, SystemModstamp, CreatedBy.Name, Parent.${PORTICO_CASE_ID_FIELD} FROM CaseComment WHERE Parent.AccountId = ${soqlString(sfAccountId)}` +
          (query.updatedSince ? ` AND SystemModstamp > ${soqlDateTime(query.updatedSince)}` : '') +
          ` ORDER BY SystemModstamp ASC LIMIT ${Math.max(1, Math.min(2000, Math.trunc(query.limit)))}`,
      )
      return records.map(toCommentSnapshot).filter((s): s is CaseCommentSnapshot => s !== undefined)
    },

    async deliver(ctx, event) {
      try {
        return { externalId: await deliverEvent(ctx, event) }
      } catch (error) {
        if (isPermanentRefusal(error))
          throw new PermanentDeliveryError((error as Error).message, { cause: error })
        throw error
      } finally {
        cache.bust(ctx.accountId)
      }
    },
  }
}
