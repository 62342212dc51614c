/**
 * The cases routes of the fake API: a handful of support cases in one
 * account, which raising, replying, closing and reopening change. Uploads go
 * through XMLHttpRequest, which a fake `fetch` cannot answer: in stories a
 * chosen file shows its checks, and its upload fails.
 */
import type { Schemas } from '@portico/sdk'
import { json, page, problem } from './fake-portico-api.js'

type SupportCase = Schemas['Case']

export interface FakeCasesState {
  cases: SupportCase[]
  /** Without `cases:write`, the write routes answer 403. */
  permissions: string[]
}

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString()

let counter = 41

/** A case as the API returns it; `tailor` changes any field. */
export function fakeCase(tailor: Partial<SupportCase> = {}): SupportCase {
  counter += 1
  return {
    id: `case_fake${counter}`,
    number: `CS-2026-000${counter}`,
    subject: 'Pallet arrived damaged',
    category: 'delivery',
    priority: 'normal',
    status: 'new',
    related: { orderId: 'ord_fake1', invoiceId: null, productId: null, documentId: null },
    createdAt: hours(-3),
    updatedAt: hours(-3),
    firstResponseDueAt: hours(2),
    resolutionDueAt: hours(72),
    resolutionPausedAt: null,
    resolutionPausedSeconds: 0,
    firstRespondedAt: null,
    slaBreached: { firstResponse: false, resolution: false },
    syncStatus: 'synced',
    commentCount: 0,
    description: 'Two cartons were crushed on arrival; the goods inside are bent.',
    details: { deliveryNumber: 'DN-4471' },
    createdBy: { userId: 'usr_fake', name: 'Riley Chen' },
    resolvedAt: null,
    closedAt: null,
    comments: [],
    attachments: [],
    ...tailor,
  }
}

/** A conversation under way: a customer's note, an agent's answer, a photo. */
export function fakeConversation(): Partial<SupportCase> {
  const attachment = {
    id: 'catt_fake1',
    fileName: 'crushed-carton.jpg',
    contentType: 'image/jpeg',
    size: 482_113,
    createdAt: hours(-3),
    commentId: null,
  }
  return {
    status: 'open',
    firstRespondedAt: hours(-1),
    commentCount: 2,
    attachments: [attachment],
    comments: [
      {
        id: 'ccom_fake1',
        body: 'The driver noted the damage on the delivery note.',
        author: { kind: 'customer', name: 'Riley Chen' },
        createdAt: hours(-2),
        attachments: [],
      },
      {
        id: 'ccom_fake2',
        body: 'Thank you — we are sending replacements today and will collect the damaged cartons.',
        author: { kind: 'agent', name: 'Dewi (Support)' },
        createdAt: hours(-1),
        attachments: [],
      },
    ],
  }
}

export function fakeCasesState(cases: SupportCase[], permissions = ['cases:read', 'cases:write']) {
  return { cases, permissions } satisfies FakeCasesState
}

const summary = ({
  description: _d,
  details: _de,
  createdBy: _c,
  resolvedAt: _r,
  closedAt: _cl,
  comments: _co,
  attachments: _a,
  ...rest
}: SupportCase) => rest

/**
 * The resolution clock started again, as the API does it — roughly: the
 * fake moves the due time on by the wall-clock pause, not business hours.
 */
function resumed(c: SupportCase): Partial<SupportCase> {
  if (!c.resolutionPausedAt) return {}
  const pausedMs = Date.now() - Date.parse(c.resolutionPausedAt)
  return {
    resolutionPausedAt: null,
    resolutionPausedSeconds: c.resolutionPausedSeconds + Math.ceil(pausedMs / 1000),
    resolutionDueAt: c.resolutionDueAt
      ? new Date(Date.parse(c.resolutionDueAt) + pausedMs).toISOString()
      : null,
  }
}

/** The cases routes over `state`; `undefined` for any other. */
export async function answerCases(
  request: Request,
  url: URL,
  state: FakeCasesState,
): Promise<Response | undefined> {
  const path = url.pathname
  const method = request.method
  const writable = state.permissions.includes('cases:write')
  if (method === 'GET' && path === '/v1/cases') {
    const status = url.searchParams.get('status')
    const category = url.searchParams.get('category')
    const rows = state.cases.filter(
      (c) => (!status || c.status === status) && (!category || c.category === category),
    )
    return json(page(url, rows.map(summary)))
  }
  if (method === 'POST' && path === '/v1/cases') {
    if (!writable) return problem(403, 'forbidden', 'This action needs the cases:write permission.')
    const body = (await request.json()) as Schemas['CreateCaseRequest']
    const created = fakeCase({
      subject: body.subject,
      description: body.description,
      category: body.category,
      priority: body.priority ?? 'normal',
      details: body.details ?? {},
      related: {
        orderId: body.orderId ?? null,
        invoiceId: body.invoiceId ?? null,
        productId: null,
        documentId: null,
      },
      createdAt: hours(0),
      syncStatus: 'syncing',
    })
    state.cases.unshift(created)
    return json(created, 201)
  }
  const match =
    /^\/v1\/cases\/([^/]+)(?:\/(comments|close|reopen|attachments\/[^/]+\/download-link))?$/.exec(
      path,
    )
  if (!match) return undefined
  const found = state.cases.find((c) => c.id === decodeURIComponent(match[1]!))
  if (!found) return problem(404, 'not_found', 'No such case.')
  const action = match[2]
  if (method === 'GET' && !action) return json(found)
  if (method !== 'POST') return undefined
  if (action?.endsWith('download-link'))
    return json({ url: '/v1/files/fake-signed-link', expiresAt: hours(0.25) })
  if (!writable) return problem(403, 'forbidden', 'This action needs the cases:write permission.')
  if (action === 'comments') {
    if (found.status === 'closed') return problem(409, 'case_closed', 'The case is closed.')
    const { body } = (await request.json()) as { body: string }
    const comment = {
      id: `ccom_${Date.now()}`,
      body,
      author: { kind: 'customer' as const, name: 'Riley Chen' },
      createdAt: hours(0),
      attachments: [],
    }
    found.comments = [...found.comments, comment]
    found.commentCount += 1
    // The customer's reply hands the case back to support: its resolution clock runs again.
    if (found.status === 'waiting_on_customer')
      Object.assign(found, resumed(found), { status: 'open' })
    return json(comment, 201)
  }
  Object.assign(found, resumed(found))
  found.status = action === 'close' ? 'closed' : 'open'
  found.closedAt = action === 'close' ? hours(0) : null
  return json(found)
}
