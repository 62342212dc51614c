import { createHash } from 'node:crypto'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { z } from '@hono/zod-openapi'
import { safeEqual, sign } from '../../lib/secrets.js'
import {
  WebhookRejectedError,
  type Checkout,
  type CheckoutRequest,
  type IncomingWebhook,
  type PaymentNotification,
  type PaymentProvider,
} from './payment-provider.js'

/** What the customer does on the hosted page. */
export type SandboxAction = 'pay' | 'decline' | 'abandon'

const OUTCOMES = {
  pay: 'payment.succeeded',
  decline: 'payment.failed',
  abandon: 'payment.cancelled',
} as const satisfies Record<SandboxAction, string>

/** A checkout as the hosted page shows it: everything it needs travels in its signed link. */
export interface SandboxCheckout {
  reference: string
  amount: number
  currency: string
  lines: Array<{ number: string; amount: number }>
  returnUrl: string
  locale: string
  expiresAt: number
}

/**
 * The sandbox's webhook body: Standard Webhooks' `{ type, timestamp, data }`,
 * signed like the ERP's events (HMAC-SHA256 over `id.timestamp.body`).
 */
export const SandboxWebhookBody = z
  .strictObject({
    type: z.enum(['payment.succeeded', 'payment.failed', 'payment.cancelled']),
    timestamp: z.iso.datetime({ offset: true }),
    data: z.strictObject({
      reference: z.string().min(1).max(100),
      transactionId: z.string().min(1).max(100),
      amount: z.number().int().positive(),
      currency: z.string().length(3),
    }),
  })
  .openapi('SandboxPaymentWebhook', {
    description:
      'The built-in sandbox provider: Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`).',
  })

type SandboxWebhook = z.infer<typeof SandboxWebhookBody>

const STATUS_OF: Record<SandboxWebhook['type'], PaymentNotification['status']> = {
  'payment.succeeded': 'succeeded',
  'payment.failed': 'failed',
  'payment.cancelled': 'cancelled',
}

/**
 * A payment provider that moves no money, for the demo and tests: its
 * checkout is a page Portico serves itself (`/sandbox/pay/{token}`, see
 * ./sandbox-page.ts) where the customer pays, declines or gives up; each
 * choice comes back as a signed webhook, exactly as a real provider's would.
 * The page keeps no state: the link carries the checkout, signed.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox'
  readonly #secret: string
  readonly #webhook: Webhook
  readonly #publicOrigin: string

  constructor(options: { secret: string; publicOrigin: string }) {
    this.#secret = options.secret
    this.#webhook = new Webhook(options.secret)
    this.#publicOrigin = options.publicOrigin
  }

  supportsCurrency(): boolean {
    return true
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const checkout: SandboxCheckout = {
      reference: request.paymentId,
      amount: request.amount,
      currency: request.currency,
      lines: request.lines.map((l) => ({ number: l.invoiceNumber, amount: l.amount })),
      returnUrl: request.returnUrl,
      locale: request.locale,
      expiresAt: request.expiresAt.getTime(),
    }
    const body = Buffer.from(JSON.stringify(checkout)).toString('base64url')
    const token = `${body}.${this.#mac(body)}`
    return {
      reference: checkout.reference,
      redirectUrl: `${this.#publicOrigin}/sandbox/pay/${token}`,
      token: null,
    }
  }

  /** The checkout behind a page link; undefined when the link is forged or malformed. */
  openCheckout(token: string): SandboxCheckout | undefined {
    const [body, mac, extra] = token.split('.')
    if (!body || !mac || extra !== undefined || !safeEqual(mac, this.#mac(body))) return undefined
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SandboxCheckout
    } catch {
      return undefined
    }
  }

  /**
   * The webhook the page sends for the customer's choice. One transaction per
   * checkout, one message ID per choice: pressing Pay twice is a duplicate.
   */
  outcomeWebhook(checkout: SandboxCheckout, action: SandboxAction, now: Date) {
    const transactionId = `sbx_${this.#mac(`transaction:${checkout.reference}`).slice(0, 24)}`
    const messageId = `msg_${createHash('sha256').update(`${checkout.reference}:${action}`).digest('hex').slice(0, 32)}`
    const event: SandboxWebhook = {
      type: OUTCOMES[action],
      timestamp: now.toISOString(),
      data: {
        reference: checkout.reference,
        transactionId,
        amount: checkout.amount,
        currency: checkout.currency,
      },
    }
    const body = JSON.stringify(event)
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': this.#webhook.sign(messageId, now, body),
      },
    }
  }

  readWebhook(webhook: IncomingWebhook): PaymentNotification {
    try {
      // Constant-time HMAC check on the raw body; refuses timestamps more than 5 minutes off.
      this.#webhook.verify(webhook.rawBody, {
        'webhook-id': webhook.headers['webhook-id'] ?? '',
        'webhook-timestamp': webhook.headers['webhook-timestamp'] ?? '',
        'webhook-signature': webhook.headers['webhook-signature'] ?? '',
      })
    } catch (error) {
      const detail = error instanceof WebhookVerificationError ? error.message : 'Invalid signature'
      throw new WebhookRejectedError(detail, 'invalid_signature')
    }
    let parsed: SandboxWebhook
    try {
      parsed = SandboxWebhookBody.parse(JSON.parse(webhook.rawBody))
    } catch {
      throw new WebhookRejectedError('Not a sandbox payment webhook', 'malformed')
    }
    return {
      eventId: webhook.headers['webhook-id']!,
      reference: parsed.data.reference,
      transactionId: parsed.data.transactionId,
      status: STATUS_OF[parsed.type],
      amount: parsed.data.amount,
      currency: parsed.data.currency,
      method: 'sandbox',
      providerStatus: parsed.type,
    }
  }

  /** Page links and transaction IDs: HMAC under the sandbox secret, apart from webhook signing. */
  #mac(data: string): string {
    return sign(this.#secret, `sandbox-checkout:${data}`)
  }
}
