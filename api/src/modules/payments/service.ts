import type { Kysely } from 'kysely'
import type { PaymentProvider } from '../../connectors/payments/payment-provider.js'
import { PaymentProviderError } from '../../connectors/payments/payment-provider.js'
import { appendEvent } from '../../db/events.js'
import { isPostgres } from '../../db/migrations/dialect.js'
import type { Database, PaymentsTable, PaymentStatus } from '../../db/schema.js'
import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition, isStringPair } from '../../http/cursor-position.js'
import { ApiError, invalidField, type FieldError } from '../../http/problem.js'
import { encodeCursor } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import type { Logger } from '../../lib/logger.js'
import { formatMoney } from '../../lib/money.js'
import type { CreatePaymentInput, ListPaymentsInput, Payment } from './schemas.js'
import { transaction } from '../../db/scope.js'

export interface PaymentContext extends TenantContext {
  /** The configured provider; undefined when payments are off. */
  provider: PaymentProvider | undefined
  /** How long a pending payment reserves its amounts. */
  expiryMinutes: number
  logger: Logger
}

interface PricedAllocation {
  invoiceId: string
  invoiceNumber: string
  amount: number
}

const notPayable = (errors: FieldError[]) =>
  new ApiError(422, 'invoice_not_payable', 'Some invoices cannot be paid.', { errors })

/**
 * Checks a payment's allocations against the account's invoices as they
 * stand: each invoice is the caller's (another account's answers exactly like
 * a missing one), open, in one currency the provider takes, and asked for no
 * more than its open balance less what pending payments reserve on it. Runs
 * once to refuse early, and again inside the transaction that writes the
 * payment — where, on PostgreSQL, the invoices are locked — so that
 * payments in flight can never together exceed a balance.
 */
async function priceAllocations(
  db: Kysely<Database>,
  ctx: PaymentContext,
  input: CreatePaymentInput,
  now: Date,
): Promise<{ allocations: PricedAllocation[]; currency: string; amount: number }> {
  const ids = input.allocations.map((a) => a.invoiceId)
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'status', 'currency', 'total', 'amount_paid'])
    .where('account_id', '=', ctx.accountId)
    .where('id', 'in', ids)
    .orderBy('id')
    .$if(isPostgres(db as unknown as Kysely<unknown>), (q) => q.forUpdate())
    .execute()
  const byId = new Map(invoices.map((i) => [i.id, i]))
  const missing = input.allocations.flatMap((a, index) =>
    byId.has(a.invoiceId)
      ? []
      : [
          {
            field: `body.allocations.${index}.invoiceId`,
            message: 'No such invoice',
            code: 'not_found',
          },
        ],
  )
  if (missing.length) throw new ApiError(404, 'not_found', 'No such invoice.', { errors: missing })

  const closed = input.allocations.flatMap((a, index) => {
    const status = byId.get(a.invoiceId)!.status
    return status === 'open'
      ? []
      : [
          {
            field: `body.allocations.${index}.invoiceId`,
            message: status === 'paid' ? 'The invoice is already paid' : 'The invoice is void',
            code: status === 'paid' ? 'invoice_paid' : 'invoice_void',
          },
        ]
  })
  if (closed.length) throw notPayable(closed)

  const currencies = new Set(invoices.map((i) => i.currency))
  if (currencies.size > 1) {
    throw new ApiError(
      422,
      'mixed_currencies',
      `One payment pays invoices of one currency; these are in ${[...currencies].sort().join(' and ')}.`,
    )
  }
  const currency = invoices[0]!.currency
  if (ctx.provider && !ctx.provider.supportsCurrency(currency)) {
    throw new ApiError(
      422,
      'currency_not_supported',
      `Payments through ${ctx.provider.name} are possible in its currencies only, not in ${currency}.`,
    )
  }

  const reserved = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select((eb) => ['a.invoice_id', eb.fn.sum<number>('a.amount').as('reserved')])
    .where('a.account_id', '=', ctx.accountId)
    .where('a.invoice_id', 'in', ids)
    .where('p.status', '=', 'pending')
    .where('p.expires_at', '>', now.toISOString())
    .groupBy('a.invoice_id')
    .execute()
  const reservedOn = new Map(reserved.map((r) => [r.invoice_id, Number(r.reserved)]))
  const errors: FieldError[] = []
  const allocations = input.allocations.map((a, index) => {
    const invoice = byId.get(a.invoiceId)!
    const balance = Number(invoice.total) - Number(invoice.amount_paid)
    const available = balance - (reservedOn.get(a.invoiceId) ?? 0)
    if (a.amount > available) {
      errors.push({
        field: `body.allocations.${index}.amount`,
        message:
          available < balance
            ? `At most ${formatMoney(Math.max(0, available), currency)} can be paid on ${invoice.number} now: ${formatMoney(balance - available, currency)} of its balance is in a payment in progress`
            : `At most ${formatMoney(balance, currency)} (the open balance of ${invoice.number}) can be paid`,
        code: 'amount_exceeds_balance',
      })
    }
    return { invoiceId: invoice.id, invoiceNumber: invoice.number, amount: a.amount }
  })
  if (errors.length) {
    throw new ApiError(422, 'amount_exceeds_balance', 'Some amounts exceed what is open.', {
      errors,
    })
  }
  const amount = allocations.reduce((sum, a) => sum + a.amount, 0)
  if (!Number.isSafeInteger(amount))
    throw invalidField('body.allocations', 'The total is too large')
  return { allocations, currency, amount }
}

