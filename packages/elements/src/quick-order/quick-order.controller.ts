import { newIdempotencyKey } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { CatalogProduct, Order, PlaceOrderRequest, PortalClient } from '../portal-client.js'
import { settle, type RequestError } from '../request-error.js'
import { CatalogController } from './catalog.controller.js'
import { CreditController } from './credit.controller.js'
import {
  checkOrderDetails,
  detailFieldOf,
  emptyOrderDetails,
  localToday,
  orderDetailsBody,
  type AddressDetails,
  type DetailField,
  type DetailProblem,
  type OrderDetails,
} from './order-details.js'
import { orderTotals, type OrderTotals } from './order-totals.js'
import { checkQuantity, parseQuantity, unitPriceAt, type QuantityProblem } from './quantity.js'

/**
 * The steps of an order:
 *
 * ```
 * edit ──review()──► review ──place()──► placing ──► placed
 *  ▲                   │                    │
 *  └──────edit()───────┘◄─── refused (422, 403, …) or no answer
 * ```
 */
export type QuickOrderStep = 'edit' | 'review' | 'placing' | 'placed'

/** Why the API refused a line: the code of its field error (`below_minimum_quantity`, `product_not_orderable`, …). */
export type LineRejection = string

/** One product on the order being put together. */
export interface CartLine {
  product: CatalogProduct
  /** What the person typed, as they typed it. */
  text: string
  /** The parsed quantity: `null` while the field is empty, `NaN` when it is not a number. */
  quantity: number | null
  /** What the ordering rules say about `quantity`, checked as the person types. */
  problem: QuantityProblem | null
  /** Why the API refused this line on the last attempt; cleared when the quantity changes. */
  rejection: LineRejection | null
  /** Unit price at this quantity (from the break that applies), in minor units. */
  unitPrice: number
  /** `quantity × unitPrice`, or 0 while the quantity is not valid. */
  amount: number
}

/**
 * A change to the details: any fields, the address's fields by name
 * (`{ address: { city: 'Bonn' } }` keeps the rest of the address).
 */
export type OrderDetailsChange = Partial<Omit<OrderDetails, 'address'>> & {
  address?: Partial<AddressDetails>
}

/**
 * What is wrong with a detail: a {@link DetailProblem} found as it was typed,
 * or the code of the API's field error when the API refused it.
 */
export type DetailIssue = DetailProblem | string

/**
 * Why the order cannot be placed right now, most fundamental first:
 * - `no_permission`: the user's role may not place orders (no `orders:write`);
 * - `credit_hold`: the account is on credit hold;
 * - `empty`: nothing on the order;
 * - `invalid_lines`: a quantity breaks its product's rules (or the API refused a line);
 * - `over_credit`: the order, tax included, is more than the available credit.
 *
 * The details of the review step are not among them: {@link QuickOrderController.detailIssues}
 * says what is wrong with those.
 */
export type OrderBlock = 'no_permission' | 'credit_hold' | 'empty' | 'invalid_lines' | 'over_credit'

export interface QuickOrderControllerOptions {
  client?: PortalClient | undefined
  /** Products per catalog request (default 20). */
  pageSize?: number
  /** Today, `YYYY-MM-DD`: the earliest delivery date to ask for. Default: today where the reader is. */
  today?: () => string
}

/**
 * The data logic of `<portico-quick-order>`: the catalog search
 * ({@link catalog}), the credit position ({@link credit}), what the signed-in
 * role may do (`GET /v1/me`), the lines being ordered with their quantities
 * checked against minimums and multiples as they are typed, the totals with
 * tax at the account's rate, the details of the order (PO number, delivery
 * date and address, note) checked as they are typed, and placing the order —
 * with one `Idempotency-Key` per attempt, so retrying after a lost answer can
 * never place it twice.
 *
 * The API enforces every rule; this only mirrors them, so a person learns
 * what is wrong before sending, and maps the API's refusals back to lines.
 *
 * @example
 * ```ts
 * order = new QuickOrderController(this, { client })
 * this.order.catalog.search('bearing')
 * this.order.setQuantity(product, '20')
 * if (this.order.review()) {
 *   this.order.setDetails({ poNumber: 'PO-1', requestedDate: '2026-12-01' })
 *   await this.order.place()
 * }
 * ```
 */
