import type { Kysely } from 'kysely'
import type { DocumentStore } from '../../connectors/storage/index.js'
import { appendEvent } from '../../db/events.js'
import type { Database, DocumentsTable } from '../../db/schema.js'
import type { MultipartFile } from '../../http/multipart.js'
import { ApiError, invalidField } from '../../http/problem.js'
import { newId } from '../../lib/ids.js'
import {
  declaredTypeAgrees,
  typeOfExtension,
  type DocumentContentType,
} from '../documents/content-type.js'
import { downloadFileName, fileNameProblem } from '../documents/file-name.js'
import type { Document, ErpDocumentInput } from '../documents/schemas.js'
import { referenceNumbers } from '../documents/references.js'
import { toDocument } from '../documents/service.js'
import { stageUpload } from '../documents/stage-upload.js'
import { UploadMeter } from '../documents/upload-meter.js'
import { transaction, withTenant } from '../../db/scope.js'

/**
 * Where an ERP upload goes: the account it names, and the order, invoice or
 * contract of *that* account it is attached to. This is the one place the
 * operator's cross-tenant request is turned into a tenant: everything after
 * it is written with `accountId` (on PostgreSQL, in a transaction scoped to
 * that account).
 */
export interface UploadTarget {
  accountId: string
  orderId: string | null
  invoiceId: string | null
  contractId: string | null
}

const notInAccount = (field: string, what: string) =>
  new ApiError(422, 'attachment_not_in_account', `The account has no such ${what}.`, {
    errors: [
      {
        field: `body.${field}`,
        message: `No such ${what} in this account`,
        code: 'not_in_account',
      },
    ],
  })

/**
 * Resolves and checks an upload's target. An order, invoice or contract
 * that belongs to another account is refused exactly like one that does not
 * exist: a document is never attached across accounts.
 */
export async function resolveUploadTarget(
  db: Kysely<Database>,
  input: Pick<ErpDocumentInput, 'accountId' | 'orderId' | 'invoiceId' | 'contractId'>,
): Promise<UploadTarget> {
  // The account is named: every lookup runs in its scope, and an ID of
  // another account is simply not found.
  return withTenant(db, input.accountId, async (db) => {
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', input.accountId)
      .executeTakeFirst()
    if (!account) {
      throw new ApiError(422, 'unknown_account', `No account ${input.accountId}.`, {
        errors: [{ field: 'body.accountId', message: 'Unknown account', code: 'unknown_account' }],
      })
    }
    const owned = async (table: 'orders' | 'invoices' | 'contracts', id: string | undefined) => {
      if (id === undefined) return null
      const row = await db
        .selectFrom(table)
        .select('id')
        .where('id', '=', id)
        .where('account_id', '=', account.id)
        .executeTakeFirst()
      return row?.id ?? undefined
    }
    const orderId = await owned('orders', input.orderId)
    if (orderId === undefined) throw notInAccount('orderId', 'order')
    const invoiceId = await owned('invoices', input.invoiceId)
    if (invoiceId === undefined) throw notInAccount('invoiceId', 'invoice')
    const contractId = await owned('contracts', input.contractId)
    if (contractId === undefined) throw notInAccount('contractId', 'contract')
    return { accountId: account.id, orderId, invoiceId, contractId }
  })
}

/** The content types a document type may have: XML only for tax invoices (e-Faktur). */
function allowedTypes(type: ErpDocumentInput['type']): readonly DocumentContentType[] {
  return type === 'tax_invoice'
    ? ['application/pdf', 'application/xml']
    : ['application/pdf', 'image/png', 'image/jpeg']
}

/**
 * The check an upload's first bytes must pass: one of the types this
 * document type may have, and no contradiction from the part's declared
 * Content-Type or the file name's extension (a `.pdf` that is a PNG lies).
 */
function contentCheck(input: ErpDocumentInput, file: MultipartFile) {
  return (sniffed: DocumentContentType | undefined): DocumentContentType => {
    const allowed = allowedTypes(input.type)
    if (!sniffed || !allowed.includes(sniffed)) {
      throw new ApiError(
        415,
        'unsupported_document_type',
        `A ${input.type} document must be ${allowed.join(', ')}; the file's bytes are ${sniffed ?? 'none of these'}.`,
      )
    }
    const byName = typeOfExtension(file.fileName)
    if (!declaredTypeAgrees(file.declaredType, sniffed) || (byName && byName !== sniffed)) {
      throw new ApiError(
        415,
        'content_type_mismatch',
        `The file is declared as ${byName && byName !== sniffed ? `.${file.fileName.split('.').pop()}` : file.declaredType} but its bytes are ${sniffed}.`,
      )
    }
    return sniffed
  }
}

export interface ErpDocumentDeps {
  db: Kysely<Database>
  store: DocumentStore
  now: Date
  maxBytes: number
}

