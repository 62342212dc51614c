import { z } from '@hono/zod-openapi'
import { idParams, PageCursor, PageLimit, pageSchema } from '../../http/list.js'
import { IsoDate } from '../invoices/schemas.js'

export const CASE_CATEGORIES = [
  'question',
  'delivery',
  'quality',
  'warranty',
  'billing',
  'maintenance',
] as const
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const CASE_STATUSES = ['new', 'open', 'waiting_on_customer', 'resolved', 'closed'] as const

export const CaseCategorySchema = z.enum(CASE_CATEGORIES).openapi('CaseCategory', {
  description:
    '`question`; `delivery` (where is it, what arrived); `quality` (damaged or wrong goods, an RMA); ' +
    '`warranty`; `billing`; `maintenance` (a service visit).',
})

export const CasePrioritySchema = z.enum(CASE_PRIORITIES).openapi('CasePriority', {
  description: 'Sets the SLA targets (first response, resolution) on business hours.',
})

export const CaseStatusSchema = z.enum(CASE_STATUSES).openapi('CaseStatus', {
  description:
    '`new` until an agent first answers; `open`; `waiting_on_customer` (a customer comment reopens it); ' +
    '`resolved` (an agent solved it: the customer may reopen it); `closed` (no more comments or files).',
})

export const CaseSyncStatusSchema = z
  .enum(['synced', 'syncing', 'failed'])
  .openapi('CaseSyncStatus', {
    description:
      '`synced`: the system of record (the built-in store or the CRM) has every change; `syncing`: accepted and ' +
      'queued to the CRM; `failed`: the CRM refused a change for good (the operator is told).',
  })

/** The keys `details` may carry per category, and how each is checked. */
const DetailText = z.string().trim().min(1).max(200)
const DETAIL_FIELDS: Record<(typeof CASE_CATEGORIES)[number], Record<string, z.ZodType<string>>> = {
  question: {},
  billing: {},
  delivery: { deliveryNumber: DetailText },
  quality: {
    batchNumber: DetailText,
    quantityAffected: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Expected a number such as 12 or 2.5'),
    rmaRequested: z.enum(['true', 'false']),
  },
  warranty: { serialNumber: DetailText, purchaseDate: IsoDate },
  maintenance: { assetId: DetailText, preferredDate: IsoDate },
}

export const CaseDetailsSchema = z
  .record(z.string().max(64), z.string().max(200))
  .openapi('CaseDetails', {
    description:
      'Category-specific facts, all strings: `delivery`: `deliveryNumber`; `quality`: `batchNumber`, ' +
      '`quantityAffected` (a number), `rmaRequested` (`"true"`/`"false"`); `warranty`: `serialNumber`, ' +
      '`purchaseDate` (YYYY-MM-DD); `maintenance`: `assetId`, `preferredDate` (YYYY-MM-DD); `question` and ' +
      '`billing`: none. A key the category does not know is refused (400).',
    example: { batchNumber: 'B-2026-118', quantityAffected: '12', rmaRequested: 'true' },
  })

const ReferenceId = (example: string, what: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ example, description: `The ${what} of your account the case is about.` })

export const CreateCaseBody = z
  .strictObject({
    subject: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ example: 'Batch B-2026-118 arrived damaged' }),
    description: z
      .string()
      .min(1)
      .max(10_000)
      .refine((text) => text.trim().length > 0, 'Required')
      .openapi({ description: 'Plain text, stored exactly as given.' }),
    category: CaseCategorySchema,
    priority: CasePrioritySchema.default('normal'),
    orderId: ReferenceId('ord_01jd4h7c2m8x3v9q5t6w2n4k8r', 'order').optional(),
    invoiceId: ReferenceId('inv_01jd4h7c2m8x3v9q5t6w2n4k8r', 'invoice').optional(),
    productId: ReferenceId('prod_01jd4h7c2m8x3v9q5t6w2n4k8r', 'product').optional(),
    documentId: ReferenceId('doc_01jd4h7c2m8x3v9q5t6w2n4k8r', 'document').optional(),
    details: CaseDetailsSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const fields = DETAIL_FIELDS[input.category]
    for (const [key, value] of Object.entries(input.details ?? {})) {
      const check = fields[key]
      if (!check) {
        ctx.addIssue({
          code: 'custom',
          path: ['details', key],
          message: `A ${input.category} case has no detail "${key}"`,
        })
        continue
      }
      const result = check.safeParse(value)
      if (!result.success)
        ctx.addIssue({
          code: 'custom',
          path: ['details', key],
          message: result.error.issues[0]?.message ?? 'Invalid',
        })
    }
  })
  .openapi('CreateCaseRequest')

const NullableId = z.string().nullable()

export const CaseSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'case_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    number: z.string().openapi({ example: 'CS-2026-00042' }),
    subject: z.string(),
    category: CaseCategorySchema,
    priority: CasePrioritySchema,
    status: CaseStatusSchema,
    related: z.object({
      orderId: NullableId,
      invoiceId: NullableId,
      productId: NullableId,
      documentId: NullableId,
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    firstResponseDueAt: z
      .string()
      .nullable()
      .openapi({ description: 'When an agent must first answer, on business hours.' }),
    resolutionDueAt: z
      .string()
      .nullable()
      .openapi({
        description:
          'When the case must be resolved, on business hours. While the clock is paused it shows where it stood; ' +
          'when it resumes it moves on by the business time it was paused.',
      }),
    resolutionPausedAt: z
      .string()
      .nullable()
      .openapi({
        description:
          'Since when the resolution clock is paused: the case is `waiting_on_customer`. It resumes when the customer ' +
          'replies or the status moves on; a paused clock is never breached. Null while it runs.',
      }),
    resolutionPausedSeconds: z
      .number()
      .int()
      .openapi({
        description:
          'Business time, in seconds, the resolution clock has been paused in all (the current pause not yet ' +
          'included); `resolutionDueAt` already counts it.',
      }),
    firstRespondedAt: z.string().nullable().openapi({
      description: "An agent's first public answer: it meets the first-response target.",
    }),
    slaBreached: z.object({ firstResponse: z.boolean(), resolution: z.boolean() }),
    syncStatus: CaseSyncStatusSchema,
    commentCount: z.number().int(),
  })
  .openapi('CaseSummary')

