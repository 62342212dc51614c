import type { Kysely } from 'kysely'
import type { CaseConnector } from '../../connectors/crm/case-connector.js'
import type { DocumentStore } from '../../connectors/storage/index.js'
import { appendEvent } from '../../db/events.js'
import { transaction, withTenant } from '../../db/scope.js'
import type { CaseAttachmentsTable, Database } from '../../db/schema.js'
import { readMultipart, type MultipartFile } from '../../http/multipart.js'
import { ApiError, invalidField, notFound } from '../../http/problem.js'
import { newId } from '../../lib/ids.js'
import { fileNameProblem } from '../documents/file-name.js'
import { stageUpload } from '../documents/stage-upload.js'
import { UploadMeter } from '../documents/upload-meter.js'
import {
  attachmentTypeOf,
  CASE_ATTACHMENT_TYPES,
  extensionOf,
  sniffAttachment,
  type CaseAttachmentType,
} from './attachment-types.js'
import { caseForChange } from './case-changes.js'
import { recordCaseSync } from './case-sync.js'
import { toCaseAttachment } from './case-view.js'
import { AttachmentFields, type CaseAttachment } from './schemas.js'

export interface AttachmentContext {
  db: Kysely<Database>
  accountId: string
  userId: string
  connector: CaseConnector
  store: DocumentStore
  maxBytes: number
  now: Date
}

interface Staged {
  key: string
  size: number
  sha256: string
  contentType: CaseAttachmentType
  fileName: string
  commentId: string | null
}

const closed = () => new ApiError(409, 'case_closed', 'The case is closed: reopen it to add files.')

/** The case, readable and open to files — checked before a byte is stored, and again after. */
async function openCase(db: Kysely<Database>, accountId: string, caseId: string) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('id', '=', caseId)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  if (!row) throw notFound('case')
  if (row.status === 'closed') throw closed()
}

/** The check a file's first bytes must pass: a type we take, named and declared as what it is. */
function acceptFor(file: MultipartFile) {
  return (sniffed: CaseAttachmentType | undefined): CaseAttachmentType => {
    const verdict = attachmentTypeOf(sniffed, file.fileName, file.declaredType)
    if (verdict.ok) return verdict.type
    throw verdict.reason === 'mismatch'
      ? new ApiError(
          415,
          'content_mismatch',
          `The file's name or declared type says something other than its bytes${sniffed ? ` (${sniffed})` : ''}.`,
        )
      : new ApiError(
          415,
          'unsupported_attachment_type',
          `A case attachment must be one of ${Object.keys(CASE_ATTACHMENT_TYPES).join(', ')}.`,
        )
  }
}

/** The name offered on download: the uploaded one, with an extension of what the bytes are. */
function storedFileName(name: string, type: CaseAttachmentType): string {
  const extensions = CASE_ATTACHMENT_TYPES[type].extensions as readonly string[]
  const extension = extensionOf(name)
  return extension && extensions.includes(extension) ? name : `${name}.${extensions[0]}`
}

/**
 * Streams one file into the store and makes it an attachment of the case
 * (or of one of its comments). The case must be the caller's and not
 * closed — checked before the file is read and again, locked, before the
 * row is written. The type is sniffed (../documents/upload-meter.ts), the
 * size counted against the limit as the bytes arrive: memory stays flat
 * whatever the file's size. A refused upload leaves nothing in the store.
 *
 * The same file (bytes and name) on the same case and comment again is the
 * client's retry: the first attachment is answered (`duplicate`), the copy
 * removed.
 */
