import type { ReactiveControllerHost } from 'lit'
import { CursorListController } from '../list/cursor-list.controller.js'
import type { DocumentPage, DocumentType, PortalClient, PortalDocument } from '../portal-client.js'

/** The type filter: one document type, or every type. */
export type DocumentTypeFilter = DocumentType | 'all'

export const documentTypeFilters: readonly DocumentTypeFilter[] = Object.freeze([
  'all',
  'invoice',
  'tax_invoice',
  'delivery_order',
  'certificate_of_analysis',
  'contract',
  'other',
])

/** What the document list asks `GET /v1/documents` for. */
export interface DocumentListQuery {
  /** Rows per request, 1..100. */
  pageSize: number
  type: DocumentTypeFilter
  /** Search in title and file name; empty for none. */
  search: string
  /** Only the documents of this order (an order page embeds the list so). */
  orderId?: string | undefined
  /** Only the documents of this invoice. */
  invoiceId?: string | undefined
  /** Only the documents of this contract. */
  contractId?: string | undefined
}

export interface DocumentListControllerOptions extends Partial<DocumentListQuery> {
  client?: PortalClient | undefined
}

/**
 * The data logic of `<portico-document-center>`, usable on its own: it pages
 * through `GET /v1/documents` with a cursor, filtered by type, by the order,
 * invoice or contract the documents belong to, and by a search in their
 * titles and file names — the paging every list shares, from
 * `CursorListController`. Downloading is `DocumentDownloadController`'s.
 *
 * @example
 * ```ts
 * documents = new DocumentListController(this, { client, orderId: 'ord_…' })
 * ```
 */
export class DocumentListController extends CursorListController<
  PortalDocument,
  DocumentListQuery,
  DocumentPage
> {
  constructor(host: ReactiveControllerHost, options: DocumentListControllerOptions = {}) {
    const { client, ...query } = options
    super(host, client, { pageSize: 20, type: 'all', search: '', ...query })
  }

  /** Whether a type or a search narrows the list (not the order or invoice it is embedded for). */
  get filtered(): boolean {
    return this.query.type !== 'all' || this.query.search !== ''
  }

  protected fetchPage(
    client: PortalClient,
    { pageSize, type, search, orderId, invoiceId, contractId }: Readonly<DocumentListQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/documents', {
      params: {
        query: {
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
          ...(type !== 'all' ? { type } : {}),
          ...(search ? { q: search } : {}),
          ...(orderId ? { orderId } : {}),
          ...(invoiceId ? { invoiceId } : {}),
          ...(contractId ? { contractId } : {}),
        },
      },
      signal,
    })
  }
}
