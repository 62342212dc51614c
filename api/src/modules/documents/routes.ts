import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { requireUser } from '../../http/authorize.js'
import { clientAddress } from '../../http/client-address.js'
import type { AppEnv } from '../../http/env.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { DOCUMENT_CONTENT_TYPES } from './content-type.js'
import {
  DocumentIdParams,
  DocumentListSchema,
  DocumentSchema,
  DownloadLinkSchema,
  DownloadTokenParams,
  ListDocumentsQuery,
} from './schemas.js'
import { getDocument, listDocuments, mintDocumentLink, openDownload } from './service.js'

const listDocumentsRoute = createRoute({
  method: 'get',
  path: '/v1/documents',
  operationId: 'listDocuments',
  tags: ['Documents'],
  summary: "The account's documents, newest first",
  description:
    'Tax invoices, delivery orders, certificates of analysis, contracts. Filter by `orderId`, `invoiceId`, ' +
    '`contractId` or `type`; cursor-paginated (a cursor is bound to its filters).',
  ...access('documents:read'),
  request: { query: ListDocumentsQuery },
  responses: {
    200: {
      description: 'A page of documents.',
      content: { 'application/json': { schema: DocumentListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

const getDocumentRoute = createRoute({
  method: 'get',
  path: '/v1/documents/{id}',
  operationId: 'getDocument',
  tags: ['Documents'],
  summary: 'A document’s details (not its bytes: ask for a download link)',
  ...access('documents:read'),
  request: { query: NoQuery, params: DocumentIdParams },
  responses: {
    200: {
      description: 'The document.',
      content: { 'application/json': { schema: DocumentSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

const documentLinkRoute = createRoute({
  method: 'post',
  path: '/v1/documents/{id}/download-link',
  operationId: 'createDocumentDownloadLink',
  tags: ['Documents'],
  summary: 'A signed link that downloads the document, valid for 5 minutes',
  description:
    'The link is signed for you and the session (or embed session) you asked with: it stops working after ' +
    '5 minutes or when that session ends, whichever comes first. Every download is recorded in the audit log ' +
    '(who, when, from which address and user agent). Nothing is created, so no Idempotency-Key is needed.',
  ...access('documents:read'),
  request: { query: NoQuery, params: DocumentIdParams },
  responses: {
    200: {
      description: 'The link.',
      content: { 'application/json': { schema: DownloadLinkSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

const BinarySchema = z.string().openapi({ format: 'binary' })

const downloadRoute = createRoute({
  method: 'get',
  path: '/v1/downloads/{token}',
  operationId: 'download',
  tags: ['Documents'],
  summary: 'Follow a download link: the file, streamed',
  description:
    'No credential: the signed link is one (see `createDocumentDownloadLink`, `createInvoicePdfLink`). ' +
    'Answers the bytes with their sniffed `Content-Type`, `Content-Length` (for stored documents), ' +
    '`Content-Disposition: attachment` with the file name (RFC 6266/5987), `X-Content-Type-Options: nosniff` ' +
    'and `Cache-Control: private, no-store`. An expired, tampered or revoked link is 403.',
  ...access('public'),
  request: { query: NoQuery, params: DownloadTokenParams },
  responses: {
    200: {
      description: 'The file.',
      content: Object.fromEntries(
        Object.keys(DOCUMENT_CONTENT_TYPES).map((type) => [type, { schema: BinarySchema }]),
      ),
    },
    403: {
      description:
        'The link has expired, was tampered with, or the session that created it has ended (`download_link_expired`, `download_link_invalid`, `download_link_revoked`).',
      content: {
        'application/problem+json': problems(403)[403].content['application/problem+json'],
      },
    },
    ...problems(400, 404),
  },
})

export function documentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listDocumentsRoute, async (c) =>
    c.json(await listDocuments(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(getDocumentRoute, async (c) =>
    c.json(await getDocument(tenantOf(c), c.req.valid('param').id), 200),
  )
  app.openapi(documentLinkRoute, async (c) =>
    c.json(
      await mintDocumentLink(tenantOf(c), requireUser(c.get('principal')), c.req.valid('param').id),
      200,
    ),
  )
  app.openapi(downloadRoute, async (c) => {
    const { db, documents, clock, logger, config } = c.get('deps')
    const download = await openDownload(
      { db, store: documents, clock, logger, config },
      {
        token: c.req.valid('param').token,
        ip: clientAddress(c),
        userAgent: c.req.header('user-agent') ?? '',
      },
    )
    return c.body(download.body, 200, download.headers) as never
  })
  return app
}
