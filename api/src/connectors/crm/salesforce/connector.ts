import type { Readable } from 'node:stream'
import { PermanentDeliveryError } from '../../erp/erp-connector.js'
import type {
  CaseConnector,
  CaseConnectorContext,
  CaseOutboxEvent,
  CaseRecord,
  CaseSnapshot,
  CaseWriteResult,
} from '../case-connector.js'
import {
  PORTICO_CASE_ID_FIELD,
  porticoStatus,
  salesforcePriority,
  salesforceStatus,
} from './case-fields.js'
import type { CaseListCache } from './case-list-cache.js'
import type { SalesforceClient } from './client.js'
import { salesforceAccountId, salesforceContactId } from './contacts.js'
import { isPermanentRefusal, isUnreachable } from './errors.js'
import { soqlDateTime, soqlString } from './soql.js'

interface SalesforceConnectorOptions {
  client: SalesforceClient
  cache: CaseListCache
}

/**
 * Cases kept in Salesforce: a case is a Case under the account's Account,
 * raised by the portal user's Contact; comments are published CaseComments
 * (the customer sees only `IsPublished = true`); files are ContentVersions
 * published to the Case. Salesforce unreachable → the write is `accepted`
 * and the outbox delivers it; every Case write is an upsert on
 * `Portico_Case_Id__c`, so a delivery repeated after a lost answer finds the
 * Case the first one made.
 */
export function createSalesforceCaseConnector(options: SalesforceConnectorOptions): CaseConnector {
  const { client, cache } = options

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
        Status: salesforceStatus(input.status),
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
    ref: { caseId: string; externalId: string | null },
    body: string,
  ) {
    const parentId = await caseIdInSalesforce(ctx, ref.caseId, ref.externalId)
    await client.create('CaseComment', { ParentId: parentId, CommentBody: body, IsPublished: true })
    return parentId
  }

  async function addAttachment(
    ctx: CaseConnectorContext,
    file: {
      caseId: string
      externalId: string | null
      fileName: string
      open: () => Promise<Readable>
    },
  ) {
    const parentId = await caseIdInSalesforce(ctx, file.caseId, file.externalId)
    // The REST API takes VersionData base64 in JSON: the file is read once per
    // upload, bounded by the attachment limit.
    const chunks: Buffer[] = []
    for await (const chunk of await file.open()) chunks.push(Buffer.from(chunk as Buffer))
    await client.create('ContentVersion', {
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
    await client.update('Case', { Id: id, Status: salesforceStatus(to) })
    return id
  }

  function toSnapshot(record: Record<string, unknown>): CaseSnapshot | undefined {
    const caseId = record[PORTICO_CASE_ID_FIELD]
    // A Case opened in Salesforce itself has no Portico ID: not the portal's.
    if (typeof caseId !== 'string') return undefined
    return {
      caseId,
      externalId: String(record.Id),
      status: porticoStatus(record.Status),
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
          .select('body')
          .where('id', '=', String(event.data.commentId))
          .where('account_id', '=', ctx.accountId)
          .executeTakeFirstOrThrow()
        return addComment(ctx, ref, comment.body)
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
    addComment: (ctx, input) => writeNow(ctx, () => addComment(ctx, input, input.body)),
    changeStatus: (ctx, input) => writeNow(ctx, () => changeStatus(ctx, input, input.to)),
    addAttachment: (ctx, input) => writeNow(ctx, () => addAttachment(ctx, input)),

    async listCases(ctx, query) {
      const sfAccountId = await salesforceAccountId(ctx.db, query.accountId)
      const soql =
        `SELECT Id, ${PORTICO_CASE_ID_FIELD}, Status, SystemModstamp FROM Case WHERE AccountId = ${soqlString(sfAccountId)}` +
        (query.updatedSince ? ` AND SystemModstamp > ${soqlDateTime(query.updatedSince)}` : '') +
        ` ORDER BY SystemModstamp DESC LIMIT ${Math.max(1, Math.min(2000, Math.trunc(query.limit)))}`
      const cached = cache.get(query.accountId, soql)
      if (cached) return cached
      const records = await client.query(soql)
      const snapshots = records.map(toSnapshot).filter((s): s is CaseSnapshot => s !== undefined)
      cache.set(query.accountId, soql, snapshots)
      return snapshots
    },

    async getCase(ctx, ref) {
      const sfAccountId = await salesforceAccountId(ctx.db, ctx.accountId)
      const [record] = await client.query(
        `SELECT Id, ${PORTICO_CASE_ID_FIELD}, Status, SystemModstamp FROM Case WHERE AccountId = ${soqlString(sfAccountId)} AND ${PORTICO_CASE_ID_FIELD} = ${soqlString(ref.caseId)} LIMIT 1`,
      )
      return record && toSnapshot(record)
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
