/**
 * A fake Portico API for stories: a `fetch` that answers the routes the
 * elements call — `GET /v1/invoices`, through ./fake-ordering.ts the
 * catalog, credit, orders and the event stream, through ./fake-billing.ts
 * invoices, payments and documents, through ./fake-records.ts the document
 * center's documents and the contracts — exactly as the real API
 * does: the same JSON shapes, cursor paging, filters, RFC 9457 problem+json
 * errors. It is handed to the real `createPortalClient()`, so stories
 * exercise the same client code as production, without a server.
 */
import { createPortalClient, type PortalClient, type Schemas } from '@portico/sdk'
import { answerBilling, type FakeBillingState } from './fake-billing.js'
import { answerActivity, type FakeActivityState } from './fake-activity.js'
import { answerCases, type FakeCasesState } from './fake-cases.js'
import { erpSteps, type FakeOrderingState } from './fake-ordering.js'
import { answerRecords, type FakeRecordsState } from './fake-records.js'

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
 * from `today`: recent ones open (a few partly paid), older unpaid ones overdue, most paid, a few void.
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
    const rolled: InvoiceStatus =
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
      rolled === 'paid' ? total : rolled === 'void' ? 0 : roll > 0.9 ? Math.round(total / 2) : 0
    // The API's rule: an open invoice not yet due with something paid is partially paid.
    const status: InvoiceStatus = rolled === 'open' && amountPaid > 0 ? 'partially_paid' : rolled
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
  /**
   * The whole portal: invoices, and the ordering routes over `ordering`
   * (which `POST /v1/orders` and cancel change). With `live`, a fake ERP
   * moves that order on every `stepMs` and streams each step as an event.
   */
  | {
      kind: 'portal'
      ordering: FakeOrderingState
      invoices?: InvoiceSummary[]
      latencyMs?: number
      live?: { orderId: string; stepMs: number }
    }
  /**
   * Billing: invoices with lines, payments (which `POST /v1/payments`
   * opens and the fake provider may settle), documents and download links.
   */
  | { kind: 'billing'; billing: FakeBillingState; latencyMs?: number }
  /** Records: the account's documents (filtered, searched, downloaded) and contracts. */
  | { kind: 'records'; records: FakeRecordsState; latencyMs?: number }
  /** Support cases: raising, replying, closing and reopening change `cases`. */
  | { kind: 'cases'; cases: FakeCasesState; latencyMs?: number }
  /** The account's activity feed. */
  | { kind: 'activity'; activity: FakeActivityState; latencyMs?: number }

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

