import type { Kysely } from 'kysely'
import type {
  PaymentNotification,
  ProviderPaymentStatus,
} from '../../connectors/payments/payment-provider.js'
import { appendEvent } from '../../db/events.js'
import { isPostgres } from '../../db/migrations/dialect.js'
import { inboundOutcome, recordInboundEvent, setInboundOutcome } from '../../db/inbound-events.js'
import { enqueueDelivery } from '../../db/outbox.js'
import { preparedQuery } from '../../db/prepared-query.js'
import type { Database, PaymentStatus } from '../../db/schema.js'
import { ApiError } from '../../http/problem.js'
import type { PaymentWebhookResult } from './schemas.js'
import { transaction, withPurpose, withTenant } from '../../db/scope.js'

type Trx = Kysely<Database>

/**
 * How far along a payment is. A notification moves a payment only up: a
 * late `pending` after `settlement` changes nothing, and money that moved
 * (`succeeded`) is recorded whatever came before — a declined card can be
 * retried, a provider can confirm after the checkout expired. Among the
 * unsuccessful outcomes the first one reported stays.
 */
const RANK: Record<PaymentStatus, number> = {
  pending: 0,
  failed: 1,
  cancelled: 1,
  expired: 1,
  succeeded: 2,
}

/**
 * The payment a provider's reference names, across every account: the
 * webhook's only cross-tenant read. Locked on PostgreSQL, so concurrent
 * deliveries for one payment apply one after the other.
 */
const paymentAccount = preparedQuery<{ provider: string; reference: string }>()((db, param) =>
  db
    .selectFrom('payments')
    .select('account_id')
    .where('provider', '=', param('provider'))
    .where('provider_reference', '=', param('reference')),
)

const paymentByReference = preparedQuery<{ provider: string; reference: string }>()((db, param) =>
  db
    .selectFrom('payments')
    .select([
      'id',
      'account_id',
      'status',
      'amount',
      'currency',
      'provider',
      'provider_transaction_id',
      'method',
    ])
    .where('provider', '=', param('provider'))
    .where('provider_reference', '=', param('reference'))
    .$if(isPostgres(db as unknown as Kysely<unknown>), (q) => q.forUpdate()),
)

const markSucceeded = preparedQuery<{
  id: string
  accountId: string
  transactionId: string
  method: string | null
  at: string
}>()((db, param) =>
  db
    .updateTable('payments')
    .set({
      status: 'succeeded',
      provider_transaction_id: param('transactionId'),
      method: param('method'),
      succeeded_at: param('at'),
      updated_at: param('at'),
    })
    .where('id', '=', param('id'))
    .where('account_id', '=', param('accountId'))
    .where('status', '!=', 'succeeded'),
)

const allocationsWithInvoices = preparedQuery<{ paymentId: string; accountId: string }>()(
  (db, param) =>
    db
      .selectFrom('payment_allocations as a')
      .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
      .select(['a.invoice_id', 'a.amount', 'i.number', 'i.status', 'i.total', 'i.amount_paid'])
      .where('a.payment_id', '=', param('paymentId'))
      .where('a.account_id', '=', param('accountId'))
      .orderBy('i.number'),
)

const payInvoice = preparedQuery<{
  id: string
  accountId: string
  amountPaid: number
  status: 'open' | 'paid'
  at: string
}>()((db, param) =>
  db
    .updateTable('invoices')
    .set({ amount_paid: param('amountPaid'), status: param('status'), updated_at: param('at') })
    .where('id', '=', param('id'))
    .where('account_id', '=', param('accountId')),
)

/**
 * Records what a provider's webhook says about a payment: first finds the
 * payment's account from the provider's reference — the one step that
 * crosses tenants (the `payment-inbound` purpose), because a provider speaks
 * for every account — then applies the notification in one transaction
 * scoped to that account, the payment row locked (PostgreSQL). Idempotent: a
 * redelivered notification is a no-op, and so is one that arrives after a
 * later status.
 * @throws ApiError 422 for a reference no payment has, or when the amount or currency is not the payment's.
 */
