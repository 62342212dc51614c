import { z } from '@hono/zod-openapi'

export const PriceBreakSchema = z
  .object({
    minQuantity: z.number().int().openapi({ example: 50 }),
    unitPrice: z.number().int().openapi({
      description: 'Unit price from this quantity up, in minor units.',
      example: 598000,
    }),
  })
  .openapi('PriceBreak')

export const CatalogProductSchema = z
  .object({
    id: z.string().openapi({ example: 'prod_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    sku: z.string().openapi({ example: 'PP-HOMO-25' }),
    name: z.string().openapi({ example: 'Polypropylene homopolymer, 25 kg bag' }),
    description: z.string(),
    unit: z.string().openapi({ example: 'bag' }),
    minOrderQuantity: z.number().int().openapi({ example: 10 }),
    orderMultiple: z
      .number()
      .int()
      .openapi({ description: 'Quantities must be a multiple of this.', example: 5 }),
    currency: z.string().length(3),
    unitPrice: z
      .number()
      .int()
      .openapi({ description: 'Contracted price at the minimum order quantity, in minor units.' }),
    priceBreaks: z.array(PriceBreakSchema),
  })
  .openapi('CatalogProduct')

export const CatalogPageSchema = z
  .object({
    data: z.array(CatalogProductSchema),
    nextCursor: z.string().nullable(),
    priceList: z
      .object({
        id: z.string(),
        name: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
      })
      .nullable()
      .openapi({
        description: 'The contract the prices come from; null when the account has none in force.',
      }),
  })
  .openapi('CatalogPage')

export const CatalogQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'Search SKU and name (case-insensitive substring).' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, 1–100.' }),
  cursor: z.string().max(512).optional(),
})

export type CatalogProduct = z.infer<typeof CatalogProductSchema>
export type CatalogInput = z.infer<typeof CatalogQuery>
