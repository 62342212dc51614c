import type { Transaction } from 'kysely'
import { appendEvent } from '../db/events.js'
import type { Database, NewInvoice, PaymentsTable } from '../db/schema.js'
import { newId } from '../lib/ids.js'
import type { seededRandom } from './random.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** How the demo's rupiah payments went through Midtrans; the others went through the sandbox. */
const MIDTRANS_METHODS = ['bank_transfer', 'echannel', 'gopay', 'qris']

/**
 * Past portal payments of a demo account, so the payment history has
 * something to show from the first minute: every part payment of an open
 * invoice (the demo's partly paid invoices were paid through the portal),
 * the latest paid invoices — the two most recent in one payment — and one
 * declined and one abandoned attempt. Succeeded ones match the invoices'
 * amount_paid exactly; none is pending, so nothing is reserved.
 */
export async function seedDemoPayments(
  trx: Transaction<Database>,
  input: {
    accountId: string
    currency: string
    userId: string
    invoices: NewInvoice[]
    now: Date
    random: ReturnType<typeof seededRandom>
  },
) {
  const { accountId, currency, userId, now, random } = input
  const provider = currency === 'IDR' ? 'midtrans' : 'sandbox'
  const paidOn = (invoice: NewInvoice) =>
    new Date(
      Math.min(
        now.getTime() - 3_600_000,
        Date.parse(invoice.created_at) + random.int(2, 20) * DAY_MS + random.int(0, 8) * 3_600_000,
      ),
    )

  const payments: Array<{
    invoices: NewInvoice[]
    amounts: number[]
    at: Date
    status: PaymentsTable['status']
  }> = []
  const partlyPaid = input.invoices.filter((i) => i.status === 'open' && Number(i.amount_paid) > 0)
  for (const invoice of partlyPaid) {
    payments.push({
      invoices: [invoice],
      amounts: [Number(invoice.amount_paid)],
      at: paidOn(invoice),
      status: 'succeeded',
    })
  }
  const recentPaid = input.invoices
    .filter((i) => i.status === 'paid' && Date.parse(i.created_at) > now.getTime() - 120 * DAY_MS)
    .slice(-4)
  if (recentPaid.length >= 2) {
    const [a, b] = recentPaid.slice(-2) as [NewInvoice, NewInvoice]
    payments.push({
      invoices: [a, b],
      amounts: [Number(a.total), Number(b.total)],
      at: paidOn(b),
      status: 'succeeded',
    })
  }
  for (const invoice of recentPaid.slice(0, -2)) {
    payments.push({
      invoices: [invoice],
      amounts: [Number(invoice.total)],
      at: paidOn(invoice),
      status: 'succeeded',
    })
  }
  const open = input.invoices.filter((i) => i.status === 'open' && Number(i.amount_paid) === 0)
  for (const [index, status] of (['failed', 'cancelled'] as const).entries()) {
    const invoice = open[open.length - 1 - index]
    if (!invoice) continue
    payments.push({
      invoices: [invoice],
      amounts: [Number(invoice.total)],
      at: new Date(now.getTime() - (index + 1) * 2 * DAY_MS),
      status,
    })
  }

  for (const payment of payments.sort((x, y) => x.at.getTime() - y.at.getTime())) {
    const id = newId('pay', payment.at.getTime())
    const at = payment.at.toISOString()
    const amount = payment.amounts.reduce((sum, a) => sum + a, 0)
    const succeeded = payment.status === 'succeeded'
    const method = provider === 'midtrans' ? random.pick(MIDTRANS_METHODS) : 'sandbox'
    const transactionId = `${provider === 'midtrans' ? 'mt' : 'sbx'}-${id.slice(-12)}`
    await trx
      .insertInto('payments')
      .values({
        id,
        account_id: accountId,
        provider,
        provider_reference: id,
        provider_transaction_id: transactionId,
        status: payment.status,
        currency,
        amount,
        unapplied_amount: 0,
        method,
        return_url: '/invoices',
        redirect_url: '/invoices',
        provider_token: null,
        failure_reason: succeeded
          ? null
          : payment.status === 'failed'
            ? 'deny'
            : 'payment.cancelled',
        created_by: userId,
        created_at: at,
        updated_at: at,
        expires_at: new Date(payment.at.getTime() + 30 * 60_000).toISOString(),
        succeeded_at: succeeded ? at : null,
      })
      .execute()
    await trx
      .insertInto('payment_allocations')
      .values(
        payment.invoices.map((invoice, i) => ({
          payment_id: id,
          invoice_id: invoice.id,
          account_id: accountId,
          amount: payment.amounts[i]!,
        })),
      )
      .execute()
    await appendEvent(trx, {
      accountId,
      type: `payment.${payment.status}`,
      subjectId: id,
      data: {
        paymentId: id,
        provider,
        transactionId,
        method,
        amount,
        currency,
        allocations: payment.invoices.map((invoice, i) => ({
          invoiceId: invoice.id,
          invoiceNumber: invoice.number,
          amount: payment.amounts[i],
        })),
      },
      now: payment.at,
    })
  }
}
