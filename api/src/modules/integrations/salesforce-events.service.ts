import type { Kysely } from 'kysely'
import type { CaseStatusMap } from '../../connectors/crm/salesforce/case-fields.js'
import { commentRefOf, withoutCommentRef } from '../../connectors/crm/salesforce/comment-ref.js'
import type { Database } from '../../db/schema.js'
import type { SlaSettings } from '../cases/sla.js'
import { applyCrmChange, type CrmChange, type CrmChangeResult } from './crm-changes.js'
import type { SalesforceEvent } from './salesforce-events.schemas.js'

export type SalesforceEventResult = CrmChangeResult

/**
 * What an agent did in Salesforce, in Portico's words, applied exactly once
 * through the path the reconcile takes too (./crm-changes.ts). A comment
 * Portico posted itself (its `[ref:cmt_…]` line, ../../connectors/crm/salesforce/comment-ref.ts)
 * is recognised as its echo; the line never reaches the customer.
 */
export async function applySalesforceEvent(
  deps: { db: Kysely<Database>; sla: SlaSettings; now: Date; statuses: CaseStatusMap },
  event: SalesforceEvent,
): Promise<SalesforceEventResult> {
  const change: CrmChange =
    event.type === 'case.commented'
      ? {
          kind: 'comment',
          caseId: event.data.caseId,
          commentId: event.data.commentId,
          body: withoutCommentRef(event.data.body),
          authorName: event.data.authorName,
          isPublished: event.data.isPublished,
          writtenAt: new Date(event.occurredAt),
          porticoCommentId: commentRefOf(event.data.body) ?? null,
        }
      : {
          kind: 'case',
          caseId: event.data.caseId,
          authorName: event.data.authorName,
          status: deps.statuses.toPortico(event.data.status),
        }
  return applyCrmChange(
    { db: deps.db, sla: deps.sla, now: deps.now, source: 'salesforce' },
    event,
    change,
  )
}
