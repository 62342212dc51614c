import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { jsonTextResponse } from '../../http/json-text-response.js'
import { requireUser } from '../../http/authorize.js'
import { access, problems, NoQuery } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { InvoiceIdParams, InvoiceListSchema, InvoiceSchema, ListInvoicesQuery } from './schemas.js'
import { DownloadLinkSchema } from '../documents/schemas.js'
import { mintInvoicePdfLink } from '../documents/service.js'
import { getInvoice, listInvoices } from './service.js'

const listInvoicesRoute = createRoute({
  method: 'get',
  path: '/v1/invoices',
  operationId: 'listInvoices',
  tags: ['Invoices'],
  summary: "List the account's invoices, newest first",
  description:
    'Cursor-paginated: pass `nextCursor` back as `cursor`. A cursor is bound to the filters it was issued with.',
  ...access('invoices:read'),
  request: { query: ListInvoicesQuery },
  responses: {
    200: {
      description: 'A page of invoices.',
      content: { 'application/json': { schema: InvoiceListSchema } },
    },
    ...problems(400, 401, 403),
  },
})

const getInvoiceRoute = createRoute({
  method: 'get',
  path: '/v1/invoices/{id}',
  operationId: 'getInvoice',
  tags: ['Invoices'],
  summary: 'An invoice with its lines, tax, totals and balance',
  ...access('invoices:read'),
  request: { query: NoQuery, params: InvoiceIdParams },
  responses: {
    200: {
      description: 'The invoice.',
      content: { 'application/json': { schema: InvoiceSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

const invoicePdfLinkRoute = createRoute({
  method: 'post',
  path: '/v1/invoices/{id}/download-link',
  operationId: 'createInvoicePdfLink',
  tags: ['Invoices'],
  summary: "A signed link to the invoice's PDF, valid for 5 minutes",
  description:
    "The ERP's PDF of the invoice when it supplied one (a document of type `invoice`); otherwise a PDF Portico " +
    'renders from the invoice when the link is followed: lines, tax per rate, totals, what is paid and due, and ' +
    'payment instructions. The link works like a document download link: bound to your session, audited.',
  ...access('invoices:read'),
  request: { query: NoQuery, params: InvoiceIdParams },
  responses: {
    200: {
      description: 'The link.',
      content: { 'application/json': { schema: DownloadLinkSchema } },
    },
    ...problems(400, 401, 403, 404),
  },
})

export function invoiceRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listInvoicesRoute, async (c) =>
    jsonTextResponse(c, await listInvoices(tenantOf(c), c.req.valid('query')), 200),
  )
  app.openapi(getInvoiceRoute, async (c) =>
    c.json(await getInvoice(tenantOf(c), c.req.valid('param').id), 200),
  )
  app.openapi(invoicePdfLinkRoute, async (c) =>
    c.json(
      await mintInvoicePdfLink(
        tenantOf(c),
        requireUser(c.get('principal')),
        c.req.valid('param').id,
      ),
      200,
    ),
  )
  return app
}
