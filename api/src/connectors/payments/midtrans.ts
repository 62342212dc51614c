import { createHash } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import { safeEqual } from '../../lib/secrets.js'
import {
  PaymentProviderError,
  WebhookRejectedError,
  type Checkout,
  type CheckoutRequest,
  type IncomingWebhook,
  type PaymentNotification,
  type PaymentProvider,
  type ProviderPaymentStatus,
} from './payment-provider.js'

export interface MidtransOptions {
  /** The merchant's server key: Basic-auth user of every API call, and part of every notification's signature. */
  serverKey: string
  /** Snap API base: `https://app.sandbox.midtrans.com/snap/v1` (sandbox) or `https://app.midtrans.com/snap/v1`. */
  snapUrl: string
  timeoutMs?: number
  fetch?: typeof fetch
}

/**
 * Midtrans' HTTP notification (webhook) body. Midtrans adds fields over time
 * and per payment channel (`va_numbers`, `issuer`, …): unknown ones are kept,
 * not refused.
 * @see https://docs.midtrans.com/docs/https-notification-webhooks
 */
export const MidtransNotificationBody = z
  .looseObject({
    order_id: z.string().min(1).max(50),
    status_code: z.string().regex(/^\d{3}$/),
    gross_amount: z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'A decimal amount like "150000.00"'),
    signature_key: z
      .string()
      .length(128)
      .regex(/^[0-9a-fA-F]+$/, 'SHA-512, hex'),
    transaction_status: z.string().min(1).max(40),
    transaction_id: z.string().min(1).max(100),
    fraud_status: z.string().max(40).optional(),
    payment_type: z.string().max(40).optional(),
    currency: z.string().length(3).optional(),
    transaction_time: z.string().max(40).optional(),
    status_message: z.string().max(500).optional(),
  })
  .openapi('MidtransNotification', {
    description:
      'Midtrans HTTP notification, verified by `signature_key` = SHA512(order_id + status_code + gross_amount + server key).',
  })

type MidtransNotification = z.infer<typeof MidtransNotificationBody>

/** Snap's answer to a new transaction (HTTP 201). */
const SnapTransaction = z.object({ token: z.string().min(1), redirect_url: z.url() })
const SnapError = z.object({ error_messages: z.array(z.string()).optional() })

/**
 * What a `transaction_status` (with `fraud_status` for card captures) means
 * for the payment, and the `status_code` Midtrans sends with it. The code is
 * signed, the status is not: a notification whose status does not go with
 * its code was altered, and is refused.
 */
function statusOf(n: MidtransNotification): ProviderPaymentStatus | undefined {
  switch (n.transaction_status) {
    case 'capture':
      // Card payments: `challenge` waits for the merchant's review in the dashboard.
      if (n.fraud_status === 'challenge') return 'pending'
      return n.fraud_status === 'deny' ? 'failed' : 'succeeded'
    case 'settlement':
      return 'succeeded'
    case 'pending':
      return 'pending'
    case 'deny':
    case 'failure':
      return 'failed'
    case 'cancel':
      return 'cancelled'
    case 'expire':
      return 'expired'
    default:
      // refund, partial_refund, chargeback, authorize…: not acted on here.
      return undefined
  }
}

function statusCodeFits(status: ProviderPaymentStatus | undefined, code: string): boolean {
  // Statuses Portico does not act on (refunds…) cannot move anything either way.
  if (status === undefined) return true
  if (status === 'succeeded') return code === '200'
  if (status === 'pending') return code === '201'
  return code !== '200' && code !== '201'
}

/** Midtrans takes rupiah only; gross amounts are whole rupiah ("150000.00"). */
function rupiah(grossAmount: string): number | undefined {
  const [whole, fraction = ''] = grossAmount.split('.')
  if (/[^0]/.test(fraction)) return undefined
  const value = Number(whole)
  return Number.isSafeInteger(value) ? value : undefined
}

/**
 * Midtrans Snap: a transaction per payment (`POST {snapUrl}/transactions`,
 * Basic auth with the server key), the customer pays on Midtrans' page
 * (`redirect_url`) or through Snap.js (`token`), and Midtrans reports every
 * status change with an HTTP notification signed with
 * SHA512(order_id + status_code + gross_amount + server key).
 * Portico's payment ID is the Midtrans `order_id`.
 * @see https://docs.midtrans.com/docs/snap-snap-integration-guide
 */
