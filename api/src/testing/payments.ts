/**
 * Payment providers' side of the wire, for tests and benchmarks: webhooks
 * signed the way the sandbox and Midtrans sign theirs, and a local server
 * speaking Midtrans Snap's request and response shapes.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import { Webhook } from 'standardwebhooks'
import type { Database } from '../db/schema.js'
import { newId } from '../lib/ids.js'

export interface SandboxWebhookInput {
  type: 'payment.succeeded' | 'payment.failed' | 'payment.cancelled'
  reference: string
  amount: number
  currency: string
  transactionId?: string
  /** The Standard Webhooks message ID; by default one per reference and type. */
  id?: string
  signedAt?: Date
}

/** A sandbox webhook signed with `secret` (Standard Webhooks), as the hosted page sends it. */
export function signedSandboxWebhook(secret: string, input: SandboxWebhookInput) {
  const signedAt = input.signedAt ?? new Date()
  const id = input.id ?? `msg_${input.reference}_${input.type}`
  const body = JSON.stringify({
    type: input.type,
    timestamp: signedAt.toISOString(),
    data: {
      reference: input.reference,
      transactionId: input.transactionId ?? `sbx_${input.reference}`,
      amount: input.amount,
      currency: input.currency,
    },
  })
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, signedAt, body),
    },
  }
}

/** The `status_code` Midtrans sends with each `transaction_status`. */
const MIDTRANS_STATUS_CODES: Record<string, string> = {
  capture: '200',
  settlement: '200',
  pending: '201',
  deny: '202',
  cancel: '202',
  expire: '202',
  failure: '202',
}

export interface MidtransNotificationInput {
  orderId: string
  /** Whole rupiah; sent as Midtrans does, `"150000.00"`. */
  grossAmount: number
  transactionStatus: string
  fraudStatus?: string
  transactionId?: string
  paymentType?: string
  statusCode?: string
}

/** A Midtrans HTTP notification body with its `signature_key`. */
export function signedMidtransNotification(serverKey: string, input: MidtransNotificationInput) {
  const statusCode =
    input.statusCode ??
    (input.transactionStatus === 'capture' && input.fraudStatus === 'challenge'
      ? '201'
      : (MIDTRANS_STATUS_CODES[input.transactionStatus] ?? '200'))
  const grossAmount = `${input.grossAmount}.00`
  const notification = {
    transaction_time: '2026-11-25 10:15:00',
    transaction_status: input.transactionStatus,
    transaction_id: input.transactionId ?? `mt-${input.orderId}`,
    status_message: 'midtrans payment notification',
    status_code: statusCode,
    signature_key: createHash('sha512')
      .update(`${input.orderId}${statusCode}${grossAmount}${serverKey}`)
      .digest('hex'),
    payment_type: input.paymentType ?? 'bank_transfer',
    order_id: input.orderId,
    merchant_id: 'G000000000',
    gross_amount: grossAmount,
    fraud_status: input.fraudStatus ?? 'accept',
    currency: 'IDR',
  }
  return JSON.stringify(notification)
}

export interface SnapRequest {
  authorization: string | undefined
  body: {
    transaction_details: { order_id: string; gross_amount: number }
    item_details?: Array<{ id: string; price: number; quantity: number; name: string }>
    customer_details?: { first_name?: string; email?: string }
    callbacks?: { finish?: string }
    expiry?: { unit: string; duration: number }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of req) body += chunk
  return body
}

/**
 * A local Midtrans Snap API: `POST /snap/v1/transactions` with Basic auth
 * (server key + ':') answers 201 `{ token, redirect_url }`, refuses a wrong
 * key with 401 and items that do not add up to `gross_amount` with 400,
 * both as `{ error_messages: [...] }` — and can be told to fail with 503.
 */
export async function startFakeMidtrans(serverKey: string) {
  const requests: SnapRequest[] = []
  const state = { unavailable: false }
  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (req.method !== 'POST' || req.url !== '/snap/v1/transactions') {
      return json(404, { error_messages: ['not found'] })
    }
    if (state.unavailable) return json(503, { error_messages: ['Service unavailable'] })
    const expected = `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`
    if (req.headers.authorization !== expected) {
      return json(401, {
        error_messages: [
          'Access denied due to unauthorized transaction, please check client or server key',
        ],
      })
    }
    const body = JSON.parse(raw) as SnapRequest['body']
    requests.push({ authorization: req.headers.authorization, body })
    const items = body.item_details ?? []
    const sum = items.reduce((s, i) => s + i.price * i.quantity, 0)
    if (items.length && sum !== body.transaction_details.gross_amount) {
      return json(400, {
        error_messages: [
          'transaction_details.gross_amount is not equal to the sum of item_details',
        ],
      })
    }
    const token = `snap-${body.transaction_details.order_id}`
    json(201, {
      token,
      redirect_url: `https://app.sandbox.midtrans.com/snap/v4/redirection/${token}`,
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    snapUrl: `http://127.0.0.1:${port}/snap/v1`,
    requests,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * An open invoice of its own for a test (so tests never share a balance),
 * written as the ERP sync writes one, due far in the future.
 */
export async function insertOpenInvoice(
  db: Kysely<Database>,
  input: {
    accountId: string
    number: string
    currency: string
    total: number
    taxTotal?: number
    now: Date
  },
): Promise<string> {
  const at = input.now.toISOString()
  const id = newId('inv', input.now.getTime())
  const taxTotal = input.taxTotal ?? 0
  await db
    .insertInto('invoices')
    .values({
      id,
      account_id: input.accountId,
      number: input.number,
      status: 'open',
      currency: input.currency,
      issue_date: at.slice(0, 10),
      due_date: '2099-12-31',
      subtotal: input.total - taxTotal,
      tax_total: taxTotal,
      total: input.total,
      amount_paid: 0,
      po_number: null,
      created_at: at,
      updated_at: at,
    })
    .execute()
  return id
}
