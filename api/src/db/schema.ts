import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * The database as Kysely sees it. Timestamps are ISO-8601 UTC strings and
 * calendar dates `YYYY-MM-DD` strings on every dialect, so both sort
 * lexicographically and compare the same way on SQLite and PostgreSQL.
 * Money columns hold integer minor units (`bigint` on PostgreSQL).
 */
export interface Database {
  accounts: AccountsTable
  users: UsersTable
  sessions: SessionsTable
  api_keys: ApiKeysTable
  embed_sessions: EmbedSessionsTable
  embed_session_origins: EmbedSessionOriginsTable
  invoices: InvoicesTable
  invoice_lines: InvoiceLinesTable
  events: EventsTable
  idempotency_keys: IdempotencyKeysTable
  products: ProductsTable
  product_accounts: ProductAccountsTable
  price_lists: PriceListsTable
  price_list_items: PriceListItemsTable
  account_terms: AccountTermsTable
  orders: OrdersTable
  order_lines: OrderLinesTable
  order_timeline: OrderTimelineTable
  shipments: ShipmentsTable
  outbox_deliveries: OutboxDeliveriesTable
  inbound_events: InboundEventsTable
}

export interface AccountsTable {
  id: string
  name: string
  /** ISO 4217 code the account is invoiced in. */
  currency: string
  /** BCP 47 language tag the account's users see by default. */
  locale: string
  created_at: string
}

export type Role = 'admin' | 'buyer' | 'accounts_payable' | 'viewer'

export interface UsersTable {
  id: string
  account_id: string
  /** Stored lower-cased; unique across the installation. */
  email: string
  name: string
  password_hash: string
  role: Role
  created_at: string
  disabled_at: string | null
  last_login_at: Generated<string | null>
}

export interface SessionsTable {
  id: string
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string
  user_id: string
  account_id: string
  created_at: string
  last_seen_at: string
  /** Absolute expiry; the idle timeout is computed from last_seen_at. */
  expires_at: string
  revoked_at: string | null
}

export interface ApiKeysTable {
  id: string
  name: string
  key_hash: string
  created_at: string
  revoked_at: string | null
}

export interface EmbedSessionsTable {
  id: string
  secret_hash: string
  user_id: string
  account_id: string
  /** JSON array of the permissions this secret carries (a subset of the user's). */
  permissions: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export interface EmbedSessionOriginsTable {
  embed_session_id: string
  origin: string
  expires_at: string
}

export type StoredInvoiceStatus = 'open' | 'paid' | 'void'

export interface InvoicesTable {
  id: string
  account_id: string
  number: string
  status: StoredInvoiceStatus
  currency: string
  issue_date: string
  due_date: string
  subtotal: number
  tax_total: number
  total: number
  amount_paid: number
  po_number: string | null
  created_at: string
  updated_at: string
}

export interface InvoiceLinesTable {
  id: string
  invoice_id: string
  account_id: string
  position: number
  description: string
  sku: string | null
  quantity: number
  unit_price: number
  /** Tax rate in basis points (1100 = 11 %). */
  tax_rate_bps: number
  amount: number
}

export interface EventsTable {
  /** Monotonic position in the stream; what SSE clients resume from. */
  seq: Generated<number>
  id: string
  account_id: string | null
  type: string
  subject_id: string | null
  /** JSON payload. */
  data: string
  created_at: string
}

export interface IdempotencyKeysTable {
  /** tenant + principal + method + route: a key never collides across them. */
  scope: string
  key: string
  request_hash: string
  state: 'in_flight' | 'completed'
  response_status: number | null
  response_body: string | null
  response_content_type: string | null
  created_at: string
  expires_at: string
}

export type AccountRow = Selectable<AccountsTable>
export type UserRow = Selectable<UsersTable>
export type InvoiceRow = Selectable<InvoicesTable>
export type InvoiceLineRow = Selectable<InvoiceLinesTable>
export type NewInvoice = Insertable<InvoicesTable>
export type NewInvoiceLine = Insertable<InvoiceLinesTable>

export interface ProductsTable {
  id: string
  sku: string
  name: string
  description: string
  /** Unit of measure a quantity counts: `bag`, `pcs`, `h`, `m`. */
  unit: string
  min_order_quantity: number
  order_multiple: number
  restricted: number
  active: number
  created_at: string
}

export interface ProductAccountsTable {
  product_id: string
  account_id: string
}

export interface PriceListsTable {
  id: string
  account_id: string
  name: string
  currency: string
  valid_from: string
  /** Inclusive; null = open-ended. */
  valid_to: string | null
  erp_reference: string | null
  created_at: string
  updated_at: string
}

export interface PriceListItemsTable {
  price_list_id: string
  account_id: string
  product_id: string
  min_quantity: number
  unit_price: number
}

export interface AccountTermsTable {
  account_id: string
  credit_limit: number
  on_hold: number
  hold_reason: string | null
  tax_rate_bps: number
  updated_at: string
}

export type OrderStatus =
  | 'placed'
  | 'confirmed'
  | 'in_production'
  | 'partially_shipped'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'rejected'

export interface OrdersTable {
  id: string
  account_id: string
  number: string
  status: OrderStatus
  currency: string
  subtotal: number
  tax_total: number
  total: number
  po_number: string | null
  /** JSON of the delivery address. */
  delivery_address: string | null
  requested_date: string | null
  note: string | null
  erp_order_number: string | null
  status_reason: string | null
  placed_by: string
  placed_at: string
  confirmed_at: string | null
  invoiced_at: string | null
  updated_at: string
}

export interface OrderLinesTable {
  id: string
  order_id: string
  account_id: string
  position: number
  product_id: string
  sku: string
  name: string
  unit: string
  quantity: number
  unit_price: number
  tax_rate_bps: number
  amount: number
  shipped_quantity: number
}

export interface OrderTimelineTable {
  id: string
  order_id: string
  account_id: string
  status: OrderStatus
  occurred_at: string
  recorded_at: string
  source: 'portal' | 'erp'
  /** JSON: ERP number, carrier, tracking, reason… */
  detail: string
}

export interface ShipmentsTable {
  id: string
  order_id: string
  account_id: string
  erp_shipment_id: string
  carrier: string
  tracking_number: string
  tracking_url: string | null
  lines: string
  shipped_at: string
  delivered_at: string | null
}

export interface OutboxDeliveriesTable {
  event_id: string
  consumer: string
  account_id: string | null
  state: 'pending' | 'delivered' | 'dead'
  attempts: number
  next_attempt_at: string
  claimed_until: string | null
  last_error: string | null
  delivered_at: string | null
  created_at: string
}

export interface InboundEventsTable {
  source: string
  event_id: string
  type: string
  received_at: string
  outcome: string
}