export const CaseAttachmentSchema = z
  .object({
    id: z.string().openapi({ example: 'catt_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    fileName: z.string().openapi({ example: 'damaged-pallet.jpg' }),
    contentType: z.string().openapi({ description: 'Sniffed from the bytes on upload.' }),
    size: z.number().int(),
    createdAt: z.string(),
    commentId: z.string().nullable(),
  })
  .openapi('CaseAttachment')

export const CaseCommentSchema = z
  .object({
    id: z.string().openapi({ example: 'cmt_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    body: z.string().openapi({ description: 'Plain text, exactly as written.' }),
    author: z.object({ kind: z.enum(['customer', 'agent']), name: z.string() }),
    createdAt: z.string(),
    attachments: z.array(CaseAttachmentSchema),
  })
  .openapi('CaseComment')

export const CaseSchema = CaseSummarySchema.extend({
  description: z.string(),
  details: z.record(z.string(), z.string()),
  createdBy: z.object({ userId: z.string(), name: z.string() }),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  comments: z.array(CaseCommentSchema).openapi({ description: 'Oldest first.' }),
  attachments: z.array(CaseAttachmentSchema).openapi({ description: 'Every file of the case.' }),
}).openapi('Case')

export const CaseListSchema = pageSchema(CaseSummarySchema).openapi('CaseList')

export const ListCasesQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  status: CaseStatusSchema.optional(),
  category: CaseCategorySchema.optional(),
  orderId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Only cases about this order.' }),
  invoiceId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Only cases about this invoice.' }),
})

export const CreateCommentBody = z
  .strictObject({
    body: z
      .string()
      .min(1)
      .max(10_000)
      .refine((text) => text.trim().length > 0, 'Required')
      .openapi({ description: 'Plain text, stored exactly as given.' }),
  })
  .openapi('CreateCaseCommentRequest')

/** The operator's (an agent's) comment, entered in the built-in store or mirrored from the CRM. */
export const AgentCommentBody = z
  .strictObject({
    body: CreateCommentBody.shape.body,
    authorName: z.string().trim().min(1).max(200).openapi({ example: 'Dewi (Support)' }),
  })
  .openapi('CreateAgentCaseCommentRequest')

export const AgentStatusBody = z
  .strictObject({
    status: z.enum(['open', 'waiting_on_customer', 'resolved', 'closed']),
    authorName: z.string().trim().min(1).max(200).openapi({ example: 'Dewi (Support)' }),
  })
  .openapi('ChangeCaseStatusRequest')

export const CaseIdParams = idParams('case_01jd4h7c2m8x3v9q5t6w2n4k8r')

export const CaseAttachmentParams = z.object({
  id: CaseIdParams.shape.id,
  attachmentId: z
    .string()
    .min(1)
    .max(64)
    .openapi({
      param: { name: 'attachmentId', in: 'path' },
      example: 'catt_01jd4h7c2m8x3v9q5t6w2n4k8r',
    }),
})

/** The text fields of an attachment upload, sent before `file`. */
export const AttachmentFields = z.strictObject({
  commentId: z.string().min(1).max(64).optional(),
})

export const ACTIVITY_KINDS = ['order', 'payment', 'case', 'comment'] as const

export const ActivityItemSchema = z
  .object({
    id: z.string().openapi({ description: 'The domain event behind the item.' }),
    kind: z.enum(ACTIVITY_KINDS),
    occurredAt: z.string(),
    subject: z.object({
      type: z.enum(['order', 'payment', 'case']),
      id: z.string(),
      label: z.string().openapi({ example: 'CS-2026-00042' }),
    }),
    action: z.string().openapi({ example: 'case.commented' }),
    actor: z.object({
      kind: z.enum(['customer', 'agent', 'system']),
      name: z.string().nullable(),
    }),
    summary: z.string().openapi({ description: 'Short plain text.' }),
    amount: z
      .object({ value: z.number().int(), currency: z.string().length(3) })
      .nullable()
      .openapi({ description: 'Orders and payments: in minor units of `currency`.' }),
  })
  .openapi('ActivityItem')

export const ActivityListSchema = pageSchema(ActivityItemSchema).openapi('ActivityList')

export const ListActivityQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  kind: z.enum(ACTIVITY_KINDS).optional(),
})

export type CreateCaseInput = z.infer<typeof CreateCaseBody>
export type ListCasesInput = z.infer<typeof ListCasesQuery>
export type CaseSummary = z.infer<typeof CaseSummarySchema>
export type Case = z.infer<typeof CaseSchema>
export type CaseComment = z.infer<typeof CaseCommentSchema>
export type CaseAttachment = z.infer<typeof CaseAttachmentSchema>
export type ActivityItem = z.infer<typeof ActivityItemSchema>
export type ListActivityInput = z.infer<typeof ListActivityQuery>