export class QuickOrderController implements ReactiveController {
  /** The products, searchable, at the account's contracted prices. */
  readonly catalog: CatalogController
  /** The account's credit position. */
  readonly credit: CreditController

  step: QuickOrderStep = 'edit'

  /** The order being put together, in the order products were added. */
  lines: readonly CartLine[] = []

  /**
   * The user's permissions from `GET /v1/me`, or `null` while unknown (not
   * loaded yet, or a credential without `profile:read`: then the API decides
   * when the order is sent).
   */
  permissions: ReadonlySet<string> | null = null

  /** Why the last `place()` failed; `null` after success or any change. */
  placeError: RequestError | null = null

  /** The order the last `place()` created. */
  placed: Order | null = null

  /** The details typed in the review step; change them with {@link setDetails}. */
  details: Readonly<OrderDetails> = emptyOrderDetails()

  readonly #host: ReactiveControllerHost
  #client: PortalClient | undefined
  #abortMe: AbortController | undefined
  /** Kept across retries of the same order, so a lost answer is never placed twice. */
  #idempotencyKey: string | undefined
  readonly #today: () => string
  /** The API's field errors on the details of the last attempt, until the field changes. */
  #refusedDetails: Partial<Record<DetailField, string>> = {}

  constructor(host: ReactiveControllerHost, options: QuickOrderControllerOptions = {}) {
    this.#host = host
    this.#client = options.client
    this.#today = options.today ?? (() => localToday())
    this.catalog = new CatalogController(host, {
      client: options.client,
      pageSize: options.pageSize ?? 20,
    })
    // The credit position loads once the role is known: a role without
    // `credit:read` would only collect a 403.
    this.credit = new CreditController(host)
    host.addController(this)
  }

  get client(): PortalClient | undefined {
    return this.#client
  }

