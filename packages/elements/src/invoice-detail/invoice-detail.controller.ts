import type { PortalEvent } from '@portico/sdk'
import type { ReactiveControllerHost } from 'lit'
import type { Invoice, Payment, PortalClient, PortalDocument } from '../portal-client.js'
import { signedLink } from '../documents/signed-link.js'
import {
  ResourceController,
  type ResourceOutcome,
  type ResourceState,
} from '../detail/resource.controller.js'
import { settle, type RequestError } from '../request-error.js'

/** Where a shown invoice is in its life: see {@link ResourceState}. */
export type InvoiceDetailState = ResourceState

/**
 * How a section beside the invoice (its payments, its documents) loaded: a
 * credential may read invoices without `payments:read` or `documents:read`,
 * and the invoice still shows.
 */
export type SectionState = 'loading' | 'ready' | 'forbidden' | 'error'

/** A section's rows and how they loaded. */
export interface InvoiceSection<T> {
  state: SectionState
  items: T[]
}

/** The statuses an invoice may be paid in, with a balance left. */
const PAYABLE = new Set<Invoice['status']>(['open', 'partially_paid', 'overdue'])

/** True when the invoice can take a payment: open, partly paid or overdue, with a balance. */
export function isPayable(invoice: Pick<Invoice, 'status' | 'amountDue'>): boolean {
  return PAYABLE.has(invoice.status) && invoice.amountDue > 0
}

export interface InvoiceDetailControllerOptions {
  client?: PortalClient | undefined
  invoiceId?: string | undefined
  /** Told when an invoice has loaded (the first time, or another `invoiceId`): not on refreshes. */
  onLoad?: (invoice: Invoice) => void
  /** Told when a refresh finds the invoice in another status or with another balance. */
  onChange?: (invoice: Invoice, previous: Invoice) => void
}

/** Most history rows and documents shown: an invoice has a handful of each. */
const SECTION_LIMIT = 50

/**
 * The data logic of `<portico-invoice-detail>`: loads one invoice
 * (`GET /v1/invoices/{id}`), its payment history
 * (`GET /v1/payments?invoiceId=…`) and its documents
 * (`GET /v1/documents?invoiceId=…`); refreshes them in place when an account
 * event is about the invoice or a payment ({@link applyEvent}); and asks for
 * signed download links (`POST /v1/invoices/{id}/download-link` for the
 * invoice PDF, `POST /v1/documents/{id}/download-link` for a document).
 *
 * @example
 * ```ts
 * detail = new InvoiceDetailController(this, { client, invoiceId })
 * client.events.subscribe({ types: ['invoice.*', 'payment.*'] }, (e) => this.detail.applyEvent(e))
 * ```
 */
export class InvoiceDetailController extends ResourceController<Invoice> {
  /** Payments allocated to the invoice, newest first (pending, failed and succeeded alike). */
  payments: InvoiceSection<Payment> = { state: 'loading', items: [] }
  /** Documents attached to the invoice (tax invoice, delivery order …). */
  documents: InvoiceSection<PortalDocument> = { state: 'loading', items: [] }

  readonly #onLoad: InvoiceDetailControllerOptions['onLoad']
  readonly #onChange: InvoiceDetailControllerOptions['onChange']

  constructor(host: ReactiveControllerHost, options: InvoiceDetailControllerOptions = {}) {
    super(host, options.client, options.invoiceId)
    this.#onLoad = options.onLoad
    this.#onChange = options.onChange
  }

  /** The invoice, once loaded; replaced by every refresh. */
  get invoice(): Invoice | null {
    return this.resource
  }

  get invoiceId(): string | undefined {
    return this.resourceId
  }

  /** True while the invoice can take a payment (see {@link isPayable}). */
  get payable(): boolean {
    return this.invoice ? isPayable(this.invoice) : false
  }

  /** Follows another invoice and/or client; loads it when anything changed. */
  configure(options: Pick<InvoiceDetailControllerOptions, 'client' | 'invoiceId'>): Promise<void> {
    return this.follow({
      ...('client' in options && { client: options.client }),
      ...('invoiceId' in options && { id: options.invoiceId }),
    })
  }

  /**
   * Refreshes when an account event may change what is shown: an `invoice.*`
   * event about this invoice, or any `payment.*` event (a payment's events
   * name the payment, not its invoices; the history is small). Returns
   * whether it refreshed.
   */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    const aboutInvoice = event.type.startsWith('invoice.') && event.subjectId === this.invoiceId
    if (!aboutInvoice && !event.type.startsWith('payment.')) return false
    void this.refresh()
    return true
  }

  /**
   * A signed link to the invoice as a PDF — the ERP's, or one the API
   * renders. Resolves with an absolute URL valid for minutes, or a
   * {@link RequestError}.
   */
  invoicePdfLink(): Promise<{ url: string } | { error: RequestError }> {
    const client = this.client
    const id = this.invoiceId
    if (!client || !id) return Promise.resolve({ error: { status: 0 } })
    return signedLink(() =>
      client.POST('/v1/invoices/{id}/download-link', { params: { path: { id } } }),
    )
  }

  /** A signed link to one of the invoice's documents (see {@link invoicePdfLink}). */
  documentLink(documentId: string): Promise<{ url: string } | { error: RequestError }> {
    const client = this.client
    if (!client) return Promise.resolve({ error: { status: 0 } })
    return signedLink(() =>
      client.POST('/v1/documents/{id}/download-link', { params: { path: { id: documentId } } }),
    )
  }

  /** The invoice, with its payment history and documents beside it on the same signal. */
  protected async fetchResource(
    client: PortalClient,
    id: string,
    signal: AbortSignal,
    refreshing: boolean,
  ): Promise<ResourceOutcome<Invoice>> {
    if (!refreshing) {
      this.payments = { state: 'loading', items: [] }
      this.documents = { state: 'loading', items: [] }
    }
    const query = { invoiceId: id, limit: SECTION_LIMIT }
    const [invoice, payments, documents] = await Promise.all([
      settle(() => client.GET('/v1/invoices/{id}', { params: { path: { id } }, signal })),
      settle(() => client.GET('/v1/payments', { params: { query }, signal })),
      settle(() => client.GET('/v1/documents', { params: { query }, signal })),
    ])
    if (signal.aborted || 'error' in invoice) return invoice
    const section = <T>(
      outcome: ResourceOutcome<{ data: T[] }>,
      previous: InvoiceSection<T>,
    ): InvoiceSection<T> => {
      if ('data' in outcome) return { state: 'ready', items: outcome.data.data }
      // A failed refresh keeps what was shown.
      if (refreshing && previous.state === 'ready') return previous
      return { state: outcome.error.status === 403 ? 'forbidden' : 'error', items: [] }
    }
    this.payments = section(payments, this.payments)
    this.documents = section(documents, this.documents)
    return invoice
  }

  protected override accepted(invoice: Invoice, previous: Invoice | null): void {
    if (!previous) this.#onLoad?.(invoice)
    else if (previous.status !== invoice.status || previous.amountDue !== invoice.amountDue)
      this.#onChange?.(invoice, previous)
  }
}
