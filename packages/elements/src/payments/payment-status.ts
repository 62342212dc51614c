import { css, html } from 'lit'
import type { SharedMessages } from '../i18n/shared.messages.js'
import type { PaymentStatus } from '../portal-client.js'

const statusMessage = {
  pending: 'paymentPending',
  succeeded: 'paymentSucceeded',
  failed: 'paymentFailed',
  cancelled: 'paymentCancelled',
  expired: 'paymentExpired',
} as const satisfies Record<PaymentStatus, keyof SharedMessages>

/** The localised name of a payment status. */
export function paymentStatusLabel(t: SharedMessages, status: PaymentStatus): string {
  return t[statusMessage[status]]
}

/** True once the provider has reported an outcome: anything but `pending`. */
export function isFinalPaymentStatus(status: PaymentStatus): boolean {
  return status !== 'pending'
}

/**
 * A payment status badge, exposed as `payment-badge` and
 * `payment-badge-<status>`; its colours come from {@link paymentStatusStyles}.
 */
export function paymentStatusBadge(t: SharedMessages, status: PaymentStatus) {
  return html`<span part="payment-badge payment-badge-${status}" class="badge badge--pay-${status}"
    >${paymentStatusLabel(t, status)}</span
  >`
}

/** Pending a warning, succeeded a success, declined a danger; cancelled and expired muted. */
export const paymentStatusStyles = css`
  .badge--pay-pending {
    --tone: var(--_color-warning);
  }

  .badge--pay-succeeded {
    --tone: var(--_color-success);
  }

  .badge--pay-failed {
    --tone: var(--_color-danger);
  }
`
