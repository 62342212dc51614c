import { newIdempotencyKey, type PortalEvent } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { isFinalPaymentStatus } from '../payments/payment-status.js'
import type { InvoiceSummary, Payment, PortalClient } from '../portal-client.js'
import { failureState, settle, type RequestError } from '../request-error.js'
import { formatAmount, parseAmount } from './amount.js'

/**
 * Where paying invoices is:
 *
 * ```
 * idle ──► loading ──► select ⇄ confirm ──► redirecting ──► (the provider's page)
 *             │                                                    │ back, with a payment id
 *             └─► empty | error | unauthorized | forbidden          ▼
 *                                     processing ──► succeeded | failed | cancelled | expired
 *                                          └─► not-found | error
 * ```
 *
 * The final states come from `GET /v1/payments/{id}` — what the provider's
 * webhook recorded — never from the return URL's query string.
 */
export type PayInvoicesState =
  | 'idle'
  | 'loading'
  | 'empty'
  | 'error'
  | 'unauthorized'
  | 'forbidden'
  | 'select'
  | 'confirm'
  | 'redirecting'
  | 'processing'
  | 'not-found'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'expired'

/** Why an amount cannot be paid, as the field explains it. */
export type AmountProblem =
  | { code: 'required' }
  | { code: 'invalid'; example: string }
  | { code: 'not-positive' }
  | { code: 'too-high'; max: number }
  /** The API refused it (the balance changed meanwhile): its words. */
  | { code: 'refused'; message: string }

export interface PayInvoicesControllerOptions {
  client?: PortalClient | undefined
  /** Invoices to select once loaded (the others are listed, unselected). */
  invoiceIds?: readonly string[] | undefined
  /** A payment to follow to its outcome: the page is back from the provider. */
  paymentId?: string | undefined
  /** The locale amounts are typed and shown in. */
  locale?: () => string
  /** Told once a followed payment has reached a final status. */
  onOutcome?: (payment: Payment) => void
}

/** The statuses that still have a balance to pay. */
const OPEN_STATUSES = ['overdue', 'partially_paid', 'open'] as const
/** Pages of 100 per status: an account with more open invoices pays the oldest first. */
const MAX_PAGES = 5
/** How long to wait between checks of a pending payment, growing to the last. */
const POLL_DELAYS_MS = [1000, 1500, 2000, 3000, 5000]

/** One selected invoice: what the person typed. */
interface Selection {
  text: string
}

/**
 * The data logic of `<portico-pay-invoices>`: lists the account's open,
 * partly paid and overdue invoices (`GET /v1/invoices`), keeps the
 * selection and the amount typed for each (the balance by default, less
 * allowed, never more, one currency), opens the payment
 * (`POST /v1/payments`) and, back from the provider, follows it
 * (`GET /v1/payments/{id}`, polled and on `payment.*` events) to its outcome.
 *
 * Nothing is paid twice: one confirmation is one `Idempotency-Key`. Pressing
 * Pay again, a retry after a lost answer or a 5xx, all send the same key, so
 * the API answers with the payment the first request opened. The key
 * changes only when what is paid changes, or after the API refused it.
 */
export class PayInvoicesController implements ReactiveController {
  state: PayInvoicesState = 'idle'
  /** The invoices that can be paid, oldest due first. */
  invoices: InvoiceSummary[] = []
  /** Why loading the invoices or the payment failed. */
  error: RequestError | null = null
  /** Why opening the payment failed, shown on the confirmation step. */
  payError: RequestError | null = null
  /** True while `POST /v1/payments` is in flight. */
  submitting = false
  /** The payment opened, or followed after the return. */
  payment: Payment | null = null
  /** Set by {@link review} with problems: every field then shows its own. */
  attempted = false

  readonly #host: ReactiveControllerHost
  readonly #selection = new Map<string, Selection>()
  readonly #refused = new Map<string, string>()
  readonly #locale: () => string
  readonly #onOutcome: PayInvoicesControllerOptions['onOutcome']
  #client: PortalClient | undefined
  #invoiceIds: readonly string[] = []
  #paymentId: string | undefined
  #abort: AbortController | undefined
  #poll: ReturnType<typeof setTimeout> | undefined
  #polls = 0
  #connected = false
  /** The key of the confirmation shown, and what it pays. */
  #attempt: { key: string; fingerprint: string } | null = null

  constructor(host: ReactiveControllerHost, options: PayInvoicesControllerOptions = {}) {
    this.#host = host
    this.#client = options.client
    this.#invoiceIds = options.invoiceIds ?? []
    this.#paymentId = options.paymentId
    this.#locale = options.locale ?? (() => 'en')
    this.#onOutcome = options.onOutcome
    host.addController(this)
  }

