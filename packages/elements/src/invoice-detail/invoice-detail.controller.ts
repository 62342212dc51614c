import type { PortalEvent } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Invoice, Payment, PortalClient, PortalDocument } from '../portal-client.js'
import { signedLink } from '../documents/signed-link.js'
import { failureState, settle, type RequestError } from '../request-error.js'

/**
 * Where a shown invoice is in its life:
 *
 * ```
 * idle ──► loading ──► ready | not-found | error | unauthorized | forbidden
 *             ▲                         │ retry()
 *             └── another invoice-id ◄──┘
 * ```
 *
 * Once `ready`, live refreshes replace `invoice`, `payments` and `documents`
 * in place; the state stays.
 */
export type InvoiceDetailState =
  'idle' | 'loading' | 'ready' | 'not-found' | 'error' | 'unauthorized' | 'forbidden'

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
export class InvoiceDetailController implements ReactiveController {
  state: InvoiceDetailState = 'idle'
  /** The invoice, once loaded; replaced by every refresh. */
  invoice: Invoice | null = null
  /** Payments allocated to the invoice, newest first (pending, failed and succeeded alike). */
  payments: InvoiceSection<Payment> = { state: 'loading', items: [] }
  /** Documents attached to the invoice (tax invoice, delivery order …). */
  documents: InvoiceSection<PortalDocument> = { state: 'loading', items: [] }
  /** Why the invoice is in `error`, `unauthorized`, `forbidden` or `not-found`. */
  error: RequestError | null = null

  readonly #host: ReactiveControllerHost
  readonly #onLoad: InvoiceDetailControllerOptions['onLoad']
  readonly #onChange: InvoiceDetailControllerOptions['onChange']
  #client: PortalClient | undefined
  #invoiceId: string | undefined
  #abort: AbortController | undefined

  constructor(host: ReactiveControllerHost, options: InvoiceDetailControllerOptions = {}) {
    this.#host = host
    this.#client = options.client
    this.#invoiceId = options.invoiceId
    this.#onLoad = options.onLoad
    this.#onChange = options.onChange
    host.addController(this)
  }

  get client(): PortalClient | undefined {
    return this.#client
  }

  get invoiceId(): string | undefined {
    return this.#invoiceId
  }

  /** True while the invoice can take a payment (see {@link isPayable}). */
  get payable(): boolean {
    return this.invoice ? isPayable(this.invoice) : false
  }

  /** Follows another invoice and/or client; loads it when anything changed. */
  configure(options: Pick<InvoiceDetailControllerOptions, 'client' | 'invoiceId'>): Promise<void> {
    const client = 'client' in options ? options.client : this.#client
    const invoiceId = 'invoiceId' in options ? options.invoiceId : this.#invoiceId
    const changed = client !== this.#client || invoiceId !== this.#invoiceId
    this.#client = client
    this.#invoiceId = invoiceId
    if (changed || (this.state === 'idle' && client && invoiceId)) return this.reload()
    return Promise.resolve()
  }

  /** Loads everything from scratch, showing the loading state. */
  async reload(): Promise<void> {
    this.invoice = null
    await this.#load(true)
  }

  /** Fetches everything again while still showing it — what a live update does. */
  refresh(): Promise<void> {
    if (this.state !== 'ready') return Promise.resolve()
    return this.#load(false)
  }

  /**
   * Refreshes when an account event may change what is shown: an `invoice.*`
   * event about this invoice, or any `payment.*` event (a payment's events
   * name the payment, not its invoices; the history is small). Returns
   * whether it refreshed.
   */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    const aboutInvoice = event.type.startsWith('invoice.') && event.subjectId === this.#invoiceId
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
    const client = this.#client
    const id = this.#invoiceId
    if (!client || !id) return Promise.resolve({ error: { status: 0 } })
    return signedLink(() =>
      client.POST('/v1/invoices/{id}/download-link', { params: { path: { id } } }),
    )
  }

  /** A signed link to one of the invoice's documents (see {@link invoicePdfLink}). */
  documentLink(documentId: string): Promise<{ url: string } | { error: RequestError }> {
    const client = this.#client
    if (!client) return Promise.resolve({ error: { status: 0 } })
    return signedLink(() =>
      client.POST('/v1/documents/{id}/download-link', { params: { path: { id: documentId } } }),
    )
  }

  /** @internal */
  hostConnected(): void {
    if (this.state === 'idle' && this.#client && this.#invoiceId) void this.reload()
  }

  /** @internal */
  hostDisconnected(): void {
    const wasLoading = this.state === 'loading'
    this.#abort?.abort()
    if (wasLoading) this.state = 'idle'
  }

  async #load(showLoading: boolean): Promise<void> {
    this.#abort?.abort()
    const client = this.#client
    const id = this.#invoiceId
    if (!client || !id) {
      this.state = 'idle'
      this.#host.requestUpdate()
      return
    }
    const abort = (this.#abort = new AbortController())
    const signal = abort.signal
    if (showLoading) {
      this.state = 'loading'
      this.error = null
      this.payments = { state: 'loading', items: [] }
      this.documents = { state: 'loading', items: [] }
      this.#host.requestUpdate()
    }
    const query = { invoiceId: id, limit: SECTION_LIMIT }
    const [invoice, payments, documents] = await Promise.all([
      settle(() => client.GET('/v1/invoices/{id}', { params: { path: { id } }, signal })),
      settle(() => client.GET('/v1/payments', { params: { query }, signal })),
      settle(() => client.GET('/v1/documents', { params: { query }, signal })),
    ])
    if (signal.aborted) return
    if ('error' in invoice) {
      if (!showLoading && failureState(invoice.error) === 'error') return // keep showing what we have
      const { error } = invoice
      this.invoice = null
      this.error = error
      // A malformed id is as missing as an unknown one to the person reading.
      this.state = error.status === 404 || error.status === 400 ? 'not-found' : failureState(error)
      this.#host.requestUpdate()
      return
    }
    const section = <T>(
      outcome: { data: { data: T[] } } | { error: RequestError },
      previous: InvoiceSection<T>,
    ): InvoiceSection<T> => {
      if ('data' in outcome) return { state: 'ready', items: outcome.data.data }
      // A failed refresh keeps what was shown.
      if (!showLoading && previous.state === 'ready') return previous
      return { state: outcome.error.status === 403 ? 'forbidden' : 'error', items: [] }
    }
    this.payments = section(payments, this.payments)
    this.documents = section(documents, this.documents)
    const previous = this.invoice
    this.invoice = invoice.data
    this.error = null
    this.state = 'ready'
    this.#host.requestUpdate()
    if (!previous) this.#onLoad?.(invoice.data)
    else if (
      previous.status !== invoice.data.status ||
      previous.amountDue !== invoice.data.amountDue
    )
      this.#onChange?.(invoice.data, previous)
  }
}
