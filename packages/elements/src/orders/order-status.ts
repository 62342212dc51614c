import { css, html } from 'lit'
import type { SharedMessages } from '../i18n/shared.messages.js'
import type { OrderStatus } from '../portal-client.js'

/** Every order status, in the order an order moves through them; the two ends last. */
export const orderStatuses: readonly OrderStatus[] = Object.freeze([
  'placed',
  'confirmed',
  'in_production',
  'partially_shipped',
  'shipped',
  'delivered',
  'cancelled',
  'rejected',
])

type StatusMessage =
  | 'orderPlaced'
  | 'orderConfirmed'
  | 'orderInProduction'
  | 'orderPartiallyShipped'
  | 'orderShipped'
  | 'orderDelivered'
  | 'orderCancelled'
  | 'orderRejected'

const statusMessage: Record<OrderStatus, StatusMessage> = {
  placed: 'orderPlaced',
  confirmed: 'orderConfirmed',
  in_production: 'orderInProduction',
  partially_shipped: 'orderPartiallyShipped',
  shipped: 'orderShipped',
  delivered: 'orderDelivered',
  cancelled: 'orderCancelled',
  rejected: 'orderRejected',
}

/** The localised name of an order status. */
export function orderStatusLabel(t: SharedMessages, status: OrderStatus): string {
  return t[statusMessage[status]]
}

/**
 * A status badge, exposed as `status-badge` and `status-badge-<status>`.
 * Its colours come from {@link orderStatusStyles}.
 */
export function orderStatusBadge(t: SharedMessages, status: OrderStatus) {
  return html`<span part="status-badge status-badge-${status}" class="badge badge--${status}"
    >${orderStatusLabel(t, status)}</span
  >`
}

/**
 * The tone of each status: waiting is muted, moving is the primary colour,
 * goods on the road a warning amber, arrived green, refused red.
 */
export const orderStatusStyles = css`
  /* A brand colour is chosen for buttons, not for small text on a tint: a
     quarter of the text colour keeps any primary at AA on the badge. */
  .badge--confirmed,
  .badge--in_production {
    --tone: color-mix(in srgb, var(--_color-primary) 75%, var(--_color-text));
  }

  .badge--partially_shipped,
  .badge--shipped {
    --tone: var(--_color-warning);
  }

  .badge--delivered {
    --tone: var(--_color-success);
  }

  .badge--rejected {
    --tone: var(--_color-danger);
  }
`
