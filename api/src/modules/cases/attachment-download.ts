import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { DocumentMissingError, type DocumentStore } from '../../connectors/storage/index.js'
import type { Database } from '../../db/schema.js'
import type { UserPrincipal } from '../../http/principal.js'
import { notFound } from '../../http/problem.js'
import type { Logger } from '../../lib/logger.js'
import type { TenantContext } from '../../db/tenant.js'
import { attachmentDisposition } from '../documents/file-name.js'
import { linkFor } from '../documents/service.js'
import type { DownloadLink } from '../documents/schemas.js'

/** A signed download link for a file of one of the account's cases (served like a document's). */
export async function mintCaseAttachmentLink(
  ctx: TenantContext,
  principal: UserPrincipal,
  caseId: string,
  attachmentId: string,
): Promise<DownloadLink> {
  const row = await ctx.db
    .selectFrom('case_attachments')
    .select('id')
    .where('id', '=', attachmentId)
    .where('case_id', '=', caseId)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!row) throw notFound('attachment')
  return linkFor(ctx, principal, row.id)
}

/**
 * The bytes and headers of a case attachment behind a checked download
 * link, and what the audit log records of it (see openDownload in
 * ../documents/service.ts, which writes the entry).
 */
export async function openCaseAttachment(
  deps: { db: Kysely<Database>; store: DocumentStore; logger: Logger },
  accountId: string,
  attachmentId: string,
): Promise<{
  body: Readable
  headers: Record<string, string>
  audited: { action: string; detail: Record<string, unknown>; eventData: Record<string, unknown> }
}> {
  const row = await deps.db
    .selectFrom('case_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  if (!row) throw notFound('attachment')
  const stored = await deps.store.get(row.storage_key).catch((error: unknown) => {
    if (!(error instanceof DocumentMissingError)) throw error
    deps.logger.error('case attachment bytes missing from the store', { attachmentId: row.id })
    throw notFound('attachment')
  })
  return {
    body: stored.body,
    headers: {
      'Content-Type': row.content_type,
      'Content-Length': String(stored.size),
      'Content-Disposition': attachmentDisposition(row.file_name),
    },
    audited: {
      action: 'case.attachment_downloaded',
      detail: { caseId: row.case_id, sha256: row.sha256, sizeBytes: stored.size },
      eventData: { caseId: row.case_id },
    },
  }
}
