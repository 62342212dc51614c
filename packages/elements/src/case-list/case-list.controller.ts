import type { PortalEvent } from '@portico/sdk'
import type { ReactiveControllerHost } from 'lit'
import { CursorListController } from '../list/cursor-list.controller.js'
import type {
  CaseCategory,
  CasePage,
  CaseStatus,
  CaseSummary,
  PortalClient,
  SupportCase,
} from '../portal-client.js'

export type CaseStatusFilter = CaseStatus | 'all'
export type CaseCategoryFilter = CaseCategory | 'all'

export const caseStatusFilters: readonly CaseStatusFilter[] = Object.freeze([
  'all',
  'new',
  'open',
  'waiting_on_customer',
  'resolved',
  'closed',
])

export const caseCategoryFilters: readonly CaseCategoryFilter[] = Object.freeze([
  'all',
  'question',
  'delivery',
  'quality',
  'warranty',
  'billing',
  'maintenance',
])

/** What the case list asks the API for. */
export interface CaseListQuery {
  status: CaseStatusFilter
  category: CaseCategoryFilter
  /** Only the cases about this order / invoice. */
  orderId: string | undefined
  invoiceId: string | undefined
  pageSize: number
}

export interface CaseListControllerOptions extends Partial<CaseListQuery> {
  client?: PortalClient | undefined
}

/**
 * The data logic of `<portico-case-list>`: pages through `GET /v1/cases`
 * (newest first) with a cursor and filters, and keeps rows current —
 * {@link applyEvent} takes `case.*` events and refetches only the case an
 * event is about (a new one goes on top when it matches the filters).
 */
export class CaseListController extends CursorListController<CaseSummary, CaseListQuery, CasePage> {
  constructor(host: ReactiveControllerHost, options: CaseListControllerOptions = {}) {
    const { client, ...query } = options
    super(host, client, {
      status: 'all',
      category: 'all',
      orderId: undefined,
      invoiceId: undefined,
      pageSize: 20,
      ...query,
    })
  }

  /** Whether a case matches the filters in force. */
  matches(summary: CaseSummary): boolean {
    const { status, category, orderId, invoiceId } = this.query
    return (
      (status === 'all' || summary.status === status) &&
      (category === 'all' || summary.category === category) &&
      (!orderId || summary.related.orderId === orderId) &&
      (!invoiceId || summary.related.invoiceId === invoiceId)
    )
  }

  /** Refetches the case an event is about and puts its row in place. Resolves with it, if shown. */
  async applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): Promise<CaseSummary | null> {
    const client = this.client
    const id = event.subjectId
    if (!client || !id || !event.type.startsWith('case.')) return null
    if (this.state !== 'ready' && this.state !== 'empty') return null
    const shown = this.items.some((c) => c.id === id)
    if (!shown && event.type !== 'case.created') return null
    let found: SupportCase | undefined
    try {
      ;({ data: found } = await client.GET('/v1/cases/{id}', { params: { path: { id } } }))
    } catch {
      return null // the next event or reload will catch up
    }
    if (!found) return null
    const summary = toSummary(found)
    const matches = this.matches(summary)
    if (this.items.some((c) => c.id === id)) {
      this.items = matches
        ? this.items.map((c) => (c.id === id ? summary : c))
        : this.items.filter((c) => c.id !== id)
    } else if (matches) {
      this.items = [summary, ...this.items]
    } else return null
    this.state = this.items.length ? 'ready' : 'empty'
    this.host.requestUpdate()
    return summary
  }

  protected fetchPage(
    client: PortalClient,
    { status, category, orderId, invoiceId, pageSize }: Readonly<CaseListQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/cases', {
      params: {
        query: {
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
          ...(status !== 'all' ? { status } : {}),
          ...(category !== 'all' ? { category } : {}),
          ...(orderId ? { orderId } : {}),
          ...(invoiceId ? { invoiceId } : {}),
        },
      },
      signal,
    })
  }
}

/** The summary fields of a full case: what a list row holds. */
function toSummary(full: SupportCase): CaseSummary {
  const {
    description: _description,
    details: _details,
    createdBy: _createdBy,
    resolvedAt: _resolvedAt,
    closedAt: _closedAt,
    comments: _comments,
    attachments: _attachments,
    ...summary
  } = full
  return summary
}