export class MidtransPaymentProvider implements PaymentProvider {
  readonly name = 'midtrans'
  readonly #serverKey: string
  readonly #snapUrl: string
  readonly #timeoutMs: number
  readonly #fetch: typeof fetch

  constructor(options: MidtransOptions) {
    this.#serverKey = options.serverKey
    this.#snapUrl = options.snapUrl.replace(/\/+$/, '')
    this.#timeoutMs = options.timeoutMs ?? 10_000
    this.#fetch = options.fetch ?? fetch
  }

  supportsCurrency(currency: string): boolean {
    return currency === 'IDR'
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    if (!this.supportsCurrency(request.currency)) {
      throw new PaymentProviderError(`Midtrans takes IDR only, not ${request.currency}`, 'refused')
    }
    const minutes = Math.max(
      1,
      Math.floor((request.expiresAt.getTime() - request.createdAt.getTime()) / 60_000),
    )
    const body = {
      transaction_details: { order_id: request.paymentId, gross_amount: request.amount },
      // Snap requires the items to add up to gross_amount; names are cut at 50 characters.
      item_details: request.lines.map((line) => ({
        id: line.invoiceNumber.slice(0, 50),
        price: line.amount,
        quantity: 1,
        name: `Invoice ${line.invoiceNumber}`.slice(0, 50),
      })),
      customer_details: { first_name: request.customer.name, email: request.customer.email },
      callbacks: { finish: request.returnUrl },
      expiry: { unit: 'minutes', duration: minutes },
    }
    let response: Response
    try {
      response = await this.#fetch(`${this.#snapUrl}/transactions`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${this.#serverKey}:`).toString('base64')}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      })
    } catch (error) {
      throw new PaymentProviderError('Midtrans could not be reached', 'unavailable', {
        cause: error,
      })
    }
    const payload: unknown = await response.json().catch(() => undefined)
    if (response.status === 201 || response.status === 200) {
      const created = SnapTransaction.safeParse(payload)
      if (!created.success) {
        throw new PaymentProviderError('Midtrans answered without a token', 'unavailable')
      }
      return {
        reference: request.paymentId,
        redirectUrl: created.data.redirect_url,
        token: created.data.token,
      }
    }
    const messages = SnapError.safeParse(payload).data?.error_messages ?? []
    const detail = `Midtrans answered ${response.status}${messages.length ? `: ${messages.join('; ')}` : ''}`
    // 401: our server key is wrong — nothing the customer can change.
    const refused = response.status >= 400 && response.status < 500 && response.status !== 401
    throw new PaymentProviderError(detail, refused ? 'refused' : 'unavailable')
  }

  readWebhook(webhook: IncomingWebhook): PaymentNotification {
    let notification: MidtransNotification
    try {
      notification = MidtransNotificationBody.parse(JSON.parse(webhook.rawBody))
    } catch {
      throw new WebhookRejectedError('Not a Midtrans notification', 'malformed')
    }
    const { order_id, status_code, gross_amount, signature_key } = notification
    const expected = createHash('sha512')
      .update(`${order_id}${status_code}${gross_amount}${this.#serverKey}`)
      .digest('hex')
    if (!safeEqual(signature_key.toLowerCase(), expected)) {
      throw new WebhookRejectedError('signature_key does not match', 'invalid_signature')
    }
    const status = statusOf(notification)
    if (!statusCodeFits(status, status_code)) {
      throw new WebhookRejectedError(
        `transaction_status ${notification.transaction_status} does not go with status_code ${status_code}`,
        'invalid_signature',
      )
    }
    const amount = rupiah(gross_amount)
    if (amount === undefined) {
      throw new WebhookRejectedError('gross_amount is not whole rupiah', 'malformed')
    }
    return {
      eventId: `${notification.transaction_id}:${notification.transaction_status}:${notification.fraud_status ?? ''}`,
      reference: order_id,
      transactionId: notification.transaction_id,
      status,
      amount,
      currency: notification.currency ?? 'IDR',
      method: notification.payment_type ?? null,
      providerStatus: notification.transaction_status,
    }
  }
}