export function json(body: unknown, status = 200, type = 'application/json'): Response {
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

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Response {
  const title =
    {
      400: 'Bad Request',
      403: 'Forbidden',
      404: 'Not Found',
      409: 'Conflict',
      422: 'Unprocessable Content',
    }[status] ?? 'Error'
  return json(
    {
      type: `https://portico.dev/problems/${code}`,
      title,
      status,
      code,
      detail,
      requestId: 'req_fake',
      ...extra,
    },
    status,
    'application/problem+json',
  )
}

/** One page of `items` from the offset in `cursor`. */
export function page<T>(url: URL, items: T[]): { data: T[]; nextCursor: string | null } {
  const limit = Number(url.searchParams.get('limit') ?? 20)
  const cursor = url.searchParams.get('cursor')
  const offset = cursor ? decodeCursor(cursor) : 0
  return {
    data: items.slice(offset, offset + limit),
    nextCursor: offset + limit < items.length ? encodeCursor(offset + limit) : null,
  }
}

const require = (state: FakeOrderingState, permission: string) =>
  state.permissions.includes(permission)
    ? undefined
    : problem(403, 'forbidden', `This action needs the ${permission} permission.`)

type FieldError = { field: string; message: string; code: string }

/**
 * The details of `POST /v1/orders` as the API's schema and service check
 * them: PO number (trimmed, ≤ 50), note (≤ 2000), a delivery address with
 * every field but `line2` (trimmed, within its length) and an ISO country
 * code, and a requested date not passed everywhere (before today in UTC−12).
 */
function detailErrors(body: Schemas['PlaceOrderRequest'], now: Date): FieldError[] {
  const errors: FieldError[] = []
  const tooLong = (field: string, value: string | undefined, max: number, min = 0) => {
    const length = value?.trim().length ?? min
    if (length > max) errors.push({ field, message: `At most ${max} characters`, code: 'too_big' })
    else if (length < min) errors.push({ field, message: 'Required', code: 'too_small' })
  }
  if (body.poNumber !== undefined) tooLong('body.poNumber', body.poNumber, 50, 1)
  tooLong('body.note', body.note, 2000)
  const address = body.deliveryAddress
  if (address) {
    const limits = { name: 200, line1: 200, line2: 200, postalCode: 20, city: 100 } as const
    for (const [name, max] of Object.entries(limits) as Array<[keyof typeof limits, number]>)
      tooLong(`body.deliveryAddress.${name}`, address[name], max, name === 'line2' ? 0 : 1)
    if (!/^[A-Z]{2}$/.test(address.country))
      errors.push({
        field: 'body.deliveryAddress.country',
        message: 'ISO 3166-1 alpha-2 code',
        code: 'invalid_format',
      })
  }
  const earliest = isoDate(new Date(now.getTime() - 12 * 3_600_000))
  if (body.requestedDate && body.requestedDate < earliest)
    errors.push({
      field: 'body.requestedDate',
      message: `The requested delivery date has passed; the earliest is ${earliest}`,
      code: 'date_in_past',
    })
  return errors
}

/** `POST /v1/orders`, with the API's rules: details, role, lines, hold, tax and credit. */
async function placeOrder(request: Request, state: FakeOrderingState): Promise<Response> {
  const body = (await request.json()) as Schemas['PlaceOrderRequest']
  const invalid = detailErrors(body, new Date())
  if (invalid.length)
    return problem(400, 'validation_failed', 'The request is invalid.', { errors: invalid })
  if (state.refuseOrders) {
    const { status, code, detail, errors } = state.refuseOrders
    return problem(status, code, detail, errors ? { errors } : {})
  }
  // Someone else's order, placed while this one was reviewed, takes its share first.
  if (state.spentMeanwhile) {
    const spent = state.spentMeanwhile
    state.spentMeanwhile = 0
    state.credit = {
      ...state.credit,
      uninvoicedOrders: state.credit.uninvoicedOrders + spent,
      outstanding: state.credit.outstanding + spent,
      available: Math.max(0, state.credit.available - spent),
    }
  }
  const errors: FieldError[] = []
  const lines = body.lines.map(({ productId, quantity }, index) => {
    const product = state.catalog.find((p) => p.id === productId)
    if (!product) {
      errors.push({
        field: `body.lines.${index}.productId`,
        message: 'This product is not on your price list',
        code: 'product_not_orderable',
      })
      return undefined
    }
    if (quantity < product.minOrderQuantity)
      errors.push({
        field: `body.lines.${index}.quantity`,
        message: `The minimum order quantity is ${product.minOrderQuantity} ${product.unit}`,
        code: 'below_minimum_quantity',
      })
    else if (quantity % product.orderMultiple)
      errors.push({
        field: `body.lines.${index}.quantity`,
        message: `Order in multiples of ${product.orderMultiple} ${product.unit}`,
        code: 'not_order_multiple',
      })
    const unitPrice =
      [...product.priceBreaks].reverse().find((b) => b.minQuantity <= quantity)?.unitPrice ??
      product.unitPrice
    return { product, quantity, unitPrice }
  })
  if (errors.length)
    return problem(422, 'order_lines_invalid', 'Some lines cannot be ordered.', { errors })
  if (state.credit.onHold)
    return problem(
      422,
      'credit_hold',
      'Your account is on credit hold. Please contact your account manager.',
    )
  const priced = lines.filter((line) => line !== undefined)
  const subtotal = priced.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  // The account's rate, as GET /v1/credit tells it; rounded as api/src/lib/money.ts does.
  const taxRate = state.credit.taxRate
  const taxTotal = Math.round((subtotal * taxRate) / 10_000)
  const total = subtotal + taxTotal
  if (total > state.credit.available) {
    return problem(422, 'credit_limit_exceeded', 'The order total exceeds your available credit.', {
      available: state.credit.available,
      currency: state.credit.currency,
    })
  }
  const now = new Date().toISOString()
  const index = state.orders.length + 1
  const order: Schemas['Order'] = {
    id: `ord_fakenew${String(index).padStart(4, '0')}`,
    number: `ORD-2026-${String(500 + index).padStart(5, '0')}`,
    status: 'placed',
    currency: state.account.currency,
    subtotal,
    taxTotal,
    total,
    poNumber: body.poNumber ?? null,
    erpOrderNumber: null,
    requestedDate: body.requestedDate ?? null,
    placedAt: now,
    updatedAt: now,
    lineCount: priced.length,
    deliveryAddress: body.deliveryAddress
      ? (Object.fromEntries(
          Object.entries(body.deliveryAddress).map(([key, value]) => [key, value.trim()]),
        ) as Schemas['Address'])
      : null,
    note: body.note ?? null,
    statusReason: null,
    lines: priced.map(({ product, quantity, unitPrice }, n) => ({
      id: `ordl_fakenew${index}_${n}`,
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      quantity,
      shippedQuantity: 0,
      unitPrice,
      taxRate,
      amount: unitPrice * quantity,
    })),
    timeline: [
      {
        status: 'placed',
        occurredAt: now,
        source: 'portal',
        erpOrderNumber: null,
        reason: null,
        carrier: null,
        trackingNumber: null,
      },
    ],
    shipments: [],
  }
  state.orders.unshift(order)
  state.credit = {
    ...state.credit,
    uninvoicedOrders: state.credit.uninvoicedOrders + total,
    outstanding: state.credit.outstanding + total,
    available: state.credit.available - total,
  }
  return json(order, 201)
}

/**
 * `GET /v1/events/stream`: Server-Sent Events. With `live`, the fake ERP
 * applies its next step to the order every `stepMs` and sends it.
 */
function eventStream(
  request: Request,
  state: FakeOrderingState,
  live: { orderId: string; stepMs: number } | undefined,
): Response {
  const encoder = new TextEncoder()
  let timer: ReturnType<typeof setTimeout> | undefined
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(': connected\n\n'))
      request.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        try {
          controller.close()
        } catch {
          // already closed
        }
      })
      const order = live && state.orders.find((o) => o.id === live.orderId)
      if (!order) return
      const steps = erpSteps(order)
      let seq = Number(request.headers.get('last-event-id') ?? 0)
      const next = () => {
        const step = steps[seq]
        if (!step) return
        timer = setTimeout(() => {
          const index = state.orders.findIndex((o) => o.id === live.orderId)
          state.orders[index] = step.apply(state.orders[index]!)
          seq++
          const event = {
            id: `evt_fake${seq}`,
            type: step.type,
            subjectId: live.orderId,
            data: {},
            createdAt: new Date().toISOString(),
          }
          controller.enqueue(
            encoder.encode(`id: ${seq}\nevent: ${step.type}\ndata: ${JSON.stringify(event)}\n\n`),
          )
          next()
        }, live.stepMs)
      }
      next()
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
}

