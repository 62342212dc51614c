import { Readable } from 'node:stream'
import { sql, type Kysely } from 'kysely'
import type { Config } from '../../config.js'
import { DocumentMissingError, type DocumentStore } from '../../connectors/storage/index.js'
import { appendEvent } from '../../db/events.js'
import type { Database, DocumentsTable } from '../../db/schema.js'
import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition, isKeyPosition } from '../../http/cursor-position.js'
import { keysetPage } from '../../http/list.js'
import type { Permission } from '../../http/permissions.js'
import type { UserPrincipal } from '../../http/principal.js'
import { ApiError, notFound } from '../../http/problem.js'
import type { Clock } from '../../lib/clock.js'
import type { Logger } from '../../lib/logger.js'
import { appendAudit } from '../audit/service.js'
import { resolveSessionById } from '../auth/service.js'
import { resolveEmbedSessionById } from '../embed/service.js'
import { renderInvoicePdf } from '../invoices/invoice-pdf.js'
import { getInvoice } from '../invoices/service.js'
import { openCaseAttachment } from '../cases/attachment-download.js'
import type { DocumentContentType } from './content-type.js'
import { referenceNumbers, type ReferenceNumbers } from './references.js'
import {
  checkDownloadToken,
  DOWNLOAD_LINK_TTL_MS,
  signDownloadToken,
  type DownloadClaim,
} from './download-link.js'
import { attachmentDisposition } from './file-name.js'
import type { Document, DocumentList, DownloadLink, ListDocumentsInput } from './schemas.js'
import { transaction, withTenant } from '../../db/scope.js'

/** A document as the API shows it, with the numbers of what it belongs to ({@link referenceNumbers}). */
export function toDocument(row: DocumentsTable, references: ReferenceNumbers): Document {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    fileName: row.file_name,
    contentType: row.content_type as DocumentContentType,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    orderId: row.order_id,
    orderNumber: (row.order_id && references.orders.get(row.order_id)) || null,
    invoiceId: row.invoice_id,
    invoiceNumber: (row.invoice_id && references.invoices.get(row.invoice_id)) || null,
    contractId: row.contract_id,
    contractNumber: (row.contract_id && references.contracts.get(row.contract_id)) || null,
    documentDate: row.document_date,
    createdAt: row.created_at,
  }
}

/**
 * The account's documents, newest first, keyset-paginated over
 * (created_at, id); each filter (order, invoice, contract, type) reads its own
 * index, so a page is one range scan. A search (`q`) is a substring, which no
 * index can answer: it is checked on the rows of that same range scan, which
 * stops once a page is full. Filtering by another account's order finds
 * nothing, like filtering by one that does not exist.
 */
