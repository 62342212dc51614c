/**
 * A fake Portico API for stories: a `fetch` that answers `GET /v1/invoices`
 * exactly as the real API does — the same JSON shapes, cursor paging, status
 * and date filters, RFC 9457 problem+json errors — handed to the real
 * `createPortalClient()`. Stories therefore exercise the same client code as
 * production, without a server.
 */
import { createPortalClient, type PortalClient, type Schemas } from '@portico/sdk'

type InvoiceSummary = Schemas['InvoiceSummary']
type InvoiceStatus = Schemas['InvoiceStatus']

/** A demo customer account, as the seeded API has them. */
export interface FakeAccount {
  name: string
  currency: string
  /** Typical invoice size in minor units. */
  typicalTotal: number
  /** Sales tax / VAT in basis points. */
  taxRate: number
}

export const fakeAccounts = {
  cascade: { name: 'Cascade Fabrication', currency: 'USD', typicalTotal: 1_850_000, taxRate: 0 },
  brandt: { name: 'Brandt Maschinenbau', currency: 'EUR', typicalTotal: 1_240_000, taxRate: 1900 },
  sinarjaya: { name: 'PT Sinar Jaya', currency: 'IDR', typicalTotal: 48_500_000, taxRate: 1100 },
  lyon: { name: 'Atelier Lyon Inox', currency: 'EUR', typicalTotal: 980_000, taxRate: 2000 },
  torino: { name: 'Torino Utensili', currency: 'EUR', typicalTotal: 1_120_000, taxRate: 2200 },
} satisfies Record<string, FakeAccount>

/** Deterministic pseudo-random numbers, so every story renders the same rows. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * `count` invoices for an account, newest first, issued every few days back
 * from `today`: recent ones open, older unpaid ones overdue, most paid, a few void.
 */
export function fakeInvoices(
  account: FakeAccount,
  count: number,
  today = new Date('2026-11-20T00:00:00Z'),
): InvoiceSummary[] {
  const next = random(count * 7919 + account.currency.charCodeAt(0))
  const invoices: InvoiceSummary[] = []
  const issued = new Date(today)
  for (let i = 0; i < count; i++) {
    issued.setUTCDate(issued.getUTCDate() - (1 + Math.floor(next() * 4)))
    const due = new Date(issued)
    due.setUTCDate(due.getUTCDate() + 30)
    const subtotal = Math.round((account.typicalTotal * (0.2 + next() * 1.6)) / 100) * 100
    const taxTotal = Math.round((subtotal * account.taxRate) / 10_000)
    const total = subtotal + taxTotal
    const roll = next()
    const status: InvoiceStatus =
      roll < 0.05
        ? 'void'
        : due > today
          ? roll < 0.35
            ? 'paid'
            : 'open'
          : roll < 0.2
            ? 'overdue'
            : 'paid'
    const amountPaid =
      status === 'paid' ? total : status === 'void' ? 0 : roll > 0.9 ? Math.round(total / 2) : 0
    const year = issued.getUTCFullYear()
    invoices.push({
      id: `inv_fake${String(count - i).padStart(6, '0')}`,
      number: `INV-${year}-${String(4200 - i * 3).padStart(5, '0')}`,
      status,
      currency: account.currency,
      issueDate: isoDate(issued),
      dueDate: isoDate(due),
      subtotal,
      taxTotal,
      total,
      amountPaid,
      amountDue: status === 'void' ? 0 : total - amountPaid,
      poNumber: next() < 0.7 ? `PO-${88_000 + Math.floor(next() * 999)}` : null,
    })
  }
  return invoices
}

/** How the fake answers. */
export type FakeScenario =
  | { kind: 'invoices'; invoices: InvoiceSummary[]; latencyMs?: number }
  /** Never answers (until aborted): the loading state. */
  | { kind: 'pending' }
  /** Answers every request with this problem. */
  | { kind: 'problem'; status: 401 | 403 | 500 | 503; latencyMs?: number }

