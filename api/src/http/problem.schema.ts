import { z } from '@hono/zod-openapi'

export const FieldErrorSchema = z
  .object({
    field: z.string().openapi({ example: 'query.limit' }),
    message: z.string().openapi({ example: 'Too big: expected number to be <=100' }),
    code: z.string().openapi({ example: 'too_big' }),
  })
  .openapi('FieldError')

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://portico.dev/problems/validation-failed' }),
    title: z.string().openapi({ example: 'Bad Request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: 'The request is invalid.' }),
    code: z.string().openapi({ example: 'validation_failed' }),
    requestId: z.string().openapi({ example: 'req_01jd4h7c2m' }),
    errors: z.array(FieldErrorSchema).optional(),
    available: z.number().int().optional().openapi({
      description:
        '`credit_limit_exceeded` only: the credit still available, in minor units of `currency`.',
    }),
    currency: z.string().length(3).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' })