export async function listDocuments(
  ctx: TenantContext,
  input: ListDocumentsInput,
): Promise<DocumentList> {
  const filters = JSON.stringify([
    input.orderId ?? null,
    input.invoiceId ?? null,
    input.contractId ?? null,
    input.type ?? null,
    input.q || null,
  ])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isKeyPosition)
  let query = ctx.db.selectFrom('documents').selectAll().where('account_id', '=', ctx.accountId)
  if (input.orderId) query = query.where('order_id', '=', input.orderId)
  if (input.invoiceId) query = query.where('invoice_id', '=', input.invoiceId)
  if (input.contractId) query = query.where('contract_id', '=', input.contractId)
  if (input.type) query = query.where('type', '=', input.type)
  if (input.q) {
    // The same matching as the catalog's search: LIKE with its wildcards escaped.
    const pattern = `%${input.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(title)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(file_name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    )
  }
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.k, after.i)),
    )
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(rows, input.limit, {
    secret: ctx.secret,
    filters,
    positionOf: (row) => ({ k: row.created_at, i: row.id }),
  })
  const references = await referenceNumbers(ctx.db, ctx.accountId, page)
  return { data: page.map((row) => toDocument(row, references)), nextCursor }
}

async function documentRow(db: Kysely<Database>, accountId: string, id: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
}

/** One document of the account; another account's is simply not found. */
export async function getDocument(ctx: TenantContext, id: string): Promise<Document> {
  const row = await documentRow(ctx.db, ctx.accountId, id)
  if (!row) throw notFound('document')
  return toDocument(row, await referenceNumbers(ctx.db, ctx.accountId, [row]))
}

/**
 * A signed link to one subject — a document, an invoice's PDF, a case
 * attachment — bound to the caller's credential. The caller has checked
 * that the subject is the account's.
 */
export function linkFor(
  ctx: TenantContext,
  principal: UserPrincipal,
  subjectId: string,
): DownloadLink {
  const expiresAt = ctx.clock.now().getTime() + DOWNLOAD_LINK_TTL_MS
  const token = signDownloadToken(ctx.secret, {
    subjectId,
    accountId: ctx.accountId,
    userId: principal.userId,
    credentialId: principal.credentialId,
    via: principal.via,
    expiresAt,
  })
  return { url: `/v1/downloads/${token}`, expiresAt: new Date(expiresAt).toISOString() }
}

/** A signed download link for one of the account's documents, bound to the caller's credential. */
export async function mintDocumentLink(
  ctx: TenantContext,
  principal: UserPrincipal,
  id: string,
): Promise<DownloadLink> {
  const row = await documentRow(ctx.db, ctx.accountId, id)
  if (!row) throw notFound('document')
  return linkFor(ctx, principal, row.id)
}

/**
 * A signed download link for an invoice's PDF: the ERP's own (the newest
 * `invoice` document attached to it) when there is one, else the PDF Portico
 * renders from the invoice record when the link is followed — so it shows
 * the balance of that moment.
 */
export async function mintInvoicePdfLink(
  ctx: TenantContext,
  principal: UserPrincipal,
  invoiceId: string,
): Promise<DownloadLink> {
  const invoice = await ctx.db
    .selectFrom('invoices')
    .select('id')
    .where('id', '=', invoiceId)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!invoice) throw notFound('invoice')
  const supplied = await ctx.db
    .selectFrom('documents')
    .select('id')
    .where('account_id', '=', ctx.accountId)
    .where('invoice_id', '=', invoice.id)
    .where('type', '=', 'invoice')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return linkFor(ctx, principal, supplied?.id ?? invoice.id)
}

export interface DownloadDeps {
  db: Kysely<Database>
  store: DocumentStore
  clock: Clock
  logger: Logger
  config: Pick<Config, 'secret' | 'invoiceIssuer' | 'paymentInstructions'>
}

export interface DownloadRequest {
  token: string
  ip: string
  userAgent: string
}

export interface Download {
  body: ReadableStream<Uint8Array>
  headers: Record<string, string>
}

const refused = (code: string, detail: string) => new ApiError(403, code, detail)

/** What the link's subject needs the user to hold, today. */
function permissionFor(subjectId: string): Permission {
  if (subjectId.startsWith('inv_')) return 'invoices:read'
  if (subjectId.startsWith('catt_')) return 'cases:read'
  return 'documents:read'
}

/**
 * The user behind a link, if the credential that minted it is still live
 * and still grants what the link reaches. A link dies with its session:
 * signing out, the idle or absolute timeout, an expired or revoked embed
 * session, a disabled user, a narrowed role.
 */
async function linkHolder(deps: DownloadDeps, claim: DownloadClaim, now: Date) {
  const principal =
    claim.via === 'session'
      ? await resolveSessionById(deps.db, claim.credentialId, now)
      : await resolveEmbedSessionById(deps.db, claim.credentialId, now)
  if (
    !principal ||
    principal.userId !== claim.userId ||
    principal.accountId !== claim.accountId ||
    !principal.permissions.has(permissionFor(claim.subjectId))
  ) {
    throw refused(
      'download_link_revoked',
      'The session that created this download link has ended. Sign in and ask for a new link.',
    )
  }
  return principal
}

/**
 * Follows a download link: checks the signature (constant time), the expiry,
 * and that the minting credential is live; writes the audit entry (user,
 * time, IP, user agent) and a `document.downloaded` event in one transaction;
 * then streams the bytes from the store (or renders the invoice PDF).
 * Nothing is buffered whole: memory does not grow with the file.
 */
export async function openDownload(
  deps: DownloadDeps,
  request: DownloadRequest,
): Promise<Download> {
  const now = deps.clock.now()
  const check = checkDownloadToken(deps.config.secret, request.token, now)
  if (!check.ok) {
    throw check.reason === 'expired'
      ? refused('download_link_expired', 'This download link has expired. Ask for a new one.')
      : refused('download_link_invalid', 'This download link is not valid.')
  }
  const { claim } = check
  const principal = await linkHolder(deps, claim, now)
  // The link names its account: everything from here runs in its scope.
  return withTenant(deps.db, claim.accountId, async (db) => {
    const ctx: TenantContext = {
      db,
      accountId: claim.accountId,
      userId: claim.userId,
      permissions: principal.permissions,
      clock: deps.clock,
      secret: deps.config.secret,
    }

    let body: Readable
    let headers: Record<string, string>
    let audited: {
      action: string
      detail: Record<string, unknown>
      /** More for the event: a case attachment's names its case. */
      eventData?: Record<string, unknown>
    }
    if (claim.subjectId.startsWith('inv_')) {
      const invoice = await getInvoice(ctx, claim.subjectId)
      const account = await db
        .selectFrom('accounts')
        .select(['name', 'locale'])
        .where('id', '=', claim.accountId)
        .executeTakeFirstOrThrow()
      body = renderInvoicePdf({
        invoice,
        customer: account,
        issuer: deps.config.invoiceIssuer,
        paymentInstructions: deps.config.paymentInstructions,
        renderedAt: now,
      })
      headers = {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachmentDisposition(`${invoice.number}.pdf`),
      }
      audited = { action: 'invoice.pdf_downloaded', detail: { invoiceNumber: invoice.number } }
    } else if (claim.subjectId.startsWith('catt_')) {
      ;({ body, headers, audited } = await openCaseAttachment(
        { db, store: deps.store, logger: deps.logger },
        claim.accountId,
        claim.subjectId,
      ))
    } else {
      const row = await documentRow(db, claim.accountId, claim.subjectId)
      if (!row) throw notFound('document')
      const stored = await deps.store.get(row.storage_key).catch((error: unknown) => {
        if (!(error instanceof DocumentMissingError)) throw error
        deps.logger.error('document bytes missing from the store', { documentId: row.id })
        throw notFound('document')
      })
      body = stored.body
      headers = {
        'Content-Type': row.content_type,
        'Content-Length': String(stored.size),
        'Content-Disposition': attachmentDisposition(row.file_name),
      }
      audited = {
        action: 'document.downloaded',
        detail: { type: row.type, sha256: row.sha256, sizeBytes: stored.size },
      }
    }

    try {
      await transaction(db, async (trx) => {
        await appendAudit(trx, {
          accountId: claim.accountId,
          action: audited.action,
          actor: `user:${claim.userId}`,
          subjectId: claim.subjectId,
          detail: {
            ...audited.detail,
            credential: `${claim.via}:${claim.credentialId}`,
            ip: request.ip,
            userAgent: request.userAgent.slice(0, 500),
          },
          now,
        })
        await appendEvent(trx, {
          accountId: claim.accountId,
          type: audited.action,
          subjectId: claim.subjectId,
          data: {
            subjectId: claim.subjectId,
            userId: claim.userId,
            downloadedAt: now.toISOString(),
            ...audited.eventData,
          },
          now,
        })
      })
    } catch (error) {
      body.destroy() // close the file / the S3 response: it will not be read
      throw error
    }
    return {
      body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
      headers: {
        ...headers,
        'Cache-Control': 'private, no-store',
        // Inert even if a browser were asked to render it.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      },
    }
  })
}