/** A return URL must lead back to this portal or to a page the caller's embed secret is bound to. */
function checkReturnUrl(returnUrl: string, allowedOrigins: readonly string[]) {
  if (!allowedOrigins.includes(new URL(returnUrl).origin)) {
    throw invalidField(
      'body.returnUrl',
      `The return URL must be on ${allowedOrigins.join(' or ')}`,
      'return_url_not_allowed',
    )
  }
}

/**
 * Creates a payment for open invoices of the caller's account and returns
 * where to send the customer. The provider's checkout is opened first, then
 * the payment and its allocations (the reservation) and `payment.created` are
 * written in one transaction that checks the balances again. A failure
 * anywhere before that commit stores nothing; a checkout opened for a
 * request that then loses a race is never shown to anyone and expires.
 */
export async function createPayment(
  ctx: PaymentContext,
  input: CreatePaymentInput,
  allowedReturnOrigins: readonly string[],
): Promise<Payment> {
  const provider = ctx.provider
  if (!provider) {
    throw new ApiError(
      503,
      'payments_not_configured',
      'Online payment is not set up on this portal.',
    )
  }
  checkReturnUrl(input.returnUrl, allowedReturnOrigins)
  const now = ctx.clock.now()
  const priced = await priceAllocations(ctx.db, ctx, input, now)
  const payer = await ctx.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.name', 'users.email', 'accounts.locale'])
    .where('users.id', '=', ctx.userId)
    .where('users.account_id', '=', ctx.accountId)
    .executeTakeFirstOrThrow()

  const id = newId('pay', now.getTime())
  const expiresAt = new Date(now.getTime() + ctx.expiryMinutes * 60_000)
  let checkout
  try {
    checkout = await provider.createCheckout({
      paymentId: id,
      amount: priced.amount,
      currency: priced.currency,
      lines: priced.allocations,
      customer: { name: payer.name, email: payer.email },
      locale: payer.locale,
      returnUrl: input.returnUrl,
      createdAt: now,
      expiresAt,
    })
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error
    ctx.logger.error('payment provider refused a checkout', {
      provider: provider.name,
      paymentId: id,
      kind: error.kind,
      reason: error.message,
    })
    throw error.kind === 'refused'
      ? new ApiError(
          422,
          'payment_provider_refused',
          `The payment provider refused: ${error.message}.`,
        )
      : new ApiError(
          502,
          'payment_provider_unavailable',
          'The payment provider cannot be reached right now; please try again in a moment.',
          { headers: { 'Retry-After': '5' } },
        )
  }

  const at = now.toISOString()
  const row: PaymentsTable = {
    id,
    account_id: ctx.accountId,
    provider: provider.name,
    provider_reference: checkout.reference,
    provider_transaction_id: null,
    status: 'pending',
    currency: priced.currency,
    amount: priced.amount,
    unapplied_amount: 0,
    method: null,
    return_url: input.returnUrl,
    redirect_url: checkout.redirectUrl,
    provider_token: checkout.token,
    failure_reason: null,
    created_by: ctx.userId,
    created_at: at,
    updated_at: at,
    expires_at: expiresAt.toISOString(),
    succeeded_at: null,
  }
  await transaction(ctx.db, async (trx) => {
    const current = await priceAllocations(trx, ctx, input, now)
    await trx.insertInto('payments').values(row).execute()
    await trx
      .insertInto('payment_allocations')
      .values(
        current.allocations.map((a) => ({
          payment_id: id,
          invoice_id: a.invoiceId,
          account_id: ctx.accountId,
          amount: a.amount,
        })),
      )
      .execute()
    await appendEvent(trx, {
      accountId: ctx.accountId,
      type: 'payment.created',
      subjectId: id,
      data: {
        paymentId: id,
        provider: provider.name,
        amount: priced.amount,
        currency: priced.currency,
        allocations: current.allocations,
        expiresAt: row.expires_at,
      },
      now,
    })
  })
  return toPayment(row, priced.allocations, now)
}

