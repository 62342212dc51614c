import type { Kysely } from 'kysely'
import type {
  CaseAttachmentsTable,
  CaseCommentsTable,
  CasesTable,
  Database,
} from '../../db/schema.js'
import type { Case, CaseAttachment, CaseComment, CaseSummary } from './schemas.js'

/** A case row as the API shows it in lists. */
export function toCaseSummary(row: CasesTable): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    priority: row.priority,
    status: row.status,
    related: {
      orderId: row.order_id,
      invoiceId: row.invoice_id,
      productId: row.product_id,
      documentId: row.document_id,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    resolutionPausedAt: row.resolution_paused_at,
    resolutionPausedSeconds: Number(row.resolution_paused_seconds),
    firstRespondedAt: row.first_responded_at,
    slaBreached: {
      firstResponse: row.first_response_breached_at !== null,
      resolution: row.resolution_breached_at !== null,
    },
    syncStatus: row.sync_status,
    commentCount: Number(row.comment_count),
  }
}

export function toCaseAttachment(row: CaseAttachmentsTable): CaseAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size_bytes),
    createdAt: row.created_at,
    commentId: row.comment_id,
  }
}

export function toCaseComment(row: CaseCommentsTable, attachments: CaseAttachment[]): CaseComment {
  return {
    id: row.id,
    body: row.body,
    author: { kind: row.author_kind, name: row.author_name },
    createdAt: row.created_at,
    attachments,
  }
}

/** The whole case: its row, its thread (oldest first) and every file, read in the caller's scope. */
export async function toCase(db: Kysely<Database>, row: CasesTable): Promise<Case> {
  const [comments, attachments, creator] = await Promise.all([
    db
      .selectFrom('case_comments')
      .selectAll()
      .where('account_id', '=', row.account_id)
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('case_attachments')
      .selectAll()
      .where('account_id', '=', row.account_id)
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('users')
      .select('name')
      .where('id', '=', row.created_by)
      .where('account_id', '=', row.account_id)
      .executeTakeFirst(),
  ])
  const files = attachments.map(toCaseAttachment)
  return {
    ...toCaseSummary(row),
    description: row.description,
    details: JSON.parse(row.details) as Record<string, string>,
    createdBy: { userId: row.created_by, name: creator?.name ?? '' },
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    comments: comments.map((c) =>
      toCaseComment(
        c,
        files.filter((f) => f.commentId === c.id),
      ),
    ),
    attachments: files,
  }
}
