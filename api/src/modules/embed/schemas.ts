import { z } from '@hono/zod-openapi'
import { PERMISSIONS } from '../../http/permissions.js'
import { UserSchema } from '../auth/schemas.js'
import { EMBED_MAX_TTL_SECONDS } from './service.js'

/** `scheme://host[:port]` exactly — what browsers send in `Origin`. */
const OriginSchema = z
  .string()
  .max(255)
  .refine(
    (value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
      } catch {
        return false
      }
    },
    { message: 'Must be an origin: scheme://host[:port], no path or trailing slash' },
  )
  .openapi({ example: 'https://intranet.brandt-maschinenbau.de' })

export const CreateEmbedSessionBody = z
  .strictObject({
    email: z.email().max(254).openapi({
      description: 'The portal user the host page is showing.',
      example: 'ap@brandt-maschinenbau.de',
    }),
    allowedOrigins: z.array(OriginSchema).min(1).max(10).openapi({
      description: 'Origins of the pages allowed to use the secret. CORS allows exactly these.',
    }),
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(EMBED_MAX_TTL_SECONDS)
      .default(EMBED_MAX_TTL_SECONDS)
      .openapi({
        description: 'Lifetime of the secret, 60–900 seconds.',
      }),
    permissions: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length).optional().openapi({
      description:
        "Narrow the secret to these permissions (a subset of the user's role). Default: the role's.",
    }),
  })
  .openapi('CreateEmbedSessionRequest')

export const EmbedSessionSchema = z
  .object({
    id: z.string().openapi({ example: 'emb_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    clientSecret: z
      .string()
      .openapi({ description: 'Give this to the browser; it is valid only from allowedOrigins.' }),
    expiresAt: z.string(),
    allowedOrigins: z.array(z.string()),
    permissions: z.array(z.string()),
    user: UserSchema,
    accountId: z.string(),
  })
  .openapi('EmbedSession')
