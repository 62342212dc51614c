/**
 * The billing half of the fake Portico API: invoices with their lines,
 * payments with their allocations, documents attached to invoices, signed
 * download links — and the rules `POST /v1/payments` enforces (a payable
 * invoice, at most its balance, one currency, the `Idempotency-Key` replay),
 * answering with the API's own problem+json shapes. A fake provider can
 * settle a pending payment after a while, as its webhook would.
 */
import type { Schemas } from '@portico/sdk'
import { fakeInvoices, json, page, problem, type FakeAccount } from './fake-portico-api.js'

type Invoice = Schemas['Invoice']
type InvoiceSummary = Schemas['InvoiceSummary']
type Payment = Schemas['Payment']
type PaymentStatus = Schemas['PaymentStatus']
type PortalDocument = Schemas['Document']

/** What a story's billing API holds; the routes change it as a person pays. */
export interface FakeBillingState {
  account: FakeAccount
  invoices: Invoice[]
  payments: Payment[]
  documents: PortalDocument[]
  permissions: string[]
  /** The provider's webhook: a pending payment becomes `status` `afterMs` after it opened. */
  settle?: { afterMs: number; status: Exclude<PaymentStatus, 'pending'> }
  /** `POST /v1/payments` answers with this problem instead (a balance changed meanwhile …). */
  refusePayments?: { status: number; code: string; detail: string; fieldMessage?: string }
}

/** What accounts payable may do, as the API's roles have it. */
export const accountsPayablePermissions = [
  'profile:read',
  'invoices:read',
  'catalog:read',
  'credit:read',
  'orders:read',
  'events:read',
  'documents:read',
  'contracts:read',
  'notifications:read',
  'payments:read',
  'payments:write',
]

const lineSeeds: Record<string, Array<[string, string]>> = {
  USD: [
    ['Laser cutting, per machine hour', 'LSR-CUT'],
    ['Aluminum 6061 bar, 1 in × 12 ft', 'AL-6061-BR'],
    ['ER70S-6 welding wire, 33 lb spool', 'WLD-ER70'],
  ],
  EUR: [
    ['Hydraulikpumpe HP-200', 'HP-200'],
    ['Dichtungssatz DS-40', 'DS-40'],
    ['Montage vor Ort, Stunde', 'SRV-MONT'],
  ],
  IDR: [
    ['Polipropilena homopolimer, sak 25 kg', 'PP-HOMO-25'],
    ['Masterbatch putih, sak 20 kg', 'MB-WHT-20'],
    ['Ongkos kirim Jakarta–Surabaya', 'FRT-JKT-SBY'],
  ],
}

/** An invoice with lines that add up to its subtotal, taxed at the account's rate. */
export function withLines(summary: InvoiceSummary, account: FakeAccount): Invoice {
  const seeds = lineSeeds[account.currency] ?? lineSeeds.USD!
  const shares = [0.5, 0.3]
  let left = summary.subtotal
  const lines = seeds.map(([description, sku], index) => {
    const amount =
      index === seeds.length - 1
        ? left
        : Math.round((summary.subtotal * shares[index]!) / 100) * 100
    left -= amount
    const quantity = [10, 4, 1][index]!
    return {
      id: `${summary.id}_l${index}`,
      description,
      sku,
      quantity,
      unitPrice: Math.round(amount / quantity),
      taxRate: account.taxRate,
      amount,
    }
  })
  return { ...summary, lines }
}

/** A succeeded payment of `amount` on one invoice, `daysAgo` days back. */
export function fakePayment(
  invoice: InvoiceSummary,
  amount: number,
  daysAgo: number,
  status: PaymentStatus = 'succeeded',
): Payment {
  const at = new Date(Date.parse('2026-11-20T10:00:00Z') - daysAgo * 86_400_000).toISOString()
  return {
    id: `pay_fake${invoice.id.slice(-6)}${daysAgo}`,
    status,
    provider: 'sandbox',
    currency: invoice.currency,
    amount,
    unappliedAmount: 0,
    allocations: [{ invoiceId: invoice.id, invoiceNumber: invoice.number, amount }],
    method: status === 'succeeded' ? 'sandbox' : null,
    redirectUrl: status === 'pending' ? '#sandbox-checkout' : null,
    providerToken: null,
    failureReason: status === 'failed' ? 'payment.failed' : null,
    createdAt: at,
    expiresAt: new Date(Date.parse(at) + 30 * 60_000).toISOString(),
    succeededAt: status === 'succeeded' ? at : null,
  }
}

