import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env.js'
import { requireUser } from '../../http/authorize.js'
import { ApiError } from '../../http/problem.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { access, IdempotencyKeyHeader, NoQuery, problems } from '../../http/route.js'
import { DownloadLinkSchema } from '../documents/schemas.js'
import { mintCaseAttachmentLink } from './attachment-download.js'
import { ATTACHMENT_UPLOAD_BODY } from './attachment-upload.js'
import { uploadCaseAttachment } from './attachments.js'
import {
  CaseAttachmentParams,
  CaseAttachmentSchema,
  CaseCommentSchema,
  CaseIdParams,
  CaseListSchema,
  CaseSchema,
  CreateCaseBody,
  CreateCommentBody,
  ListCasesQuery,
} from './schemas.js'
import {
  addCustomerComment,
  closeCase,
  createCase,
  getCase,
  listCases,
  reopenCase,
  type CaseContext,
} from './service.js'

const CaseResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: CaseSchema } },
})

export const createCaseRoute = createRoute({
  method: 'post',
  path: '/v1/cases',
  operationId: 'createCase',
  tags: ['Cases'],
  summary: 'Raise a support case, about an order, invoice, product or document of your account',
  description:
    'The case is kept in the operator’s system of record (the built-in store or the CRM); `syncStatus` says ' +
    'whether the CRM has it yet. SLA due times follow from `priority` on the operator’s business hours. An ' +
    '`orderId`, `invoiceId`, `productId` or `documentId` that is not of your account answers 404 like a missing ' +
    'one; `details` takes the keys of the case’s category only (400 otherwise).',
  ...access('cases:write', { idempotent: true }),
  request: {
    query: NoQuery,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { 'application/json': { schema: CreateCaseBody } } },
  },
  responses: {
    201: CaseResponse('The case, with its SLA due times.'),
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 502),
  },
})

export const listCasesRoute = createRoute({
  method: 'get',
  path: '/v1/cases',
  operationId: 'listCases',
  tags: ['Cases'],
  summary: "The account's cases, newest first",
  description:
    'Filter by `status`, `category`, `orderId` or `invoiceId`; cursor-paginated (a cursor is bound to its filters).',
  ...access('cases:read'),
  request: { query: ListCasesQuery },
  responses: {
    200: {
      description: 'A page of cases.',
      content: { 'application/json': { schema: CaseListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

export const getCaseRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{id}',
  operationId: 'getCase',
  tags: ['Cases'],
  summary: 'A case with its thread (oldest first) and files',
  ...access('cases:read'),
  request: { query: NoQuery, params: CaseIdParams },
  responses: { 200: CaseResponse('The case.'), ...problems(400, 401, 403, 404) },
})

export const createCommentRoute = createRoute({
  method: 'post',
  path: '/v1/cases/{id}/comments',
  operationId: 'createCaseComment',
  tags: ['Cases'],
  summary: 'Add a comment to a case',
  description:
    'A comment on a case `waiting_on_customer` sets it back to `open` and resumes its resolution clock. A closed case takes no comments (409 ' +
    '`case_closed`): reopen it first.',
  ...access('cases:write', { idempotent: true }),
  request: {
    query: NoQuery,
    params: CaseIdParams,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { 'application/json': { schema: CreateCommentBody } } },
  },
  responses: {
    201: {
      description: 'The comment.',
      content: { 'application/json': { schema: CaseCommentSchema } },
    },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 502),
  },
})

export const closeCaseRoute = createRoute({
  method: 'post',
  path: '/v1/cases/{id}/close',
  operationId: 'closeCase',
  tags: ['Cases'],
  summary: 'Close a case',
  description: 'A case already closed answers 409 `case_closed`.',
  ...access('cases:write'),
  request: { query: NoQuery, params: CaseIdParams },
  responses: { 200: CaseResponse('The closed case.'), ...problems(400, 401, 403, 404, 409, 502) },
})

export const reopenCaseRoute = createRoute({
  method: 'post',
  path: '/v1/cases/{id}/reopen',
  operationId: 'reopenCase',
  tags: ['Cases'],
  summary: 'Reopen a resolved or closed case',
  description: 'Any other status answers 409 `case_not_reopenable`.',
  ...access('cases:write'),
  request: { query: NoQuery, params: CaseIdParams },
  responses: {
    200: CaseResponse('The case, open again.'),
    ...problems(400, 401, 403, 404, 409, 502),
  },
})

export const uploadAttachmentRoute = createRoute({
  method: 'post',
  path: '/v1/cases/{id}/attachments',
  operationId: 'uploadCaseAttachment',
  tags: ['Cases'],
  summary: 'Attach a file (a photo, a PDF, a CSV) to a case or one of its comments',
  description:
    '`multipart/form-data`, streamed: the text field `commentId` (optional) first, then `file` as the last part. ' +
    'PNG, JPEG, WebP, GIF, PDF, plain text or CSV, recognised from the bytes: a declared Content-Type or ' +
    'extension that says otherwise is refused (415 `content_mismatch`), as is any other type (415). At most ' +
    '`PORTICO_CASE_ATTACHMENT_LIMIT_BYTES` (10 MiB by default; 413 above). A closed case takes no files (409).',
  // Streamed: the case is read and written in scopes of its own, so no
  // transaction stays open while the file arrives.
  ...access('cases:write', { transaction: false }),
  request: {
    query: NoQuery,
    params: CaseIdParams,
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: ATTACHMENT_UPLOAD_BODY } },
    },
  },
  responses: {
    201: {
      description: 'Stored.',
      content: { 'application/json': { schema: CaseAttachmentSchema } },
    },
    200: {
      description:
        'The same file (bytes and name) was already attached there: the first attachment.',
      content: { 'application/json': { schema: CaseAttachmentSchema } },
    },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 502),
  },
})