  get client(): PortalClient | undefined {
    return this.#client
  }

  /** The `Idempotency-Key` the next `pay()` sends; `null` before a confirmation. */
  get idempotencyKey(): string | null {
    return this.#attempt?.key ?? null
  }

  /** Follows another client, preselection or payment; reloads when anything changed. */
  configure(
    options: Pick<PayInvoicesControllerOptions, 'client' | 'invoiceIds' | 'paymentId'>,
  ): Promise<void> {
    const client = 'client' in options ? options.client : this.#client
    const invoiceIds = options.invoiceIds ?? this.#invoiceIds
    const paymentId = 'paymentId' in options ? options.paymentId : this.#paymentId
    const changed =
      client !== this.#client ||
      paymentId !== this.#paymentId ||
      invoiceIds.join() !== this.#invoiceIds.join()
    this.#client = client
    this.#invoiceIds = invoiceIds
    this.#paymentId = paymentId
    if (changed || (this.state === 'idle' && client)) return this.reload()
    return Promise.resolve()
  }

  /** Starts over: the payment's outcome when following one, else the invoices. */
  reload(): Promise<void> {
    return this.#paymentId ? this.#follow(true) : this.#loadInvoices()
  }

  // ── Selection ─────────────────────────────────────────────────────────

  isSelected(invoiceId: string): boolean {
    return this.#selection.has(invoiceId)
  }

  /** The currency of the selection; `undefined` while nothing is selected. */
  get currency(): string | undefined {
    const first = this.#selection.keys().next()
    return first.done ? undefined : this.#invoice(first.value)?.currency
  }

  /** An invoice in another currency than the selection's cannot join it. */
  canSelect(invoice: InvoiceSummary): boolean {
    const currency = this.currency
    return !currency || currency === invoice.currency || this.isSelected(invoice.id)
  }

  /** Selects (with its balance as the amount) or unselects an invoice. */
  toggle(invoiceId: string, selected: boolean): void {
    const invoice = this.#invoice(invoiceId)
    if (!invoice) return
    if (selected && this.canSelect(invoice) && !this.#selection.has(invoiceId)) {
      this.#selection.set(invoiceId, { text: this.#format(invoice.amountDue, invoice.currency) })
    } else if (!selected) {
      this.#selection.delete(invoiceId)
    }
    this.#refused.delete(invoiceId)
    this.#host.requestUpdate()
  }

  /** What the amount field of an invoice shows. */
  amountText(invoiceId: string): string {
    return this.#selection.get(invoiceId)?.text ?? ''
  }

  /** The person typed in an invoice's amount field. */
  setAmount(invoiceId: string, text: string): void {
    const selection = this.#selection.get(invoiceId)
    if (!selection) return
    selection.text = text
    this.#refused.delete(invoiceId)
    this.#host.requestUpdate()
  }

