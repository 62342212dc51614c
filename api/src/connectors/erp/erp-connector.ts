/** An event from the outbox, as a connector receives it. */
export interface OutboxEvent {
  id: string
  type: string
  accountId: string | null
  subjectId: string | null
  data: Record<string, unknown>
  createdAt: string
}

/**
 * Where Portico sends what the ERP must receive: sales orders
 * (`order.placed`), their cancellation (`order.cancelled`), and payments to
 * post to accounts receivable (`payment.succeeded`: the amount, the
 * allocations to invoices, any unapplied rest). Implementations must be
 * idempotent by `event.subjectId` (the order or payment ID): the outbox
 * delivers at least once.
 */
export interface ErpConnector {
  readonly name: string
  /** Resolves when the ERP has accepted the event; throws to retry, or a PermanentDeliveryError to dead-letter. */
  deliver(event: OutboxEvent): Promise<void>
}

/** The ERP refused the event for good (a validation error): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError'
}
