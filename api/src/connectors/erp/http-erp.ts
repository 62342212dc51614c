import { Webhook } from 'standardwebhooks'
import { PermanentDeliveryError, type ErpConnector, type OutboxEvent } from './erp-connector.js'

export interface HttpErpOptions {
  /** Base URL of the ERP's API, e.g. `https://erp.example.com/api/portico`. */
  baseUrl: string
  /** `whsec_…` secret both sides share; requests are signed per Standard Webhooks. */
  signingSecret: string
  timeoutMs?: number
  fetch?: typeof fetch
}

/**
 * Where each outbox event goes in the ERP, and the record it is idempotent
 * by: an order's placement and cancellation, a payment's posting to
 * accounts receivable (cash applied to the invoices it names).
 */
function endpointFor(event: OutboxEvent): { path: string; subject: string } | undefined {
  switch (event.type) {
    case 'order.placed':
      return { path: '/sales-orders', subject: String(event.data.orderId ?? event.subjectId) }
    case 'order.cancelled': {
      const orderId = String(event.data.orderId ?? event.subjectId)
      return { path: `/sales-orders/${encodeURIComponent(orderId)}/cancel`, subject: orderId }
    }
    case 'payment.succeeded':
      return { path: '/ar-payments', subject: String(event.data.paymentId ?? event.subjectId) }
    default:
      return undefined
  }
}

/**
 * The ERP over HTTP/JSON: `POST {baseUrl}/sales-orders` for a placed order,
 * `POST {baseUrl}/sales-orders/{orderId}/cancel` for a cancellation,
 * `POST {baseUrl}/ar-payments` for a succeeded payment (its allocations to
 * invoices, and any unapplied amount to refund or credit). Each request is
 * HMAC-signed (Standard Webhooks headers) and carries
 * `Idempotency-Key: <type>:<orderId or paymentId>`, so a redelivery never
 * creates a second sales order or posts a payment twice. 2xx and 409
 * (already have it) count as delivered; other 4xx are permanent; 408, 429,
 * 5xx, timeouts and network errors are retried.
 */
export function createHttpErpConnector(options: HttpErpOptions): ErpConnector {
  const webhook = new Webhook(options.signingSecret)
  const fetchImpl = options.fetch ?? fetch
  const base = options.baseUrl.replace(/\/+$/, '')
  return {
    name: 'http',
    async deliver(event: OutboxEvent) {
      const endpoint = endpointFor(event)
      if (!endpoint) throw new PermanentDeliveryError(`no ERP endpoint for ${event.type}`)
      const body = JSON.stringify({
        id: event.id,
        type: event.type,
        occurredAt: event.createdAt,
        data: event.data,
      })
      const timestamp = new Date()
      const response = await fetchImpl(`${base}${endpoint.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `${event.type}:${endpoint.subject}`,
          'webhook-id': event.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': webhook.sign(event.id, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      const detail = (await response.text().catch(() => '')).slice(0, 300)
      if (response.ok || response.status === 409) return
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      ) {
        throw new PermanentDeliveryError(
          `ERP refused ${event.type} with ${response.status}: ${detail}`,
        )
      }
      throw new Error(`ERP answered ${response.status}: ${detail}`)
    },
  }
}