/**
 * A pending payment past its expiry shows as expired — derived, like an
 * overdue invoice: the provider may still report that it succeeded (money
 * that moved is always recorded), but it reserves nothing any more.
 */
function statusOn(row: Pick<PaymentsTable, 'status' | 'expires_at'>, now: Date): PaymentStatus {
  return row.status === 'pending' && row.expires_at <= now.toISOString() ? 'expired' : row.status
}

function toPayment(row: PaymentsTable, allocations: PricedAllocation[], now: Date): Payment {
  const status = statusOn(row, now)
  return {
    id: row.id,
    status,
    provider: row.provider,
    currency: row.currency,
    amount: Number(row.amount),
    unappliedAmount: Number(row.unapplied_amount),
    allocations: allocations.map((a) => ({ ...a, amount: Number(a.amount) })),
    method: row.method,
    redirectUrl: status === 'pending' ? row.redirect_url : null,
    providerToken: status === 'pending' ? row.provider_token : null,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    succeededAt: row.succeeded_at,
  }
}

async function allocationsOf(
  db: Kysely<Database>,
  accountId: string,
  paymentIds: string[],
): Promise<Map<string, PricedAllocation[]>> {
  const byPayment = new Map<string, PricedAllocation[]>(paymentIds.map((id) => [id, []]))
  if (paymentIds.length === 0) return byPayment
  const rows = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
    .select(['a.payment_id', 'a.invoice_id', 'i.number', 'a.amount'])
    .where('a.account_id', '=', accountId)
    .where('a.payment_id', 'in', paymentIds)
    .orderBy('a.payment_id')
    .orderBy('i.number')
    .execute()
  for (const row of rows) {
    byPayment.get(row.payment_id)?.push({
      invoiceId: row.invoice_id,
      invoiceNumber: row.number,
      amount: Number(row.amount),
    })
  }
  return byPayment
}

/** One payment of the account with its allocations; another account's is not found. */
export async function getPayment(ctx: TenantContext, id: string): Promise<Payment> {
  const row = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst()
  if (!row) throw new ApiError(404, 'not_found', 'No such payment.')
  const allocations = await allocationsOf(ctx.db, ctx.accountId, [id])
  return toPayment(row, allocations.get(id)!, ctx.clock.now())
}

/**
 * The account's payments, newest first, keyset-paginated over (created_at,
 * id) on payments_account_created_idx; `invoiceId` keeps those allocated to
 * one invoice, `status` one (derived) status.
 */
export async function listPayments(ctx: TenantContext, input: ListPaymentsInput) {
  const now = ctx.clock.now()
  const at = now.toISOString()
  const filters = JSON.stringify([input.status ?? null, input.invoiceId ?? null])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isStringPair('c', 'i'))
  let query = ctx.db.selectFrom('payments').selectAll().where('account_id', '=', ctx.accountId)
  if (input.status === 'pending')
    query = query.where('status', '=', 'pending').where('expires_at', '>', at)
  else if (input.status === 'expired')
    query = query.where((eb) =>
      eb.or([
        eb('status', '=', 'expired'),
        eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', at)]),
      ]),
    )
  else if (input.status) query = query.where('status', '=', input.status)
  if (input.invoiceId) {
    const invoiceId = input.invoiceId
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('payment_allocations as a')
          .select('a.payment_id')
          .whereRef('a.payment_id', '=', 'payments.id')
          .where('a.invoice_id', '=', invoiceId),
      ),
    )
  }
  if (after) {
    const { c, i } = after
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(c, i)))
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  const allocations = await allocationsOf(
    ctx.db,
    ctx.accountId,
    page.map((r) => r.id),
  )
  const last = page.at(-1)
  return {
    data: page.map((row) => toPayment(row, allocations.get(row.id)!, now)),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor(ctx.secret, { c: last.created_at, i: last.id }, filters)
        : null,
  }
}