/** The ordering routes; `undefined` for any other. */
async function answerOrdering(
  request: Request,
  url: URL,
  scenario: Extract<FakeScenario, { kind: 'portal' }>,
): Promise<Response | undefined> {
  const state = scenario.ordering
  const path = url.pathname
  const method = request.method
  if (method === 'GET' && path === '/v1/me') {
    return json({
      user: { id: 'user_fake', email: 'buyer@example.com', name: 'Jordan Patel', role: 'buyer' },
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
  if (method === 'GET' && path === '/v1/catalog') {
    const denied = require(state, 'catalog:read')
    if (denied) return denied
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
    const matching = state.catalog.filter(
      (p) => !q || p.sku.toLowerCase().includes(q) || p.name.toLowerCase().includes(q),
    )
    return json({
      ...page(url, matching),
      priceList: {
        id: 'pl_fake',
        name: `${state.account.name} — contract 2026`,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      },
    })
  }
  if (method === 'GET' && path === '/v1/credit') {
    return require(state, 'credit:read') ?? json(state.credit)
  }
  if (method === 'POST' && path === '/v1/orders') {
    return require(state, 'orders:write') ?? placeOrder(request, state)
  }
  if (method === 'GET' && path === '/v1/orders') {
    const denied = require(state, 'orders:read')
    if (denied) return denied
    const status = url.searchParams.get('status')
    const matching = state.orders.filter((order) => !status || order.status === status)
    // A list row is the order's summary.
    const summaries = matching.map(
      ({
        lines: _l,
        timeline: _t,
        shipments: _s,
        deliveryAddress: _a,
        note: _n,
        statusReason: _r,
        ...summary
      }) => summary,
    )
    return json(page(url, summaries))
  }
  const one = /^\/v1\/orders\/([^/]+)(\/cancel)?$/.exec(path)
  if (one) {
    const denied = require(state, one[2] ? 'orders:write' : 'orders:read')
    if (denied) return denied
    const index = state.orders.findIndex((order) => order.id === one[1])
    const order = state.orders[index]
    if (!order) return problem(404, 'not_found', 'No such order.')
    if (method === 'GET' && !one[2]) return json(order)
    if (method === 'POST' && one[2]) {
      if (order.status !== 'placed')
        return problem(
          409,
          'order_not_cancellable',
          'The order has already been confirmed; contact your account manager to change it.',
        )
      const { reason } = (await request.json().catch(() => ({}))) as { reason?: string }
      const now = new Date().toISOString()
      const cancelled: Schemas['Order'] = {
        ...order,
        status: 'cancelled',
        statusReason: reason ?? null,
        updatedAt: now,
        timeline: [
          ...order.timeline,
          {
            status: 'cancelled',
            occurredAt: now,
            source: 'portal',
            erpOrderNumber: null,
            reason: reason ?? null,
            carrier: null,
            trackingNumber: null,
          },
        ],
      }
      state.orders[index] = cancelled
      return json(cancelled)
    }
  }
  if (method === 'GET' && path === '/v1/events/stream') {
    return require(state, 'events:read') ?? eventStream(request, state, scenario.live)
  }
  return undefined
}

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
  /** Answers stored by `Idempotency-Key`, replayed as the API does. */
  const replays = new Map<string, Response>()
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
    if (scenario.kind === 'portal') {
      const answer = await answerOrdering(request, url, scenario)
      if (answer) return answer
    }
    if (scenario.kind === 'billing') {
      const answer = await answerBilling(request, url, scenario.billing, replays)
      if (answer) return answer
    }
    if (scenario.kind === 'records') {
      const answer = await answerRecords(request, url, scenario.records)
      if (answer) return answer
    }
    if (scenario.kind === 'cases') {
      const answer = await answerCases(request, url, scenario.cases)
      if (answer) return answer
    }
    if (scenario.kind === 'activity' && request.method === 'GET') {
      const answer = answerActivity(url, scenario.activity)
      if (answer) return answer
    }
    if (request.method === 'GET' && url.pathname === '/v1/invoices') {
      return listInvoices(
        url,
        scenario.kind === 'invoices'
          ? scenario.invoices
          : scenario.kind === 'portal'
            ? (scenario.invoices ?? [])
            : [],
      )
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
