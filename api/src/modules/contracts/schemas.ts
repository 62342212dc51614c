import { z } from '@hono/zod-openapi'
import { idParams, PageCursor, PageLimit, pageSchema } from '../../http/list.js'
import { DocumentSchema } from '../documents/schemas.js'

const Minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description}, in minor units of \`currency\`.` })

export const ContractStatusSchema = z
  .enum(['active', 'cancelled', 'expired'])
  .openapi('ContractStatus')

export const ContractItemSchema = z
  .object({
    id: z.string(),
    sku: z.string().nullable(),
    description: z.string().openapi({ example: 'Preventive maintenance, hydraulic presses' }),
    quantity: z.number().int(),
    unit: z.string().openapi({ example: 'visit' }),
    unitPrice: Minor('Price per unit and billing period'),
    amount: Minor('quantity × unitPrice, per billing period'),
  })
  .openapi('ContractItem')

export const ContractSchema = z
  .object({
    id: z.string().openapi({ example: 'ctr_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    number: z.string().openapi({ example: 'SVC-2026-0007' }),
    title: z.string(),
    status: ContractStatusSchema,
    currency: z.string().length(3),
    billingPeriod: z.enum(['monthly', 'quarterly', 'annual']),
    termStart: z.string().openapi({ example: '2026-01-01' }),
    termEnd: z
      .string()
      .openapi({ example: '2026-12-31', description: 'Last day of the current term.' }),
    renewalDate: z.string().openapi({
      example: '2027-01-01',
      description: 'The day the contract renews — or ends, when `autoRenew` is false.',
    }),
    autoRenew: z.boolean(),
    noticePeriodDays: z.number().int(),
    noticeDeadline: z.string().openapi({
      description:
        'The last day to give notice before the renewal: `renewalDate` − `noticePeriodDays`.',
    }),
    periodTotal: Minor('What one billing period costs: the sum of the items'),
    items: z.array(ContractItemSchema),
    document: DocumentSchema.nullable().openapi({
      description: 'The contract document (the newest one attached), if the ERP uploaded it.',
    }),
  })
  .openapi('Contract')

export const ContractListSchema = pageSchema(ContractSchema).openapi('ContractList')

export const ListContractsQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  status: ContractStatusSchema.optional(),
})

export const ContractIdParams = idParams('ctr_01jd4h7c2m8x3v9q5t6w2n4k8r')

export type Contract = z.infer<typeof ContractSchema>
export type ContractList = z.infer<typeof ContractListSchema>
export type ListContractsInput = z.infer<typeof ListContractsQuery>