export async function uploadCaseAttachment(
  ctx: AttachmentContext,
  caseId: string,
  request: Request,
): Promise<{ attachment: CaseAttachment; duplicate: boolean }> {
  await withTenant(ctx.db, ctx.accountId, (db) => openCase(db, ctx.accountId, caseId))
  const staged = await readMultipart<Staged>(
    request,
    {
      fileField: 'file',
      fieldNames: Object.keys(AttachmentFields.shape),
      discard: (bytes) => ctx.store.delete(bytes.key),
    },
    async (fields, file) => {
      const parsed = AttachmentFields.safeParse(fields)
      if (!parsed.success) {
        file.stream.resume()
        throw new ApiError(400, 'validation_failed', 'The request is invalid.', {
          errors: parsed.error.issues.map((issue) => ({
            field: ['body', ...issue.path.map(String)].join('.'),
            message: issue.message,
            code: issue.code,
          })),
        })
      }
      const commentId = parsed.data.commentId ?? null
      if (commentId) {
        const comment = await withTenant(ctx.db, ctx.accountId, (db) =>
          db
            .selectFrom('case_comments')
            .select('id')
            .where('id', '=', commentId)
            .where('case_id', '=', caseId)
            .where('account_id', '=', ctx.accountId)
            .executeTakeFirst(),
        )
        if (!comment) {
          file.stream.resume()
          throw new ApiError(404, 'not_found', 'No such comment on this case.', {
            errors: [{ field: 'body.commentId', message: 'No such comment', code: 'not_found' }],
          })
        }
      }
      const nameProblem = fileNameProblem(file.fileName)
      if (nameProblem) {
        file.stream.resume()
        throw invalidField(
          'body.file',
          `${nameProblem}: send a plain file name`,
          'invalid_file_name',
        )
      }
      const meter = new UploadMeter<CaseAttachmentType>({
        maxBytes: ctx.maxBytes,
        sniff: sniffAttachment,
        accept: acceptFor(file),
        what: 'attachment',
      })
      const stored = await stageUpload(ctx.store, file, meter)
      return {
        ...stored,
        sha256: meter.sha256,
        contentType: meter.contentType!,
        fileName: storedFileName(file.fileName, meter.contentType!),
        commentId,
      }
    },
  )
  try {
    const result = await recordAttachment(ctx, caseId, staged)
    if (result.duplicate) await ctx.store.delete(staged.key)
    return result
  } catch (error) {
    await ctx.store.delete(staged.key)
    throw error
  }
}

async function recordAttachment(ctx: AttachmentContext, caseId: string, staged: Staged) {
  return withTenant(ctx.db, ctx.accountId, (db) =>
    transaction(db, async (trx) => {
      const row = await caseForChange(trx, ctx.accountId, caseId)
      if (row.status === 'closed') throw closed()
      let same = trx
        .selectFrom('case_attachments')
        .selectAll()
        .where('account_id', '=', ctx.accountId)
        .where('case_id', '=', caseId)
        .where('sha256', '=', staged.sha256)
        .where('file_name', '=', staged.fileName)
      same = staged.commentId
        ? same.where('comment_id', '=', staged.commentId)
        : same.where('comment_id', 'is', null)
      const first = await same.executeTakeFirst()
      if (first) return { attachment: toCaseAttachment(first), duplicate: true }

      const at = ctx.now.toISOString()
      const attachment: CaseAttachmentsTable = {
        id: newId('catt', ctx.now.getTime()),
        case_id: caseId,
        account_id: ctx.accountId,
        comment_id: staged.commentId,
        file_name: staged.fileName,
        content_type: staged.contentType,
        size_bytes: staged.size,
        sha256: staged.sha256,
        storage_key: staged.key,
        uploaded_by: ctx.userId,
        created_at: at,
      }
      const result = await ctx.connector.addAttachment(
        { db: trx, accountId: ctx.accountId, now: ctx.now },
        {
          id: attachment.id,
          caseId,
          externalId: row.external_id,
          commentId: staged.commentId,
          fileName: staged.fileName,
          contentType: staged.contentType,
          size: staged.size,
          sha256: staged.sha256,
          createdAt: at,
          open: async () => (await ctx.store.get(staged.key)).body,
        },
      )
      await trx.insertInto('case_attachments').values(attachment).execute()
      await trx
        .updateTable('cases')
        .set({ updated_at: at })
        .where('id', '=', caseId)
        .where('account_id', '=', ctx.accountId)
        .execute()
      const eventId = await appendEvent(trx, {
        accountId: ctx.accountId,
        type: 'case.attachment_added',
        subjectId: caseId,
        data: {
          caseId,
          number: row.number,
          attachmentId: attachment.id,
          commentId: staged.commentId,
          fileName: staged.fileName,
        },
        now: ctx.now,
      })
      await recordCaseSync(trx, { accountId: ctx.accountId, caseId, eventId, result, now: ctx.now })
      return { attachment: toCaseAttachment(attachment), duplicate: false }
    }),
  )
}
