/**
 * Browser-side helpers for tests against the real API that
 * `portico-api-plugin.mjs` runs next to the test pages.
 */
import { createPortalClient, unwrap, type PortalClient } from '@portico/sdk'

export interface EmbedSession {
  /** Where the API listens (another origin than the test page). */
  baseUrl: string
  /** `pes_…`, bound to the test page's origin. */
  clientSecret: string
  user: { id: string; email: string; name: string; role: string }
}

export interface EmbedSessionOptions {
  /** A seeded demo user; default `ap@cascadefab.com` (US account, USD). */
  email?: string
  /** Narrow the secret to these permissions. */
  permissions?: string[]
  /** Return a secret that has already expired. */
  expired?: boolean
}

/** Asks the test server (standing in for an intranet's backend) for an embed session. */
export async function mintEmbedSession(options: EmbedSessionOptions = {}): Promise<EmbedSession> {
  const query = new URLSearchParams()
  if (options.email) query.set('email', options.email)
  if (options.permissions) query.set('permissions', options.permissions.join(','))
  if (options.expired) query.set('expired', '1')
  const response = await fetch(`/__portico/embed-session?${query}`)
  const body = await response.json()
  if (!response.ok) throw new Error(`could not mint an embed session: ${body.error}`)
  return body as EmbedSession
}

/** An SDK client for a session: what the tests compare the elements against. */
export function clientFor(
  session: EmbedSession,
  fetch?: (request: Request) => Promise<Response>,
): PortalClient {
  return createPortalClient({
    baseUrl: session.baseUrl,
    token: session.clientSecret,
    credentials: 'omit',
    retry: { retries: 0 },
    ...(fetch ? { fetch } : {}),
  })
}

/** The invoice numbers the API lists for a query, in order. */
export async function invoiceNumbers(
  session: EmbedSession,
  query: { limit: number; status?: 'open' | 'overdue' | 'paid' | 'void' },
): Promise<string[]> {
  const page = await unwrap(clientFor(session).GET('/v1/invoices', { params: { query } }))
  return page.data.map((invoice) => invoice.number)
}

/** An event as the ERP sends it to `POST /v1/integrations/erp/events`. */
export type ErpEvent = {
  /** Unique per event; a fresh one by default. */
  id?: string
  occurredAt?: string
} & (
  | {
      type:
        | 'order.confirmed'
        | 'order.in_production'
        | 'order.shipped'
        | 'order.delivered'
        | 'order.rejected'
      data: Record<string, unknown> & { orderId: string }
    }
  | { type: 'invoice.created'; data: { accountId: string; invoice: Record<string, unknown> } }
)

/**
 * Has the test server play the ERP: it signs `event` per Standard Webhooks and
 * delivers it to the API, which moves the order and streams `order.*` events.
 */
export async function sendErpEvent(event: ErpEvent): Promise<{ outcome: string }> {
  const response = await fetch('/__portico/erp-event', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
  const body = await response.json()
  if (response.status !== 200) {
    throw new Error(`the ERP event was refused: ${response.status} ${JSON.stringify(body)}`)
  }
  return body as { outcome: string }
}

/** Places an order through the API as `session`'s user, for tests that need one to exist. */
export async function placeOrder(
  session: EmbedSession,
  lines: Array<{ sku: string; quantity: number }>,
  details: { poNumber?: string; note?: string } = {},
) {
  const client = clientFor(session)
  const catalog = await unwrap(client.GET('/v1/catalog', { params: { query: { limit: 100 } } }))
  const bySku = new Map(catalog.data.map((product) => [product.sku, product]))
  return unwrap(
    client.POST('/v1/orders', {
      body: {
        lines: lines.map(({ sku, quantity }) => {
          const product = bySku.get(sku)
          if (!product) throw new Error(`${sku} is not in ${session.user.email}'s catalog`)
          return { productId: product.id, quantity }
        }),
        ...details,
      },
    }),
  )
}

/**
 * Has the test server play the customer on the sandbox provider's hosted
 * page at `redirectUrl`: it presses Pay, Decline or "Cancel and go back", and
 * the page reports the outcome to the API as the provider's signed webhook.
 * Resolves with where the page sends the customer back to.
 */
export async function actOnSandboxPage(
  redirectUrl: string,
  action: 'pay' | 'decline' | 'abandon',
): Promise<URL> {
  const response = await fetch('/__portico/sandbox-page', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirectUrl, action }),
  })
  const body = (await response.json()) as { status: number; location: string | null }
  if (body.status !== 303 || !body.location) {
    throw new Error(`the sandbox page answered ${body.status}, not a redirect back`)
  }
  return new URL(body.location)
}

/** The open invoices of `session`'s account with a balance, as the API lists them. */
export async function openInvoices(session: EmbedSession) {
  const client = clientFor(session)
  const statuses = ['overdue', 'partially_paid', 'open'] as const
  const pages = await Promise.all(
    statuses.map((status) =>
      unwrap(client.GET('/v1/invoices', { params: { query: { status, limit: 100 } } })),
    ),
  )
  return pages.flatMap((page) => page.data).filter((invoice) => invoice.amountDue > 0)
}

/** Follows a download link as a navigation would, from the test server: its status and headers. */
export async function followLink(url: string): Promise<{
  status: number
  contentType: string | null
  disposition: string | null
  bytes: number
}> {
  const response = await fetch(`/__portico/follow?url=${encodeURIComponent(url)}`)
  return response.json()
}

/** Has the test server play the ERP uploading a small PDF for `accountId`; resolves with the document. */
export async function uploadDocument(fields: {
  accountId: string
  title: string
  type: string
  fileName?: string
  orderId?: string
  invoiceId?: string
}): Promise<{ id: string; title: string; fileName: string; orderId: string | null }> {
  const response = await fetch('/__portico/erp-document', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  })
  const body = await response.json()
  // 201 for a new document; 200 when the ERP retried one it had sent.
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`the upload was refused: ${response.status} ${JSON.stringify(body)}`)
  }
  return body.document
}

/**
 * Has the test server play a support agent: answer the case with `body`, or
 * move it to `status`. Resolves with the API's answer.
 */
export async function actAsAgent(
  action: { caseId: string } & (
    { body: string } | { status: 'open' | 'waiting_on_customer' | 'resolved' | 'closed' }
  ),
): Promise<unknown> {
  const response = await fetch('/__portico/case-agent', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(action),
  })
  const body = await response.json()
  if (!response.ok)
    throw new Error(`the agent was refused: ${response.status} ${JSON.stringify(body)}`)
  return body
}

/** Raises a case through the API as `session`'s user, for tests that need one to exist. */
export async function raiseCase(
  session: EmbedSession,
  fields: {
    subject?: string
    description?: string
    category?: 'question' | 'delivery' | 'quality'
  } = {},
) {
  return unwrap(
    clientFor(session).POST('/v1/cases', {
      body: {
        subject: fields.subject ?? 'Pallet arrived damaged',
        description: fields.description ?? 'Two cartons were crushed on arrival.',
        category: fields.category ?? 'delivery',
      },
    }),
  )
}
