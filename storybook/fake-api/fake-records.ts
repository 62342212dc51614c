/**
 * The records half of the fake Portico API: the account's documents (with
 * the real API's filters — type, order, invoice, contract — and its `q`
 * search over titles and file names), signed download links, and contracts
 * renewing at the distances the reminders care about (within 7, 30, 60 days
 * and later). Answers with the API's own JSON and problem+json shapes.
 */
import type { Schemas } from '@portico/sdk'
import { json, page, problem, type FakeAccount } from './fake-portico-api.js'

type PortalDocument = Schemas['Document']
type Contract = Omit<Schemas['Contract'], 'document'> & { document: PortalDocument | null }

/** What a story's records API holds. */
export interface FakeRecordsState {
  account: FakeAccount
  documents: PortalDocument[]
  contracts: Contract[]
  permissions: string[]
  /** `POST /v1/documents/{id}/download-link` answers this status instead (a download that fails). */
  refuseDownloads?: 403 | 404 | 500
  /** `POST /v1/documents/{id}/download-link` never answers: a link being minted. */
  holdDownloads?: boolean
}

const DAY_MS = 86_400_000

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function document(
  id: string,
  type: PortalDocument['type'],
  title: string,
  fileName: string,
  date: Date,
  related: Partial<
    Pick<
      PortalDocument,
      'orderId' | 'orderNumber' | 'invoiceId' | 'invoiceNumber' | 'contractId' | 'contractNumber'
    >
  > = {},
): PortalDocument {
  return {
    id,
    type,
    title,
    fileName,
    contentType: fileName.endsWith('.xml') ? 'application/xml' : 'application/pdf',
    sizeBytes: 18_000 + ((id.length * 7919) % 240_000),
    sha256: 'b4d2c0ffee'.padEnd(64, '0'),
    orderId: null,
    orderNumber: null,
    invoiceId: null,
    invoiceNumber: null,
    contractId: null,
    contractNumber: null,
    documentDate: isoDate(date),
    createdAt: `${isoDate(date)}T08:00:00Z`,
    ...related,
  }
}

/**
 * `count` documents, newest first, a few days apart: a delivery order per
 * order, a certificate of analysis for some, a tax invoice per invoice, and
 * the contracts'.
 */
export function fakeRecordDocuments(count: number, today = new Date()): PortalDocument[] {
  const documents: PortalDocument[] = []
  for (let i = 0; i < count; i++) {
    const date = new Date(today.getTime() - (i * 3 + 1) * DAY_MS)
    const n = String(240 - i).padStart(5, '0')
    const orderId = `ord_fake${n}`
    const orderNumber = `ORD-2026-${n}`
    const kind = i % 4
    if (kind === 0 || kind === 1)
      documents.push(
        document(
          `doc_do${n}`,
          'delivery_order',
          `Delivery order DO-2026-${n}`,
          `DO-2026-${n}.pdf`,
          date,
          { orderId, orderNumber },
        ),
      )
    else if (kind === 2)
      documents.push(
        document(
          `doc_coa${n}`,
          'certificate_of_analysis',
          `Certificate of analysis, batch B26${n}`,
          `CoA-B26${n}.pdf`,
          date,
          { orderId, orderNumber },
        ),
      )
    else
      documents.push(
        document(
          `doc_tax${n}`,
          'tax_invoice',
          `Tax invoice 010.000-26.${n}`,
          `FP-010.000-26.${n}.xml`,
          date,
          { invoiceId: `inv_fake${n}`, invoiceNumber: `INV-2026-${n}` },
        ),
      )
  }
  return documents
}

/**
 * The account's contracts, soonest renewal first: one within a week, one
 * within 30 days, one within 60, one later — and one that has expired.
 */
