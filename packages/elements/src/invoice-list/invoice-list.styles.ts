import { css } from 'lit'

/**
 * Styles of `<portico-invoice-list>`. Only private token properties
 * (`--_color-text`, …, resolved from the public `--portico-*` tokens by
 * `tokenStyles`) appear here: no literal colour, font or radius.
 */
export const invoiceListStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size-md);
    line-height: 1.5;
    color: var(--_color-text);
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    container: invoice-list / inline-size;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Toolbar: header slot and status filter */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .toolbar ::slotted(*) {
    margin: 0;
    font-size: var(--_font-size-md);
    font-weight: 600;
  }

  .filter {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 2px;
    margin: 0 0 0 auto;
    padding: 2px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_color-border) 25%, var(--_color-surface));
  }

  .segment {
    position: relative;
  }

  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .segment span {
    display: block;
    padding: var(--_space-1) var(--_space-3);
    border-radius: var(--_radius);
    font-size: var(--_font-size-sm);
    font-weight: 500;
    color: var(--_color-text);
    white-space: nowrap;
  }

  .segment input:hover:not(:checked) + span {
    background: color-mix(in srgb, var(--_color-primary) 10%, var(--_color-surface));
  }

  .segment input:checked + span {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 600;
  }

  .segment input:focus-visible + span {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  /* Table */

  .scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: var(--_space-2) var(--_space-4);
    text-align: start;
    white-space: nowrap;
    border-bottom: 1px solid var(--_color-border);
  }

  thead th {
    font-weight: 600;
    color: var(--_color-muted);
    background: color-mix(in srgb, var(--_color-border) 20%, var(--_color-surface));
  }

  tbody th {
    font-weight: inherit;
  }

  tbody tr {
    cursor: pointer;
  }

  tbody tr:hover {
    background: color-mix(in srgb, var(--_color-primary) 6%, var(--_color-surface));
  }

  .amount {
    text-align: end;
  }

  .amount--settled {
    color: var(--_color-muted);
  }

  .date {
    color: var(--_color-muted);
  }

  .number {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    font-weight: 600;
    color: var(--_color-primary);
    cursor: pointer;
    border-radius: 2px;
  }

  .number:hover {
    text-decoration: underline;
  }

  .number:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  /* Status badge: the tone is the text colour, the fill a tint of it */

  .badge {
    --tone: var(--_color-muted);
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font-size: var(--_font-size-sm);
    font-weight: 600;
    color: var(--tone);
    background: color-mix(in srgb, var(--tone) 12%, var(--_color-surface));
  }

  .badge::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }

  .badge--open {
    --tone: var(--_color-warning);
  }

  .badge--overdue {
    --tone: var(--_color-danger);
  }

  .badge--paid {
    --tone: var(--_color-success);
  }

  /* Footer: row count and load more */

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  .footer-error {
    color: var(--_color-danger);
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-4);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font: inherit;
    font-size: var(--_font-size-sm);
    font-weight: 600;
    color: var(--_color-primary);
    cursor: pointer;
  }

  .button:hover {
    background: color-mix(in srgb, var(--_color-primary) 8%, var(--_color-surface));
  }

  .button:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .button[aria-disabled='true'] {
    cursor: progress;
  }

  .button--primary {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }

  .button--primary:hover {
    background: color-mix(in srgb, var(--_color-primary) 88%, var(--_color-text));
  }

  /* Empty, error, unauthorized, forbidden */

  .message {
    display: grid;
    justify-items: center;
    gap: var(--_space-3);
    padding: calc(var(--_space-4) * 2.5) var(--_space-4);
    text-align: center;
    color: var(--_color-muted);
  }

  .message p {
    margin: 0;
  }

  .message svg {
    width: 2rem;
    height: 2rem;
  }

  .message--error svg {
    color: var(--_color-danger);
  }

  .message--error .message-title {
    color: var(--_color-text);
    font-weight: 600;
  }

  .reference {
    font-size: var(--_font-size-sm);
  }

  /* Loading skeleton */

  .skeleton-row {
    display: grid;
    grid-template-columns: 1.4fr 1fr 1fr 0.8fr 1fr 1fr;
    gap: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .skeleton-row:first-child {
    background: color-mix(in srgb, var(--_color-border) 20%, var(--_color-surface));
  }

  .skeleton-row:last-child {
    border-bottom: 0;
  }

  .bone {
    height: 0.75rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_color-muted) 18%, var(--_color-surface));
    animation: pulse 1.5s ease-in-out infinite;
  }

  .bone:nth-child(n + 5) {
    justify-self: end;
    width: 70%;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  /*
   * Narrow containers (a phone, a sidebar): each row becomes a two-line card —
   * number and status, then due date and amount due. Issue date and total
   * step back; the column headers stay for screen readers, and the explicit
   * ARIA roles in the template keep table semantics under display: grid.
   */
  @container invoice-list (max-width: 36rem) {
    .toolbar {
      flex-direction: column;
      align-items: stretch;
    }

    .filter {
      margin: 0;
    }

    .segment {
      flex: 1 1 auto;
      text-align: center;
    }

    .segment span {
      padding-inline: var(--_space-2);
    }

    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    table,
    tbody {
      display: block;
    }

    tbody tr {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: var(--_space-1) var(--_space-3);
      padding: var(--_space-3) var(--_space-4);
      border-bottom: 1px solid var(--_color-border);
    }

    tbody th,
    tbody td {
      display: block;
      padding: 0;
      border: 0;
    }

    .cell--issued,
    .cell--total {
      display: none;
    }

    .cell--due::before {
      content: attr(data-label) ' ' / '';
    }

    .cell--due {
      grid-row: 2;
    }

    .cell--amount-due {
      grid-row: 2;
      font-weight: 600;
    }

    .skeleton-row {
      grid-template-columns: 1fr 0.6fr;
    }

    .skeleton-row .bone:nth-child(n + 3) {
      display: none;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`
