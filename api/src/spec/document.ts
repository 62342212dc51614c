import type { OpenAPIHono } from '@hono/zod-openapi'

type DocumentConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0]
import type { AppEnv } from '../http/env.js'

export const OPENAPI_INFO: DocumentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Portico API',
    version: '0.1.0',
    description:
      'The customer-portal API: invoices, orders, payments, documents and cases for the customers of a business. ' +
      'Errors are RFC 9457 problem+json; money is integer minor units; lists use cursor pagination; ' +
      'creating POSTs take an Idempotency-Key.',
    license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
  },
  servers: [{ url: '/', description: 'This Portico server' }],
  tags: [
    { name: 'Authentication', description: 'Portal sign-in and the current user.' },
    {
      name: 'Embedding',
      description: 'Short-lived secrets for components embedded in other sites.',
    },
    { name: 'Invoices', description: "The account's invoices." },
    { name: 'Events', description: 'Live updates: the account’s events as they happen.' },
    {
      name: 'Payments',
      description:
        'Paying invoices through a payment provider, and the provider’s webhooks that record the payments.',
    },
    {
      name: 'Ordering',
      description: 'Catalog at contracted prices, credit, orders and their tracking.',
    },
  ],
}

/** Registers the credential types routes refer to in `security`. */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>) {
  const registry = app.openAPIRegistry
  registry.registerComponent('securitySchemes', 'sessionToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A portal session token (`pst_…`) from POST /v1/auth/login.',
  })
  registry.registerComponent('securitySchemes', 'embedSecret', {
    type: 'http',
    scheme: 'bearer',
    description: 'An embed client secret (`pes_…`), valid only from the origins it was bound to.',
  })
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'portico_session',
    description: 'The portal session cookie set by POST /v1/auth/login.',
  })
  registry.registerComponent('securitySchemes', 'operatorKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      "The operator's API key (`sk_…`). Server-to-server only; never expose it to a browser.",
  })
}