export const attachmentLinkRoute = createRoute({
  method: 'post',
  path: '/v1/cases/{id}/attachments/{attachmentId}/download-link',
  operationId: 'createCaseAttachmentDownloadLink',
  tags: ['Cases'],
  summary: 'A signed link that downloads a case attachment, valid for 5 minutes',
  description:
    'Like a document’s link: bound to you and your session, followed with a plain GET on ' +
    '`/v1/downloads/{token}`, every download recorded in the audit log. Nothing is created, so no ' +
    'Idempotency-Key is needed.',
  ...access('cases:read'),
  request: { query: NoQuery, params: CaseAttachmentParams },
  responses: {
    200: {
      description: 'The link.',
      content: { 'application/json': { schema: DownloadLinkSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

/** The service context of a case request: the tenant, the system of record, the SLA settings. */
export function caseContextOf(c: Context<AppEnv>): CaseContext {
  const { config } = c.get('deps')
  return {
    ...tenantOf(c),
    connector: c.get('caseConnector'),
    sla: { businessHours: config.businessHours, caseSla: config.caseSla },
  }
}

export function caseRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(createCaseRoute, async (c) => {
    const created = await createCase(caseContextOf(c), c.req.valid('json'))
    c.header('Location', `/v1/cases/${created.id}`)
    return c.json(created, 201)
  })
  app.openapi(listCasesRoute, async (c) =>
    c.json(await listCases(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(getCaseRoute, async (c) =>
    c.json(await getCase(tenantOf(c), c.req.valid('param').id), 200),
  )
  app.openapi(createCommentRoute, async (c) =>
    c.json(
      await addCustomerComment(caseContextOf(c), c.req.valid('param').id, c.req.valid('json').body),
      201,
    ),
  )
  app.openapi(closeCaseRoute, async (c) =>
    c.json(await closeCase(caseContextOf(c), c.req.valid('param').id), 200),
  )
  app.openapi(reopenCaseRoute, async (c) =>
    c.json(await reopenCase(caseContextOf(c), c.req.valid('param').id), 200),
  )
  app.openapi(uploadAttachmentRoute, async (c) => {
    const { config, documents, clock } = c.get('deps')
    const limit = config.caseAttachmentLimitBytes
    // A body announced far over the limit is refused before a byte is read.
    if (Number(c.req.header('content-length') ?? 0) > limit + 64 * 1024) {
      throw new ApiError(
        413,
        'payload_too_large',
        `The attachment is larger than ${limit.toLocaleString('en')} bytes.`,
      )
    }
    const ctx = tenantOf(c)
    const { attachment, duplicate } = await uploadCaseAttachment(
      {
        db: ctx.db,
        accountId: ctx.accountId,
        userId: ctx.userId,
        connector: c.get('caseConnector'),
        store: documents,
        maxBytes: limit,
        now: clock.now(),
      },
      c.req.valid('param').id,
      c.req.raw,
    )
    return c.json(attachment, duplicate ? 200 : 201)
  })
  app.openapi(attachmentLinkRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param')
    return c.json(
      await mintCaseAttachmentLink(tenantOf(c), requireUser(c.get('principal')), id, attachmentId),
      200,
    )
  })
  return app
}