export function fakeContracts(account: FakeAccount, today = new Date()): Contract[] {
  const day = (offset: number) => isoDate(new Date(today.getTime() + offset * DAY_MS))
  const price = (euros: number) => Math.round((euros * account.typicalTotal) / 1_240_000) * 100
  const make = (
    n: number,
    title: string,
    renewsIn: number,
    options: Partial<Contract> = {},
  ): Contract => {
    const items = [
      {
        id: `ci_${n}_1`,
        sku: 'SVC-PM-Q',
        description: 'Preventive maintenance visit',
        quantity: 2,
        unit: 'visit',
        unitPrice: price(680),
        amount: 2 * price(680),
      },
      {
        id: `ci_${n}_2`,
        sku: null,
        description: 'Technical hotline, 8/5',
        quantity: 1,
        unit: 'quarter',
        unitPrice: price(240),
        amount: price(240),
      },
    ]
    const number = `SVC-2026-${String(n).padStart(4, '0')}`
    const id = `ctr_fake${n}`
    return {
      id,
      number,
      title,
      status: 'active',
      currency: account.currency,
      billingPeriod: 'quarterly',
      termStart: day(renewsIn - 365),
      termEnd: day(renewsIn - 1),
      renewalDate: day(renewsIn),
      autoRenew: true,
      noticePeriodDays: 30,
      noticeDeadline: day(renewsIn - 30),
      periodTotal: items.reduce((sum, item) => sum + item.amount, 0),
      items,
      document: document(
        `doc_ctr${n}`,
        'contract',
        `Contract ${number}`,
        `${number}.pdf`,
        new Date(today.getTime() + (renewsIn - 365) * DAY_MS),
        { contractId: id, contractNumber: number },
      ),
      ...options,
    }
  }
  return [
    make(7, 'Press line maintenance', 5),
    make(8, 'Preventive maintenance and spare-parts service', 24),
    make(9, 'Framework supply agreement with consignment stock', 52, {
      autoRenew: false,
      billingPeriod: 'monthly',
    }),
    make(10, 'Calibration service', 140, { billingPeriod: 'annual' }),
    make(6, 'Tooling lease', -20, { status: 'expired', document: null }),
  ]
}

/** `GET /v1/documents`, `POST /v1/documents/{id}/download-link` and `GET /v1/contracts`. */
export async function answerRecords(
  request: Request,
  url: URL,
  state: FakeRecordsState,
): Promise<Response | undefined> {
  const { method } = request
  const path = url.pathname
  const deny = (permission: string) =>
    state.permissions.includes(permission)
      ? undefined
      : problem(403, 'forbidden', `This action needs the ${permission} permission.`)
  if (method === 'GET' && path === '/v1/documents') {
    const denied = deny('documents:read')
    if (denied) return denied
    const query = url.searchParams
    const q = query.get('q')?.trim().toLowerCase()
    const matching = state.documents.filter(
      (d) =>
        (!query.get('type') || d.type === query.get('type')) &&
        (!query.get('orderId') || d.orderId === query.get('orderId')) &&
        (!query.get('invoiceId') || d.invoiceId === query.get('invoiceId')) &&
        (!query.get('contractId') || d.contractId === query.get('contractId')) &&
        (!q || d.title.toLowerCase().includes(q) || d.fileName.toLowerCase().includes(q)),
    )
    return json(page(url, matching))
  }
  if (method === 'POST' && /^\/v1\/documents\/[^/]+\/download-link$/.test(path)) {
    const denied = deny('documents:read')
    if (denied) return denied
    if (state.holdDownloads) return new Promise<Response>(() => {})
    if (state.refuseDownloads === 404) return problem(404, 'not_found', 'No such document.')
    if (state.refuseDownloads)
      return problem(state.refuseDownloads, 'forbidden', 'You may not download this document.')
    // The fake link leads nowhere real: stories cancel the navigation and log it.
    return json({
      url: `/v1/downloads/fake.${path.split('/')[3]}`,
      expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    })
  }
  if (method === 'GET' && path === '/v1/contracts') {
    const status = url.searchParams.get('status')
    return (
      deny('contracts:read') ??
      json(
        page(
          url,
          state.contracts.filter((c) => !status || c.status === status),
        ),
      )
    )
  }
  return undefined
}
