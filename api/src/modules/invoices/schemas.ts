import { z } from '@hono/zod-openapi'

const MinorUnits = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description}, in minor units of \`currency\`.` })

/** A calendar date, validated as a real day (2026-02-30 is rejected). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  }, 'Not a valid calendar date')
  .openapi({ example: '2026-11-01' })

export const InvoiceStatusSchema = z
  .enum(['open', 'partially_paid', 'overdue', 'paid', 'void'])
  .openapi('InvoiceStatus', {
    description:
      'The status today. `open`: nothing paid, not yet due; `partially_paid`: part paid, not yet due; ' +
      '`overdue`: not fully paid and past its due date — whether or not part is paid (`amountPaid` tells); ' +
      '`paid`; `void`: cancelled. Overdue wins over partially paid because it is the fact that needs action.',
  })

export const InvoiceSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'inv_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    number: z.string().openapi({ example: 'INV-2026-00042' }),
    status: InvoiceStatusSchema,
    currency: z.string().length(3).openapi({ example: 'EUR' }),
    issueDate: z.string().openapi({ example: '2026-11-01' }),
    dueDate: z.string().openapi({ example: '2026-12-01' }),
    subtotal: MinorUnits('Sum of the lines before tax'),
    taxTotal: MinorUnits('Tax'),
    total: MinorUnits('Subtotal plus tax'),
    amountPaid: MinorUnits('Paid so far'),
    amountDue: MinorUnits('Open balance: total minus paid (0 when void)'),
    poNumber: z.string().nullable().openapi({ example: 'PO-88213' }),
  })
  .openapi('InvoiceSummary')

export const InvoiceLineSchema = z
  .object({
    id: z.string(),
    description: z.string().openapi({ example: 'Hydraulic pump HP-200' }),
    sku: z.string().nullable().openapi({ example: 'HP-200' }),
    quantity: z.number().int(),
    unitPrice: MinorUnits('Price per unit before tax'),
    taxRate: z
      .number()
      .int()
      .openapi({ description: 'Tax rate in basis points (1900 = 19 %).', example: 1900 }),
    amount: MinorUnits('quantity × unitPrice'),
  })
  .openapi('InvoiceLine')

export const InvoiceSchema = InvoiceSummarySchema.extend({
  lines: z.array(InvoiceLineSchema),
}).openapi('Invoice')

export const InvoiceListSchema = z
  .object({
    data: z.array(InvoiceSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('InvoiceList')

export const ListInvoicesQuery = z
  .strictObject({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .openapi({ description: 'Page size, 1–100.', example: 20 }),
    cursor: z
      .string()
      .max(512)
      .optional()
      .openapi({ description: '`nextCursor` of the previous page.' }),
    status: InvoiceStatusSchema.optional(),
    issuedFrom: IsoDate.optional().openapi({
      description: 'Only invoices issued on or after this date.',
    }),
    issuedTo: IsoDate.optional().openapi({
      description: 'Only invoices issued on or before this date.',
    }),
  })
  .refine((q) => !q.issuedFrom || !q.issuedTo || q.issuedFrom <= q.issuedTo, {
    message: 'issuedFrom must not be after issuedTo',
    path: ['issuedFrom'],
  })

export const InvoiceIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'inv_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
})

export type InvoiceSummary = z.infer<typeof InvoiceSummarySchema>
export type Invoice = z.infer<typeof InvoiceSchema>
export type InvoiceList = z.infer<typeof InvoiceListSchema>
export type ListInvoicesInput = z.infer<typeof ListInvoicesQuery>