export async function recordPaymentNotification(
  deps: { db: Kysely<Database>; now: Date },
  provider: string,
  notification: PaymentNotification,
): Promise<PaymentWebhookResult> {
  const unknown = () =>
    new ApiError(422, 'unknown_payment', `No ${provider} payment ${notification.reference}.`)
  const reference = { provider, reference: notification.reference }
  // Which account the payment is of: the one read that crosses tenants.
  const [owner] = await withPurpose(deps.db, 'payment-inbound', (db) =>
    paymentAccount.execute(db, reference),
  )
  if (!owner) throw unknown()
  return withTenant(deps.db, owner.account_id, (db) =>
    transaction(db, async (trx) => {
      const [payment] = await paymentByReference.execute(trx, reference)
      if (!payment) throw unknown()
      return applyNotification(
        trx,
        { accountId: payment.account_id, payment },
        notification,
        deps.now,
      )
    }),
  )
}

async function applyNotification(
  trx: Trx,
  target: { accountId: string; payment: PaymentRow },
  notification: PaymentNotification,
  now: Date,
): Promise<PaymentWebhookResult> {
  const { payment } = target
  const paymentId = payment.id
  const source = `payments.${payment.provider}`
  const at = now.toISOString()
  const recorded = await recordInboundEvent(trx, {
    source,
    eventId: notification.eventId,
    type: `payment.${notification.status ?? notification.providerStatus}`.slice(0, 100),
    at,
  })
  const result = (outcome: PaymentWebhookResult['outcome'], status: PaymentStatus) => ({
    duplicate: false,
    outcome,
    paymentId,
    status,
  })
  if (!recorded) {
    const previous = await inboundOutcome(trx, { source, eventId: notification.eventId })
    return {
      ...result((previous ?? 'applied') as PaymentWebhookResult['outcome'], payment.status),
      duplicate: true,
    }
  }
  if (
    notification.amount !== Number(payment.amount) ||
    notification.currency !== payment.currency
  ) {
    throw new ApiError(
      422,
      'amount_mismatch',
      `The notification states ${notification.amount} ${notification.currency}; payment ${paymentId} is for ${payment.amount} ${payment.currency}.`,
    )
  }
  const outcome = await transition(trx, { ...target, paymentId }, notification, now)
  if (outcome.outcome !== 'applied') {
    await setInboundOutcome(trx, {
      source,
      eventId: notification.eventId,
      outcome: outcome.outcome,
    })
  }
  return result(outcome.outcome, outcome.status)
}

type PaymentRow = Awaited<ReturnType<typeof paymentByReference.execute>>[number]

async function transition(
  trx: Trx,
  target: { accountId: string; paymentId: string; payment: PaymentRow },
  notification: PaymentNotification,
  now: Date,
): Promise<{ outcome: PaymentWebhookResult['outcome']; status: PaymentStatus }> {
  const { payment } = target
  const to: ProviderPaymentStatus | undefined = notification.status
  if (!to) return { outcome: 'ignored', status: payment.status }
  if (to === 'pending') {
    // A first `pending` (a bank transfer awaiting the money) says how the customer pays.
    if (payment.status !== 'pending' || payment.provider_transaction_id) {
      return { outcome: 'stale', status: payment.status }
    }
    await trx
      .updateTable('payments')
      .set({
        provider_transaction_id: notification.transactionId,
        method: notification.method,
        updated_at: now.toISOString(),
      })
      .where('id', '=', target.paymentId)
      .where('account_id', '=', target.accountId)
      .execute()
    return { outcome: 'applied', status: 'pending' }
  }
  if (RANK[to] <= RANK[payment.status]) return { outcome: 'stale', status: payment.status }
  if (to === 'succeeded') {
    await recordSuccess(trx, target, notification, now)
    return { outcome: 'applied', status: 'succeeded' }
  }
  await trx
    .updateTable('payments')
    .set({
      status: to,
      provider_transaction_id: notification.transactionId,
      method: notification.method ?? payment.method,
      failure_reason: notification.providerStatus.slice(0, 200),
      updated_at: now.toISOString(),
    })
    .where('id', '=', target.paymentId)
    .where('account_id', '=', target.accountId)
    .where('status', '=', payment.status)
    .execute()
  await appendEvent(trx, {
    accountId: target.accountId,
    type: `payment.${to}`,
    subjectId: target.paymentId,
    data: { paymentId: target.paymentId, status: to, reason: notification.providerStatus },
    now,
  })
  return { outcome: 'applied', status: to }
}