/** The documents the ERP attached to an invoice: its tax invoice and a delivery order. */
export function fakeDocuments(invoice: InvoiceSummary): PortalDocument[] {
  const base = {
    sizeBytes: 48_213,
    sha256: 'a3f1c0ffee'.padEnd(64, '0'),
    orderId: null,
    orderNumber: null,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    contractId: null,
    contractNumber: null,
    documentDate: invoice.issueDate,
    createdAt: `${invoice.issueDate}T08:00:00Z`,
  }
  return [
    {
      ...base,
      id: `doc_${invoice.id}_tax`,
      type: 'tax_invoice',
      title: `Tax invoice ${invoice.number}`,
      fileName: `TAX-${invoice.number}.pdf`,
      contentType: 'application/pdf',
    },
    {
      ...base,
      id: `doc_${invoice.id}_do`,
      type: 'delivery_order',
      title: `Delivery order for ${invoice.number}`,
      fileName: `DO-${invoice.number}.pdf`,
      contentType: 'application/pdf',
    },
  ]
}

/** An accounts-payable clerk's billing state for `account`; `changes` tailors it. */
export function fakeBillingState(
  account: FakeAccount,
  changes: (state: FakeBillingState) => Partial<FakeBillingState> = () => ({}),
): FakeBillingState {
  const invoices = fakeInvoices(account, 24).map((summary) => withLines(summary, account))
  const state: FakeBillingState = {
    account,
    invoices,
    payments: [],
    documents: [],
    permissions: accountsPayablePermissions,
  }
  return { ...state, ...changes(state) }
}

const payable = new Set(['open', 'partially_paid', 'overdue'])

/** A pending payment the fake provider has settled by now; applied as the webhook would. */
function settle(state: FakeBillingState, payment: Payment): Payment {
  const rule = state.settle
  if (payment.status !== 'pending' || !rule) return payment
  if (Date.now() - Date.parse(payment.createdAt) < rule.afterMs) return payment
  const settled: Payment = {
    ...payment,
    status: rule.status,
    redirectUrl: null,
    method: rule.status === 'succeeded' ? 'sandbox' : null,
    succeededAt: rule.status === 'succeeded' ? new Date().toISOString() : null,
  }
  if (rule.status === 'succeeded') {
    for (const allocation of payment.allocations) {
      const index = state.invoices.findIndex((i) => i.id === allocation.invoiceId)
      const invoice = state.invoices[index]!
      const amountPaid = invoice.amountPaid + allocation.amount
      const amountDue = invoice.total - amountPaid
      state.invoices[index] = {
        ...invoice,
        amountPaid,
        amountDue,
        status:
          amountDue === 0 ? 'paid' : invoice.status === 'open' ? 'partially_paid' : invoice.status,
      }
    }
  }
  state.payments = state.payments.map((p) => (p.id === payment.id ? settled : p))
  return settled
}

/** `POST /v1/payments`, with the API's rules and its idempotency replay. */
async function createPayment(
  request: Request,
  state: FakeBillingState,
  replays: Map<string, Response>,
): Promise<Response> {
  const key = request.headers.get('idempotency-key') ?? ''
  const replay = replays.get(key)
  if (replay) return replay.clone()
  const body = (await request.json()) as Schemas['CreatePaymentRequest']
  const answer = (() => {
    if (state.refusePayments) {
      const { status, code, detail, fieldMessage } = state.refusePayments
      const errors = fieldMessage
        ? [{ field: 'body.allocations.0.amount', message: fieldMessage, code }]
        : undefined
      return problem(status, code, detail, errors ? { errors } : {})
    }
    const invoices = body.allocations.map((a) => state.invoices.find((i) => i.id === a.invoiceId))
    if (invoices.some((i) => !i)) return problem(404, 'not_found', 'No such invoice.')
    if (invoices.some((i) => !payable.has(i!.status)))
      return problem(422, 'invoice_not_payable', 'Some invoices cannot be paid.')
    if (new Set(invoices.map((i) => i!.currency)).size > 1)
      return problem(422, 'mixed_currencies', 'One payment pays invoices of one currency.')
    const errors = body.allocations.flatMap((a, index) =>
      a.amount > invoices[index]!.amountDue
        ? [
            {
              field: `body.allocations.${index}.amount`,
              message: `At most the open balance of ${invoices[index]!.number} can be paid`,
              code: 'amount_exceeds_balance',
            },
          ]
        : [],
    )
    if (errors.length)
      return problem(422, 'amount_exceeds_balance', 'Some amounts exceed what is open.', { errors })
    const now = new Date()
    const payment: Payment = {
      id: `pay_fakenew${String(state.payments.length + 1).padStart(4, '0')}`,
      status: 'pending',
      provider: 'sandbox',
      currency: invoices[0]!.currency,
      amount: body.allocations.reduce((sum, a) => sum + a.amount, 0),
      unappliedAmount: 0,
      allocations: body.allocations.map((a, index) => ({
        invoiceId: a.invoiceId,
        invoiceNumber: invoices[index]!.number,
        amount: a.amount,
      })),
      method: null,
      redirectUrl: `https://portal.example.test/sandbox/pay/fake?return=${encodeURIComponent(body.returnUrl)}`,
      providerToken: null,
      failureReason: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
      succeededAt: null,
    }
    state.payments.unshift(payment)
    return json(payment, 201)
  })()
  if (answer.status < 500) replays.set(key, answer.clone())
  return answer
}

