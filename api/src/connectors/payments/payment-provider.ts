/**
 * What Portico needs from whoever takes the money: a checkout for a payment,
 * and its webhooks, verified and read into one shape. Services reach a
 * provider only through this interface (injected by `createApp(deps)`), so a
 * new provider — Stripe Checkout, say — is one file implementing it, plus
 * its line in ./providers.ts and its settings in config.ts.
 *
 * The built-in implementations: ./sandbox.ts (a local hosted page, for the
 * demo and tests) and ./midtrans.ts (Midtrans Snap).
 */
export interface PaymentProvider {
  /** The `{provider}` of `POST /v1/webhooks/payments/{provider}`, stored with each payment. */
  readonly name: string
  /** Whether the provider can take money in this ISO 4217 currency. */
  supportsCurrency(currency: string): boolean
  /**
   * Opens a checkout for a payment Portico is about to record. Called before
   * the payment is written: a provider failure stores nothing.
   * @throws PaymentProviderError
   */
  createCheckout(request: CheckoutRequest): Promise<Checkout>
  /**
   * Verifies a webhook on its raw body (in constant time) and reads it.
   * Never trusts anything it has not verified.
   * @throws WebhookRejectedError when the signature, timestamp or shape is wrong.
   */
  readWebhook(webhook: IncomingWebhook): PaymentNotification
}

export interface CheckoutRequest {
  /** Portico's payment ID (`pay_…`): unique, ≤ 50 characters, safe as a provider's order ID. */
  paymentId: string
  /** Integer minor units of `currency`. */
  amount: number
  currency: string
  /** What is paid, one line per invoice (their amounts add up to `amount`). */
  lines: Array<{ invoiceId: string; invoiceNumber: string; amount: number }>
  customer: { name: string; email: string }
  /** The customer's language (BCP 47), for the provider's page. */
  locale: string
  /** Where the provider sends the customer back to; validated by Portico. */
  returnUrl: string
  createdAt: Date
  /** The checkout must not take money after this. */
  expiresAt: Date
}

export interface Checkout {
  /** The provider's name for the payment, by which its webhooks refer to it. */
  reference: string
  /** Where to send the customer to pay. */
  redirectUrl: string
  /** A token for the provider's own front end (Snap.js), when it has one. */
  token: string | null
}

export interface IncomingWebhook {
  rawBody: string
  /** Lower-case header names. */
  headers: Record<string, string | undefined>
}

/** What a provider may say about a payment, in Portico's words. */
export type ProviderPaymentStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired'

/** One verified webhook, read. */
export interface PaymentNotification {
  /** Unique per delivery the provider means as one message: redeliveries repeat it. */
  eventId: string
  /** `Checkout.reference` of the payment it is about. */
  reference: string
  /** The provider's transaction ID: one payment, one transaction. */
  transactionId: string
  /** `undefined`: a status Portico does not act on (a refund, say) — acknowledged, nothing changes. */
  status: ProviderPaymentStatus | undefined
  /** As the provider states it, in integer minor units; must equal the payment's. */
  amount: number
  currency: string
  /** How the customer paid (`bank_transfer`, `gopay`, `card`), when the provider says. */
  method: string | null
  /** The provider's own words for the status, kept as the failure reason. */
  providerStatus: string
}

/** The provider refused or could not be reached: nothing was created. */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError'
  constructor(
    message: string,
    /** `unavailable`: try again later (5xx, timeout, network); `refused`: the request itself was refused. */
    readonly kind: 'unavailable' | 'refused',
    options: { cause?: unknown } = {},
  ) {
    super(message, options)
  }
}

/** A webhook that cannot be trusted or read: answered 401 (signature) or 400 (shape). */
export class WebhookRejectedError extends Error {
  override name = 'WebhookRejectedError'
  constructor(
    message: string,
    readonly reason: 'invalid_signature' | 'malformed',
  ) {
    super(message)
  }
}
