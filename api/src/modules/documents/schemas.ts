import { z } from '@hono/zod-openapi'
import { idParams, PageCursor, PageLimit, pageSchema } from '../../http/list.js'
import { IsoDate } from '../invoices/schemas.js'
import { DOCUMENT_CONTENT_TYPES } from './content-type.js'

export const DOCUMENT_TYPES = [
  'invoice',
  'tax_invoice',
  'delivery_order',
  'certificate_of_analysis',
  'contract',
  'other',
] as const

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES).openapi('DocumentType', {
  description:
    '`invoice`: the invoice as a PDF; `tax_invoice`: a tax invoice such as an Indonesian e-Faktur (PDF or XML); ' +
    '`delivery_order`; `certificate_of_analysis`; `contract`; `other`.',
})

export const DocumentContentTypeSchema = z
  .enum(Object.keys(DOCUMENT_CONTENT_TYPES) as [keyof typeof DOCUMENT_CONTENT_TYPES])
  .openapi('DocumentContentType', {
    description: 'What the bytes are, sniffed from them on upload (never the uploader’s claim).',
  })

const ReferenceId = (example: string) => z.string().min(1).max(64).openapi({ example })

export const DocumentSchema = z
  .object({
    id: z.string().openapi({ example: 'doc_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    type: DocumentTypeSchema,
    title: z.string().openapi({ example: 'Delivery order DO-2026-00042' }),
    fileName: z.string().openapi({ example: 'DO-2026-00042.pdf' }),
    contentType: DocumentContentTypeSchema,
    sizeBytes: z.number().int(),
    sha256: z.string().openapi({ description: 'SHA-256 of the bytes, hex.' }),
    orderId: z.string().nullable(),
    orderNumber: z.string().nullable().openapi({
      description: 'The number of the order it belongs to.',
      example: 'ORD-2026-00042',
    }),
    invoiceId: z.string().nullable(),
    invoiceNumber: z.string().nullable().openapi({
      description: 'The number of the invoice it belongs to.',
      example: 'FT-2026-00027',
    }),
    contractId: z.string().nullable(),
    contractNumber: z.string().nullable().openapi({
      description: 'The number of the contract it belongs to.',
      example: 'CTR-2026-0003',
    }),
    documentDate: z.string().nullable().openapi({ description: 'The document’s own date.' }),
    createdAt: z.string(),
  })
  .openapi('Document')

export const DocumentListSchema = pageSchema(DocumentSchema).openapi('DocumentList')

export const ListDocumentsQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  orderId: ReferenceId('ord_01jd4h7c2m8x3v9q5t6w2n4k8r')
    .optional()
    .openapi({ description: 'Only documents attached to this order.' }),
  invoiceId: ReferenceId('inv_01jd4h7c2m8x3v9q5t6w2n4k8r')
    .optional()
    .openapi({ description: 'Only documents attached to this invoice.' }),
  contractId: ReferenceId('ctr_01jd4h7c2m8x3v9q5t6w2n4k8r')
    .optional()
    .openapi({ description: 'Only documents attached to this contract.' }),
  type: DocumentTypeSchema.optional(),
  q: z.string().trim().max(100).optional().openapi({
    description:
      'Search the title and the file name, where a document number is (case-insensitive substring).',
  }),
})

export const DocumentIdParams = idParams('doc_01jd4h7c2m8x3v9q5t6w2n4k8r')

export const DownloadLinkSchema = z
  .object({
    url: z.string().openapi({
      description:
        'Path of the download on this server (`/v1/downloads/…`): follow it with a plain GET — a link, a ' +
        'navigation, `fetch` — no credential needed. Valid until `expiresAt` (5 minutes) and only while the ' +
        'session or embed session that asked for it lasts.',
      example: '/v1/downloads/WyJkb2NfMDFq….Qm9x',
    }),
    expiresAt: z.string(),
  })
  .openapi('DownloadLink')

export const DownloadTokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(1024)
    .openapi({ param: { name: 'token', in: 'path' }, example: 'WyJkb2NfMDFq….Qm9x' }),
})

/** The text fields of an ERP upload, checked before the file is read. */
export const ErpDocumentFields = z.strictObject({
  accountId: z.string().min(1).max(64),
  type: DocumentTypeSchema,
  erpDocumentId: z.string().min(1).max(200),
  title: z.string().trim().min(1).max(200).optional(),
  orderId: z.string().min(1).max(64).optional(),
  invoiceId: z.string().min(1).max(64).optional(),
  contractId: z.string().min(1).max(64).optional(),
  documentDate: IsoDate.optional(),
})

export const ErpDocumentResultSchema = z
  .object({
    accountId: z.string(),
    duplicate: z.boolean().openapi({
      description:
        'True when this `erpDocumentId` was already uploaded with the same bytes: the first upload is returned.',
    }),
    document: DocumentSchema,
  })
  .openapi('ErpDocumentResult')

export type Document = z.infer<typeof DocumentSchema>
export type DocumentList = z.infer<typeof DocumentListSchema>
export type ListDocumentsInput = z.infer<typeof ListDocumentsQuery>
export type ErpDocumentInput = z.infer<typeof ErpDocumentFields>
export type DownloadLink = z.infer<typeof DownloadLinkSchema>