/** An upload's bytes, in the store, not yet a document. */
export interface StagedBytes {
  key: string
  size: number
  sha256: string
  contentType: DocumentContentType
  fileName: string
}

/**
 * Streams an uploaded file into the store through the meter (sniffed type,
 * size limit, SHA-256). Nothing is kept when the file is refused or the
 * stream fails; the caller records the staged bytes with
 * {@link recordErpDocument} once the whole request has been read.
 */
export async function stageErpDocument(
  deps: ErpDocumentDeps,
  input: ErpDocumentInput,
  file: MultipartFile,
): Promise<StagedBytes> {
  const nameProblem = fileNameProblem(file.fileName)
  if (nameProblem) {
    file.stream.resume()
    throw invalidField('body.file', `${nameProblem}: send a plain file name`, 'invalid_file_name')
  }
  const meter = new UploadMeter({ maxBytes: deps.maxBytes, accept: contentCheck(input, file) })
  const stored = await stageUpload(deps.store, file, meter)
  return {
    key: stored.key,
    size: stored.size,
    sha256: meter.sha256,
    contentType: meter.contentType!,
    fileName: downloadFileName(file.fileName, meter.contentType!),
  }
}

/**
 * Makes staged bytes a document of the target account: the row and its
 * `document.created` event in one transaction. Idempotent by the ERP's
 * document ID: a retry with the same bytes returns the first document
 * (`duplicate`); the same ID with other bytes is refused (422). The staged
 * copy is removed from the store unless it became the document.
 */
export async function recordErpDocument(
  deps: ErpDocumentDeps,
  target: UploadTarget,
  input: ErpDocumentInput,
  staged: StagedBytes,
): Promise<{ accountId: string; document: Document; duplicate: boolean }> {
  try {
    const document = await insertDocument(deps, target, input, staged)
    return { accountId: target.accountId, document, duplicate: false }
  } catch (error) {
    await deps.store.delete(staged.key)
    if (error instanceof DuplicateUpload)
      return { accountId: target.accountId, document: error.document, duplicate: true }
    throw error
  }
}

/**
 * The row, its event, and the de-duplication by ERP document ID. The insert
 * does nothing when the ID is taken — also for a concurrent twin on
 * PostgreSQL, where the unique constraint decides — and the first upload is
 * then read back and compared.
 */
async function insertDocument(
  deps: ErpDocumentDeps,
  target: UploadTarget,
  input: ErpDocumentInput,
  bytes: StagedBytes,
): Promise<Document> {
  const at = deps.now.toISOString()
  const row: DocumentsTable = {
    id: newId('doc', deps.now.getTime()),
    account_id: target.accountId,
    type: input.type,
    title: input.title ?? bytes.fileName,
    file_name: bytes.fileName,
    content_type: bytes.contentType,
    size_bytes: bytes.size,
    sha256: bytes.sha256,
    storage_key: bytes.key,
    order_id: target.orderId,
    invoice_id: target.invoiceId,
    contract_id: target.contractId,
    erp_document_id: input.erpDocumentId,
    document_date: input.documentDate ?? null,
    created_at: at,
  }
  return withTenant(deps.db, target.accountId, (db) =>
    transaction(db, async (trx) => {
      const inserted = await trx
        .insertInto('documents')
        .values(row)
        .onConflict((oc) => oc.columns(['account_id', 'erp_document_id']).doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        const first = await trx
          .selectFrom('documents')
          .selectAll()
          .where('account_id', '=', target.accountId)
          .where('erp_document_id', '=', input.erpDocumentId)
          .executeTakeFirstOrThrow()
        if (first.sha256 !== bytes.sha256) {
          throw new ApiError(
            422,
            'erp_document_id_reused',
            'This erpDocumentId was uploaded before with other bytes; give a new document a new ID.',
            {
              errors: [
                {
                  field: 'body.erpDocumentId',
                  message: 'Already used for other bytes',
                  code: 'reused',
                },
              ],
            },
          )
        }
        // The same bytes again: the ERP's retry. The new copy in the store is removed by the caller.
        throw new DuplicateUpload(
          toDocument(first, await referenceNumbers(trx, target.accountId, [first])),
        )
      }
      await appendEvent(trx, {
        accountId: target.accountId,
        type: 'document.created',
        subjectId: row.id,
        data: {
          documentId: row.id,
          type: row.type,
          title: row.title,
          orderId: row.order_id,
          invoiceId: row.invoice_id,
          contractId: row.contract_id,
        },
        now: deps.now,
      })
      return toDocument(row, await referenceNumbers(trx, target.accountId, [row]))
    }),
  )
}

/** Unwinds the transaction (nothing written) and carries the first upload out. */
class DuplicateUpload extends Error {
  override name = 'DuplicateUpload'
  constructor(readonly document: Document) {
    super('duplicate upload')
  }
}