  /** What is wrong with a selected invoice's amount, or `null`. */
  amountProblem(invoiceId: string): AmountProblem | null {
    const invoice = this.#invoice(invoiceId)
    const selection = this.#selection.get(invoiceId)
    if (!invoice || !selection) return null
    const refused = this.#refused.get(invoiceId)
    if (refused) return { code: 'refused', message: refused }
    const parsed = parseAmount(selection.text, invoice.currency, this.#locale())
    if ('empty' in parsed) return { code: 'required' }
    if ('invalid' in parsed)
      return { code: 'invalid', example: this.#format(invoice.amountDue, invoice.currency) }
    if (parsed.minor <= 0) return { code: 'not-positive' }
    if (parsed.minor > invoice.amountDue) return { code: 'too-high', max: invoice.amountDue }
    return null
  }

  /** The selected invoices with the amounts to pay, in list order; only valid amounts count. */
  get allocations(): Array<{ invoice: InvoiceSummary; amount: number }> {
    return this.invoices.flatMap((invoice) => {
      const selection = this.#selection.get(invoice.id)
      if (!selection || this.amountProblem(invoice.id)) return []
      const parsed = parseAmount(selection.text, invoice.currency, this.#locale())
      return 'minor' in parsed ? [{ invoice, amount: parsed.minor }] : []
    })
  }

  get selectedCount(): number {
    return this.#selection.size
  }

  /** The sum of the valid amounts, in minor units of {@link currency}. */
  get total(): number {
    return this.allocations.reduce((sum, a) => sum + a.amount, 0)
  }

  /**
   * Moves to the confirmation step when every selected amount is valid.
   * Returns whether it did; otherwise `attempted` is set, for every field
   * to show its problem.
   */
  review(): boolean {
    if (this.state !== 'select') return false
    const problems = [...this.#selection.keys()].filter((id) => this.amountProblem(id))
    if (!this.#selection.size || problems.length) {
      this.attempted = true
      this.#host.requestUpdate()
      return false
    }
    this.attempted = false
    this.payError = null
    this.state = 'confirm'
    this.#host.requestUpdate()
    return true
  }

  /** Back from the confirmation to the amounts. */
  back(): void {
    if (this.state !== 'confirm' || this.submitting) return
    this.state = 'select'
    this.#host.requestUpdate()
  }

  // ── Paying ────────────────────────────────────────────────────────────

  /**
   * Opens the payment for the confirmed allocations, sending the customer
   * back to `returnUrl`. Resolves with the pending payment (its
   * `redirectUrl` is where to go), or `null` — `payError` says why. A call
   * while one is in flight does nothing.
   */
  async pay(returnUrl: string): Promise<Payment | null> {
    const client = this.#client
    if (!client || this.state !== 'confirm' || this.submitting) return null
    const allocations = this.allocations.map(({ invoice, amount }) => ({
      invoiceId: invoice.id,
      amount,
    }))
    const fingerprint = JSON.stringify([allocations, returnUrl])
    if (this.#attempt?.fingerprint !== fingerprint)
      this.#attempt = { key: newIdempotencyKey(), fingerprint }
    const key = this.#attempt.key
    this.submitting = true
    this.payError = null
    this.#host.requestUpdate()
    const outcome = await settle(() =>
      client.POST('/v1/payments', {
        params: { header: { 'idempotency-key': key } },
        body: { allocations, returnUrl },
      }),
    )
    this.submitting = false
    if ('data' in outcome) {
      this.payment = outcome.data
      this.state = 'redirecting'
      this.#host.requestUpdate()
      return outcome.data
    }
    const error = outcome.error
    this.payError = error
    // No answer, a 5xx (the API stores none) or 409 (the first request is still
    // running): the same key again is safe, and answers with that payment.
    // Anything else was answered for good: a retry must be a new request.
    if (error.status >= 400 && error.status < 500 && error.status !== 409) this.#attempt = null
    if (error.status === 401 || error.status === 403) {
      this.state = failureState(error)
    } else if (error.status === 422 || error.status === 404) {
      this.#acceptRefusal(error)
    }
    this.#host.requestUpdate()
    return null
  }

  /** After a failed, cancelled or expired payment: the same invoices and amounts, to try again. */
  tryAgain(): Promise<void> {
    const payment = this.payment
    this.#paymentId = undefined
    this.#invoiceIds = payment?.allocations.map((a) => a.invoiceId) ?? this.#invoiceIds
    const amounts = new Map(payment?.allocations.map((a) => [a.invoiceId, a.amount]))
    return this.#loadInvoices(amounts)
  }

  /** Refreshes a followed payment when an event is about it. Returns whether it was. */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    if (!event.type.startsWith('payment.') || event.subjectId !== this.#paymentId) return false
    if (this.state === 'processing') void this.#follow(false)
    return true
  }

  /** @internal */
  hostConnected(): void {
    this.#connected = true
    if (this.state === 'idle' && this.#client) void this.reload()
    else if (this.state === 'processing') void this.#follow(false)
  }

  /** @internal */
  hostDisconnected(): void {
    this.#connected = false
    const wasLoading = this.state === 'loading'
    this.#abort?.abort()
    clearTimeout(this.#poll)
    if (wasLoading) this.state = 'idle'
  }

  /** The API refused some allocations: reload the balances, and show its reasons by the fields. */
  #acceptRefusal(error: RequestError): void {
    const fields = error.problem?.errors ?? []
    const allocations = this.allocations
    this.#refused.clear()
    for (const field of fields) {
      const match = /^body\.allocations\.(\d+)\./.exec(field.field)
      const invoice = match ? allocations[Number(match[1])]?.invoice : undefined
      if (invoice) this.#refused.set(invoice.id, field.message)
    }
    this.state = 'select'
    void this.#refreshBalances()
  }

  /** Fetches the open invoices again, keeping the selection and what was typed. */
  async #refreshBalances(): Promise<void> {
    const loaded = await this.#fetchOpenInvoices()
    if (!('data' in loaded)) return
    const open = new Set(loaded.data.map((i) => i.id))
    for (const id of this.#selection.keys()) {
      if (!open.has(id)) {
        this.#selection.delete(id)
        this.#refused.delete(id)
      }
    }
    this.invoices = loaded.data
    this.#host.requestUpdate()
  }

  async #fetchOpenInvoices(
    signal?: AbortSignal,
  ): Promise<{ data: InvoiceSummary[] } | { error: RequestError }> {
    const client = this.#client!
    const pages = await Promise.all(
      OPEN_STATUSES.map(async (status) => {
        const found: InvoiceSummary[] = []
        let cursor: string | undefined
        for (let page = 0; page < MAX_PAGES; page++) {
          const query = { status, limit: 100, ...(cursor ? { cursor } : {}) }
          const outcome = await settle(() =>
            client.GET('/v1/invoices', { params: { query }, ...(signal ? { signal } : {}) }),
          )
          if ('error' in outcome) return outcome
          found.push(...outcome.data.data)
          cursor = outcome.data.nextCursor ?? undefined
          if (!cursor) break
        }
        return { data: found }
      }),
    )
    const failed = pages.find((p) => 'error' in p)
    if (failed && 'error' in failed) return failed
    const invoices = pages
      .flatMap((p) => ('data' in p ? p.data : []))
      .filter((invoice) => invoice.amountDue > 0)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
    return { data: invoices }
  }

  async #loadInvoices(amounts?: Map<string, number>): Promise<void> {
    this.#abort?.abort()
    clearTimeout(this.#poll)
    const client = this.#client
    if (!client) {
      this.state = 'idle'
      this.#host.requestUpdate()
      return
    }
    const abort = (this.#abort = new AbortController())
    this.state = 'loading'
    this.error = null
    this.payError = null
    this.payment = null
    this.attempted = false
    this.#attempt = null
    this.#selection.clear()
    this.#refused.clear()
    this.#host.requestUpdate()
    const [loaded, me] = await Promise.all([
      this.#fetchOpenInvoices(abort.signal),
      settle(() => client.GET('/v1/me', { signal: abort.signal })),
    ])
    if (abort.signal.aborted) return
    if ('error' in loaded) {
      this.error = loaded.error
      this.state = failureState(loaded.error)
      this.#host.requestUpdate()
      return
    }
    this.invoices = loaded.data
    // Looking is not paying: say so before anyone fills in amounts.
    if ('data' in me && !me.data.permissions.includes('payments:write')) {
      this.state = 'forbidden'
      this.#host.requestUpdate()
      return
    }
    for (const id of this.#invoiceIds) {
      const invoice = this.#invoice(id)
      if (!invoice || !this.canSelect(invoice)) continue
      const amount = Math.min(amounts?.get(id) ?? invoice.amountDue, invoice.amountDue)
      this.#selection.set(id, { text: this.#format(amount, invoice.currency) })
    }
    this.state = this.invoices.length ? 'select' : 'empty'
    this.#host.requestUpdate()
  }

  /** Checks the followed payment; while it is pending, checks again a little later. */
  async #follow(showLoading: boolean): Promise<void> {
    clearTimeout(this.#poll)
    this.#abort?.abort()
    const client = this.#client
    const id = this.#paymentId
    if (!client || !id) return
    const abort = (this.#abort = new AbortController())
    if (showLoading) {
      this.state = 'processing'
      this.payment = null
      this.error = null
      this.#polls = 0
      this.#host.requestUpdate()
    }
    const outcome = await settle(() =>
      client.GET('/v1/payments/{id}', { params: { path: { id } }, signal: abort.signal }),
    )
    if (abort.signal.aborted) return
    if ('error' in outcome) {
      const { error } = outcome
      // A passing failure while waiting: keep waiting.
      if (!showLoading && failureState(error) === 'error' && error.status !== 404) {
        return this.#schedule()
      }
      this.error = error
      this.state = error.status === 404 || error.status === 400 ? 'not-found' : failureState(error)
      this.#host.requestUpdate()
      return
    }
    this.payment = outcome.data
    if (isFinalPaymentStatus(outcome.data.status)) {
      this.state = outcome.data.status as Exclude<Payment['status'], 'pending'>
      this.#host.requestUpdate()
      this.#onOutcome?.(outcome.data)
      return
    }
    this.state = 'processing'
    this.#host.requestUpdate()
    this.#schedule()
  }

  #schedule(): void {
    if (!this.#connected) return
    const delay = POLL_DELAYS_MS[Math.min(this.#polls++, POLL_DELAYS_MS.length - 1)]
    this.#poll = setTimeout(() => void this.#follow(false), delay)
  }

  #invoice(id: string): InvoiceSummary | undefined {
    return this.invoices.find((invoice) => invoice.id === id)
  }

  #format(minor: number, currency: string): string {
    return formatAmount(minor, currency, this.#locale())
  }
}
