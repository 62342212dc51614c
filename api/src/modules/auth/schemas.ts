import { z } from '@hono/zod-openapi'

export const LoginBody = z
  .strictObject({
    email: z.email().max(254).openapi({ example: 'ap@brandt-maschinenbau.de' }),
    password: z.string().min(1).max(1024).openapi({ example: 'portico-demo' }),
  })
  .openapi('LoginRequest')

export const RoleSchema = z
  .enum(['admin', 'buyer', 'accounts_payable', 'viewer'])
  .openapi('Role', { description: 'What the user may do in their account.' })

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: 'user_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    email: z.string().openapi({ example: 'ap@brandt-maschinenbau.de' }),
    name: z.string().openapi({ example: 'Katrin Vogel' }),
    role: RoleSchema,
  })
  .openapi('User')

export const AccountSchema = z
  .object({
    id: z.string().openapi({ example: 'acct_01jd4h7c2m8x3v9q5t6w2n4k8r' }),
    name: z.string().openapi({ example: 'Brandt Maschinenbau GmbH' }),
    currency: z.string().length(3).openapi({ example: 'EUR' }),
    locale: z.string().openapi({ example: 'de' }),
  })
  .openapi('Account')

export const LoginResponse = z
  .object({
    token: z.string().openapi({
      description: 'Session token for `Authorization: Bearer`; also set as an HttpOnly cookie.',
    }),
    expiresAt: z
      .string()
      .openapi({ description: 'Absolute expiry (12 h); the session also ends after 30 min idle.' }),
    user: UserSchema,
    account: AccountSchema,
  })
  .openapi('LoginResponse')

export const MeResponse = z
  .object({
    user: UserSchema,
    account: AccountSchema,
    permissions: z.array(z.string()),
    authenticatedVia: z.enum(['session', 'embed']),
  })
  .openapi('Me')