const deny = (state: FakeBillingState, permission: string) =>
  state.permissions.includes(permission)
    ? undefined
    : problem(403, 'forbidden', `This action needs the ${permission} permission.`)

const downloadLink = () =>
  json(
    {
      url: '/v1/downloads/fake-signed-link',
      expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    },
    201,
  )

/** A fake stream that stays open and quiet: outcomes arrive by polling in the stories. */
function quietStream(request: Request): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(': connected\n\n'))
      request.signal.addEventListener('abort', () => {
        try {
          controller.close()
        } catch {
          // already closed
        }
      })
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
}

/** The billing routes over `state`; `undefined` for any other. */
export async function answerBilling(
  request: Request,
  url: URL,
  state: FakeBillingState,
  replays: Map<string, Response>,
): Promise<Response | undefined> {
  const path = url.pathname
  const method = request.method
  if (method === 'GET' && path === '/v1/me') {
    return json({
      user: {
        id: 'user_fake',
        email: 'ap@example.com',
        name: 'Riley Chen',
        role: 'accounts_payable',
      },
      account: {
        id: 'acct_fake',
        name: state.account.name,
        currency: state.account.currency,
        locale: 'en',
      },
      permissions: state.permissions,
      authenticatedVia: 'embed',
    })
  }
  if (method === 'GET' && path === '/v1/invoices') {
    const status = url.searchParams.get('status')
    const summaries = state.invoices
      .filter((invoice) => !status || invoice.status === status)
      .map(({ lines: _lines, ...summary }) => summary)
    return deny(state, 'invoices:read') ?? json(page(url, summaries))
  }
  const invoice = /^\/v1\/invoices\/([^/]+)(\/download-link)?$/.exec(path)
  if (invoice) {
    const denied = deny(state, 'invoices:read')
    if (denied) return denied
    const found = state.invoices.find((i) => i.id === invoice[1])
    if (!found) return problem(404, 'not_found', 'No such invoice.')
    if (method === 'GET' && !invoice[2]) return json(found)
    if (method === 'POST' && invoice[2]) return downloadLink()
  }
  if (method === 'GET' && path === '/v1/payments') {
    const denied = deny(state, 'payments:read')
    if (denied) return denied
    const invoiceId = url.searchParams.get('invoiceId')
    const status = url.searchParams.get('status')
    const matching = state.payments
      .map((payment) => settle(state, payment))
      .filter(
        (p) =>
          (!invoiceId || p.allocations.some((a) => a.invoiceId === invoiceId)) &&
          (!status || p.status === status),
      )
    return json(page(url, matching))
  }
  if (method === 'POST' && path === '/v1/payments') {
    return deny(state, 'payments:write') ?? createPayment(request, state, replays)
  }
  const payment = /^\/v1\/payments\/([^/]+)$/.exec(path)
  if (method === 'GET' && payment) {
    const denied = deny(state, 'payments:read')
    if (denied) return denied
    const found = state.payments.find((p) => p.id === payment[1])
    return found ? json(settle(state, found)) : problem(404, 'not_found', 'No such payment.')
  }
  if (method === 'GET' && path === '/v1/documents') {
    const denied = deny(state, 'documents:read')
    if (denied) return denied
    const invoiceId = url.searchParams.get('invoiceId')
    return json(
      page(
        url,
        state.documents.filter((d) => !invoiceId || d.invoiceId === invoiceId),
      ),
    )
  }
  if (method === 'POST' && /^\/v1\/documents\/[^/]+\/download-link$/.test(path)) {
    return deny(state, 'documents:read') ?? downloadLink()
  }
  if (method === 'GET' && path === '/v1/events/stream') {
    return deny(state, 'events:read') ?? quietStream(request)
  }
  return undefined
}