  /** Uses another client (or page size) from now on, reloading what depends on it. */
  configure(options: QuickOrderControllerOptions): void {
    void this.catalog.configure({
      ...('client' in options ? { client: options.client } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    })
    if (!('client' in options) || options.client === this.#client) return
    this.#client = options.client
    void this.#loadPermissions()
  }

  /** False when the user's role may not place orders; true when it may or is not known. */
  get canOrder(): boolean {
    return this.permissions === null || this.permissions.has('orders:write')
  }

  /** The line for a product, if it is on the order. */
  line(productId: string): CartLine | undefined {
    return this.lines.find((line) => line.product.id === productId)
  }

  /**
   * Sets what was typed (or stepped) for a product. An empty field, `0`, or
   * anything that is not a quantity keeps the line so its problem can be
   * shown; {@link remove} takes it off.
   */
  setQuantity(product: CatalogProduct, input: string | number): void {
    if (this.step !== 'edit') this.edit()
    const text = typeof input === 'number' ? String(input) : input
    const existing = this.line(product.id)
    // Stepped down to nothing: off the order. (A typed 0 stays, so the field keeps it.)
    if (input === 0) return this.remove(product.id)
    if (!existing && (text.trim() === '' || parseQuantity(text) === 0)) return
    const next = priceLine(product, text, null)
    this.lines = existing
      ? this.lines.map((line) => (line === existing ? next : line))
      : [...this.lines, next]
    this.#changed()
  }

  /** Takes a product off the order. */
  remove(productId: string): void {
    if (this.step !== 'edit') this.edit()
    this.lines = this.lines.filter((line) => line.product.id !== productId)
    this.#changed()
  }

  /** The lines that will be sent: a quantity above zero. */
  get orderLines(): readonly CartLine[] {
    return this.lines.filter((line) => line.quantity !== 0 && line.quantity !== null)
  }

  /** The currency of the order: the price list's. */
  get currency(): string | undefined {
    return this.lines[0]?.product.currency ?? this.catalog.items[0]?.currency
  }

  /** Sum of the valid lines before tax, in minor units. */
  get subtotal(): number {
    return this.lines.reduce((sum, line) => sum + line.amount, 0)
  }

  /**
   * Subtotal, tax and total, computed as the API will: at the account's tax
   * rate, which the credit position tells. `null` while there is none (not
   * loaded, or a credential without `credit:read`): then only the API knows
   * the tax.
   */
  get totals(): OrderTotals | null {
    const taxRate = this.credit.credit?.taxRate
    return taxRate === undefined ? null : orderTotals(this.subtotal, taxRate)
  }

  /** How far the order, tax included, is over the available credit, in minor units; 0 when it fits or is unknown. */
  get overCreditBy(): number {
    const credit = this.credit.credit
    const totals = this.totals
    if (!credit || !totals || credit.currency !== this.currency) return 0
    return Math.max(0, totals.total - credit.available)
  }

  /** Why the order cannot be placed now, or `null` when it can. See {@link OrderBlock}. */
  get block(): OrderBlock | null {
    if (!this.canOrder) return 'no_permission'
    if (this.credit.credit?.onHold) return 'credit_hold'
    const lines = this.orderLines
    if (!lines.length) return 'empty'
    if (this.lines.some((line) => line.problem || line.rejection)) return 'invalid_lines'
    if (this.overCreditBy > 0) return 'over_credit'
    return null
  }

  /** The earliest delivery date to ask for, `YYYY-MM-DD`: today. */
  get earliestRequestedDate(): string {
    return this.#today()
  }

  /**
   * What is wrong with the details, field by field (`{}` when nothing is):
   * the rules the API applies, checked as they are typed, and what the API
   * refused on the last attempt, until that field changes.
   */
  get detailIssues(): Partial<Record<DetailField, DetailIssue>> {
    return {
      ...checkOrderDetails(this.details, this.earliestRequestedDate),
      ...this.#refusedDetails,
    }
  }

  /** Changes some of the details. A changed order is a new attempt: it gets a new idempotency key. */
  setDetails(change: OrderDetailsChange): void {
    const { address, ...rest } = change
    this.details = { ...this.details, ...rest, address: { ...this.details.address, ...address } }
    const changed = [
      ...Object.keys(rest),
      ...Object.keys(address ?? {}).map((name) => `address.${name}`),
    ]
    this.#refusedDetails = Object.fromEntries(
      Object.entries(this.#refusedDetails).filter(([field]) => !changed.includes(field)),
    )
    if (rest.deliverTo) this.#refusedDetails = {}
    this.#changed()
  }

  /** Goes to the review step, when nothing blocks the order. Returns whether it did. */
  review(): boolean {
    if (this.step !== 'edit' || this.block) return false
    // An emptied line has nothing to review.
    this.lines = this.orderLines
    this.step = 'review'
    this.placeError = null
    this.#host.requestUpdate()
    return true
  }

  /** Back to editing the lines. */
  edit(): void {
    if (this.step === 'placing') return
    this.step = 'edit'
    this.#host.requestUpdate()
  }

  /**
   * Sends the order (`POST /v1/orders`) from the review step, with
   * {@link details} (and `change` made to them first). Resolves with the
   * placed order, or `null` when it was not sent — something blocks it, or a
   * detail has an issue — or was refused or got no answer: then `placeError`
   * says why, refused lines carry their `rejection`, refused details are in
   * {@link detailIssues}, and the step is back at `review`.
   */
  async place(change?: OrderDetailsChange): Promise<Order | null> {
    if (change) this.setDetails(change)
    const client = this.#client
    if (!client || this.step !== 'review' || this.block) return null
    if (Object.keys(this.detailIssues).length) return null
    const lines = this.orderLines
    const body: PlaceOrderRequest = {
      lines: lines.map(({ product, quantity }) => ({ productId: product.id, quantity: quantity! })),
      ...orderDetailsBody(this.details),
    }
    this.#idempotencyKey ??= newIdempotencyKey()
    this.step = 'placing'
    this.placeError = null
    this.#host.requestUpdate()

    const outcome = await settle(() =>
      client.POST('/v1/orders', {
        body,
        params: { header: { 'idempotency-key': this.#idempotencyKey! } },
      }),
    )
    if ('data' in outcome) {
      this.#idempotencyKey = undefined
      this.placed = outcome.data
      this.lines = []
      this.details = emptyOrderDetails()
      this.step = 'placed'
      this.#host.requestUpdate()
      void this.credit.refresh()
      return outcome.data
    }

    const { error } = outcome
    // The server keeps its answer under the key and would replay it: only a
    // request that got no answer (or collided with itself) may reuse it.
    if (error.status !== 0 && error.status !== 409) this.#idempotencyKey = undefined
    const code = error.problem?.code
    // The refused lines' terms are fetched while the step still says
    // "placing": the refusal shows all at once, never as a banner over lines
    // not marked yet with a Place button that would send them again.
    if (code === 'order_lines_invalid') await this.#rejectLines(client, lines, error)
    this.#refusedDetails = {}
    for (const { field, code } of error.problem?.errors ?? []) {
      const detail = detailFieldOf(field)
      if (detail) this.#refusedDetails[detail] = code
    }
    this.placeError = error
    this.step = 'review'
    if (error.status === 403) this.permissions = new Set()
    if (code === 'credit_limit_exceeded' || code === 'credit_hold') void this.credit.refresh()
    this.#host.requestUpdate()
    return null
  }

  /** After a placed order: start a new, empty one. */
  startOver(): void {
    this.lines = []
    this.details = emptyOrderDetails()
    this.#refusedDetails = {}
    this.placed = null
    this.placeError = null
    this.step = 'edit'
    this.#changed()
  }

  /** @internal */
  hostConnected(): void {
    if (this.#client && this.permissions === null && this.credit.state === 'idle')
      void this.#loadPermissions()
  }

  /** @internal */
  hostDisconnected(): void {
    this.#abortMe?.abort()
  }

  #changed(): void {
    this.placeError = null
    this.#idempotencyKey = undefined
    this.#host.requestUpdate()
  }

  async #loadPermissions(): Promise<void> {
    this.#abortMe?.abort()
    this.permissions = null
    const client = this.#client
    if (!client) return
    const abort = (this.#abortMe = new AbortController())
    const outcome = await settle(() => client.GET('/v1/me', { signal: abort.signal }))
    if (abort.signal.aborted) return
    // Without `profile:read` the role stays unknown; the API decides on POST.
    const permissions = 'data' in outcome ? new Set(outcome.data.permissions) : null
    this.permissions = permissions
    this.credit.setClient(!permissions || permissions.has('credit:read') ? client : undefined)
    this.#host.requestUpdate()
  }

  /**
   * Marks the lines the API refused (`body.lines.N.quantity|productId`) and
   * fetches those products' terms again — the price list may have changed
   * since the page loaded, and the person should see the terms in force.
   */
  async #rejectLines(
    client: PortalClient,
    sent: readonly CartLine[],
    error: RequestError,
  ): Promise<void> {
    const rejected = new Map<string, string>()
    for (const { field, code } of error.problem?.errors ?? []) {
      const index = /^body\.lines\.(\d+)\./.exec(field)?.[1]
      const line = index === undefined ? undefined : sent[Number(index)]
      if (line) rejected.set(line.product.id, code)
    }
    const fresh = await Promise.all(
      sent
        .filter((line) => rejected.has(line.product.id))
        .map(async ({ product }) => {
          const outcome = await settle(() =>
            client.GET('/v1/catalog', { params: { query: { q: product.sku, limit: 10 } } }),
          )
          return 'data' in outcome ? outcome.data.data.find((p) => p.id === product.id) : undefined
        }),
    )
    const byId = new Map(fresh.filter((p) => p !== undefined).map((p) => [p.id, p]))
    this.lines = this.lines.map((line) => {
      const code = rejected.get(line.product.id)
      if (!code) return line
      return priceLine(byId.get(line.product.id) ?? line.product, line.text, code)
    })
  }
}

/** A cart line for `text`, checked and priced. */
function priceLine(product: CatalogProduct, text: string, rejection: string | null): CartLine {
  const quantity = parseQuantity(text)
  const problem = quantity === null || quantity === 0 ? null : checkQuantity(product, quantity)
  const valid = quantity !== null && quantity > 0 && !problem
  const unitPrice = unitPriceAt(product, valid ? quantity : product.minOrderQuantity)
  return {
    product,
    text,
    quantity,
    problem,
    rejection,
    unitPrice,
    amount: valid ? unitPrice * quantity : 0,
  }
}
