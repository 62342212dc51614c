import { css, html } from 'lit'
import type { SharedMessages } from '../i18n/shared.messages.js'
import type { InvoiceStatus } from '../portal-client.js'

const statusMessage = {
  open: 'statusOpen',
  partially_paid: 'statusPartiallyPaid',
  overdue: 'statusOverdue',
  paid: 'statusPaid',
  void: 'statusVoid',
} as const satisfies Record<InvoiceStatus, keyof SharedMessages>

/** The localised name of an invoice status. */
export function invoiceStatusLabel(t: SharedMessages, status: InvoiceStatus): string {
  return t[statusMessage[status]]
}

/**
 * A status badge, exposed as `status-badge` and `status-badge-<status>`.
 * Its colours come from {@link invoiceStatusStyles}.
 */
export function invoiceStatusBadge(t: SharedMessages, status: InvoiceStatus) {
  return html`<span part="status-badge status-badge-${status}" class="badge badge--${status}"
    >${invoiceStatusLabel(t, status)}</span
  >`
}

/** The tone of each status: open (and partly paid) a warning, overdue a danger, paid a success, void muted. */
export const invoiceStatusStyles = css`
  .badge--open,
  .badge--partially_paid {
    --tone: var(--_color-warning);
  }

  .badge--overdue {
    --tone: var(--_color-danger);
  }

  .badge--paid {
    --tone: var(--_color-success);
  }
`