const problems = {
  401: {
    type: 'https://portico.dev/problems/unauthenticated',
    title: 'Unauthenticated',
    code: 'unauthenticated',
    detail: 'The embed session has expired or is not valid from this origin.',
  },
  403: {
    type: 'https://portico.dev/problems/forbidden',
    title: 'Forbidden',
    code: 'forbidden',
    detail: 'This action needs the invoices:read permission.',
  },
  500: {
    type: 'https://portico.dev/problems/internal',
    title: 'Internal Server Error',
    code: 'internal',
    detail: 'Something went wrong on our side.',
  },
  503: {
    type: 'https://portico.dev/problems/unavailable',
    title: 'Service Unavailable',
    code: 'erp_unavailable',
    detail: 'The invoice system is being updated. Try again in a few minutes.',
  },
}

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': type, 'x-request-id': 'req_01jd4h7c2m8x3v9q5t6w2n4k8r' },
  })
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), {
      once: true,
    })
  })
}

/** The real API's cursor is opaque; the fake's is the offset, base64url-encoded. */
const encodeCursor = (offset: number) => btoa(JSON.stringify({ o: offset })).replace(/=+$/, '')
const decodeCursor = (cursor: string) => (JSON.parse(atob(cursor)) as { o: number }).o

function listInvoices(url: URL, invoices: InvoiceSummary[]): Response {
  const query = url.searchParams
  const limit = Number(query.get('limit') ?? 20)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return json(
      {
        type: 'https://portico.dev/problems/validation_failed',
        title: 'Bad Request',
        status: 400,
        code: 'validation_failed',
        detail: 'The request is invalid.',
        requestId: 'req_fake',
        errors: [{ path: 'limit', message: 'Must be between 1 and 100.' }],
      },
      400,
      'application/problem+json',
    )
  }
  const status = query.get('status')
  const from = query.get('issuedFrom')
  const to = query.get('issuedTo')
  const matching = invoices.filter(
    (invoice) =>
      (!status || invoice.status === status) &&
      (!from || invoice.issueDate >= from) &&
      (!to || invoice.issueDate <= to),
  )
  const cursor = query.get('cursor')
  const offset = cursor ? decodeCursor(cursor) : 0
  const data = matching.slice(offset, offset + limit)
  const nextCursor = offset + limit < matching.length ? encodeCursor(offset + limit) : null
  return json({ data, nextCursor })
}

/** A `fetch` that plays the Portico API for one scenario. */
export function fakePorticoFetch(scenario: FakeScenario): (request: Request) => Promise<Response> {
  return async function fakePortico(request) {
    const url = new URL(request.url)
    if (scenario.kind === 'pending') {
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      )
    }
    await delay(scenario.latencyMs ?? 250, request.signal)
    if (scenario.kind === 'problem') {
      const status = scenario.status
      return json(
        { ...problems[status], status, requestId: 'req_01jd4h7c2m8x3v9q5t6w2n4k8r' },
        status,
        'application/problem+json',
      )
    }
    if (request.method === 'GET' && url.pathname === '/v1/invoices') {
      return listInvoices(url, scenario.invoices)
    }
    return json(
      {
        type: 'https://portico.dev/problems/not_found',
        title: 'Not Found',
        status: 404,
        code: 'not_found',
        detail: `${request.method} ${url.pathname} is not part of the fake API.`,
        requestId: 'req_fake',
      },
      404,
      'application/problem+json',
    )
  }
}

/** An SDK client whose requests the fake answers. */
export function fakePortalClient(scenario: FakeScenario): PortalClient {
  return createPortalClient({
    baseUrl: 'https://portal.example.test',
    token: 'pes_storybook_fake_secret',
    credentials: 'omit',
    retry: { retries: 0 },
    fetch: fakePorticoFetch(scenario),
  })
}