/**
 * The payment succeeded: each allocation is recorded against its invoice —
 * `amount_paid` up, `paid` when nothing is left — in the transaction that
 * marks the payment, appends `payment.succeeded` (and `invoice.paid` or
 * `invoice.partially_paid` per invoice) and queues the payment for the ERP's
 * accounts receivable. An invoice never takes more than its balance: should
 * it have shrunk outside the portal since the payment was reserved (the ERP
 * recorded a bank transfer, a late confirmation after expiry), the rest is
 * kept as the payment's unapplied amount, for the ERP to refund or credit.
 */
async function recordSuccess(
  trx: Trx,
  target: { accountId: string; paymentId: string; payment: PaymentRow },
  notification: PaymentNotification,
  now: Date,
) {
  const { accountId, paymentId, payment } = target
  const at = now.toISOString()
  const changed = await markSucceeded.run(trx, {
    id: paymentId,
    accountId,
    transactionId: notification.transactionId,
    method: notification.method,
    at,
  })
  // Guarded by the status: two deliveries can never both record the money.
  if (changed === 0) return
  // PostgreSQL: the invoices are locked before they are read, so concurrent
  // payments of one invoice add up (SQLite runs one write transaction at a time).
  if (isPostgres(trx as unknown as Kysely<unknown>)) {
    await trx
      .selectFrom('invoices')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('payment_allocations')
          .select('invoice_id')
          .where('payment_id', '=', paymentId),
      )
      .orderBy('id')
      .forUpdate()
      .execute()
  }
  const allocations = await allocationsWithInvoices.execute(trx, { paymentId, accountId })

  let unapplied = 0
  const applied: Array<{ invoiceId: string; invoiceNumber: string; amount: number }> = []
  const invoiceEvents: Array<Parameters<typeof appendEvent>[1]> = []
  for (const allocation of allocations) {
    const total = Number(allocation.total)
    const paidBefore = Number(allocation.amount_paid)
    const room = allocation.status === 'open' ? Math.max(0, total - paidBefore) : 0
    const amount = Math.min(Number(allocation.amount), room)
    unapplied += Number(allocation.amount) - amount
    applied.push({ invoiceId: allocation.invoice_id, invoiceNumber: allocation.number, amount })
    if (amount < Number(allocation.amount)) {
      await trx
        .updateTable('payment_allocations')
        .set({ amount })
        .where('payment_id', '=', paymentId)
        .where('invoice_id', '=', allocation.invoice_id)
        .execute()
    }
    if (amount === 0) continue
    const amountPaid = paidBefore + amount
    const paid = amountPaid >= total
    await payInvoice.run(trx, {
      id: allocation.invoice_id,
      accountId,
      amountPaid,
      status: paid ? 'paid' : 'open',
      at,
    })
    invoiceEvents.push({
      accountId,
      type: paid ? 'invoice.paid' : 'invoice.partially_paid',
      subjectId: allocation.invoice_id,
      data: {
        invoiceId: allocation.invoice_id,
        number: allocation.number,
        paymentId,
        amountPaid,
        amountDue: total - amountPaid,
      },
      now,
    })
  }
  if (unapplied > 0) {
    await trx
      .updateTable('payments')
      .set({ unapplied_amount: unapplied })
      .where('id', '=', paymentId)
      .where('account_id', '=', accountId)
      .execute()
  }
  const eventId = await appendEvent(trx, {
    accountId,
    type: 'payment.succeeded',
    subjectId: paymentId,
    data: {
      paymentId,
      accountId,
      provider: payment.provider,
      transactionId: notification.transactionId,
      method: notification.method,
      amount: Number(payment.amount),
      currency: payment.currency,
      unappliedAmount: unapplied,
      allocations: applied,
      succeededAt: at,
    },
    now,
  })
  for (const event of invoiceEvents) await appendEvent(trx, event)
  await enqueueDelivery(trx, eventId, accountId, now)
}
