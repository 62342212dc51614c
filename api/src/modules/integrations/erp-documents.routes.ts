import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { readMultipart } from '../../http/multipart.js'
import { ApiError } from '../../http/problem.js'
import { access, NoQuery, problems } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type.js'
import {
  DOCUMENT_TYPES,
  ErpDocumentFields,
  ErpDocumentResultSchema,
  type ErpDocumentInput,
} from '../documents/schemas.js'
import {
  recordErpDocument,
  resolveUploadTarget,
  stageErpDocument,
  type StagedBytes,
} from './erp-documents.service.js'

/** The multipart fields, in the order they must be sent: every text field, then `file`. */
const FIELD_NAMES = Object.keys(ErpDocumentFields.shape)

/**
 * The upload body as OpenAPI describes it. A plain schema object rather than
 * zod: zod-openapi would attach a validator that reads (buffers) the whole
 * body; this route streams it instead (../../http/multipart.ts) and checks
 * the fields with ErpDocumentFields itself.
 */
const UPLOAD_BODY = {
  type: 'object' as const,
  required: ['accountId', 'type', 'erpDocumentId', 'file'],
  additionalProperties: false,
  properties: {
    accountId: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 64,
      description: 'The account the document belongs to.',
    },
    type: { type: 'string' as const, enum: [...DOCUMENT_TYPES] },
    erpDocumentId: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 200,
      description:
        "The ERP's own ID of the document: an upload retried with the same ID and bytes returns the first one.",
    },
    title: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 200,
      description: 'Shown to customers; default: the file name.',
    },
    orderId: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 64,
      description: 'Attach to this order of the account.',
    },
    invoiceId: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 64,
      description: 'Attach to this invoice of the account.',
    },
    contractId: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 64,
      description: 'Attach to this contract of the account.',
    },
    documentDate: {
      type: 'string' as const,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'The document’s own date.',
    },
    file: {
      type: 'string' as const,
      contentMediaType: 'application/octet-stream',
      description:
        'The file, last. PDF, PNG or JPEG (a tax invoice may also be XML), recognised from its bytes; a plain ' +
        'file name (no path).',
    },
  },
}

const uploadErpDocumentRoute = createRoute({
  method: 'post',
  path: '/v1/integrations/erp/documents',
  operationId: 'uploadErpDocument',
  tags: ['Integrations'],
  summary: 'Upload a document from the ERP (tax invoice, delivery order, certificate, contract)',
  description:
    'Authenticated with the operator key. `multipart/form-data`, streamed: the text fields first, then `file` as ' +
    'the last part. The file’s type is recognised from its bytes (PDF, PNG, JPEG; XML for a `tax_invoice` such as ' +
    'an e-Faktur): a declared Content-Type or file extension that says otherwise is refused (415), as is a file ' +
    'name with a path in it (400). The upload limit is `PORTICO_UPLOAD_LIMIT_BYTES` (25 MiB by default; 413 ' +
    'above). An order, invoice or contract must belong to the named account (422 otherwise). Idempotent by ' +
    '`erpDocumentId`: a retry with the same bytes answers 200 with the first document.',
  ...access('operator'),
  request: {
    query: NoQuery,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: UPLOAD_BODY,
          encoding: { file: { contentType: Object.keys(DOCUMENT_CONTENT_TYPES).join(', ') } },
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Stored.',
      content: { 'application/json': { schema: ErpDocumentResultSchema } },
    },
    200: {
      description: 'Already stored (the same `erpDocumentId` and bytes): the first upload.',
      content: { 'application/json': { schema: ErpDocumentResultSchema } },
    },
    ...problems(400, 401, 413, 415, 422),
  },
})

interface Upload {
  target: Awaited<ReturnType<typeof resolveUploadTarget>>
  input: ErpDocumentInput
  bytes: StagedBytes
}

export function erpDocumentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(uploadErpDocumentRoute, async (c) => {
    const { db, documents, clock, config } = c.get('deps')
    const declared = Number(c.req.header('content-length') ?? 0)
    // A body announced far over the limit is refused before a byte is read.
    if (declared > config.uploadLimitBytes + 64 * 1024) {
      throw new ApiError(
        413,
        'payload_too_large',
        `The document is larger than ${config.uploadLimitBytes.toLocaleString('en')} bytes.`,
      )
    }
    const deps = { db, store: documents, now: clock.now(), maxBytes: config.uploadLimitBytes }
    const upload = await readMultipart<Upload>(
      c.req.raw,
      {
        fileField: 'file',
        fieldNames: FIELD_NAMES,
        // A part after the file: the staged bytes are not kept.
        discard: (staged) => documents.delete(staged.bytes.key),
      },
      async (fields, file) => {
        const parsed = ErpDocumentFields.safeParse(fields)
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
        const target = await resolveUploadTarget(db, parsed.data)
        return {
          target,
          input: parsed.data,
          bytes: await stageErpDocument(deps, parsed.data, file),
        }
      },
    )
    const result = await recordErpDocument(deps, upload.target, upload.input, upload.bytes)
    return c.json(result, result.duplicate ? 200 : 201)
  })
  return app
}
