import { css } from 'lit'

/**
 * Styles of `<portico-order-tracker>` on top of `baseStyles`. Private token
 * properties only (`--_color-text`, …): no literal colour, font or radius.
 */
export const orderTrackerStyles = css`
  .base {
    container: order-tracker / inline-size;
  }

  .heading {
    margin: 0;
    font-weight: 700;
  }

  .heading--title {
    font-size: calc(var(--_font-size-md) * 1.25);
    line-height: 1.25;
  }

  .heading--title:focus {
    outline: none;
  }

  .heading--title:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .heading--section {
    font-size: var(--_font-size-md);
    margin-bottom: var(--_space-3);
  }

  /* Header */

  .header {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  .live {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  .live-dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_color-success);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_color-success) 25%, transparent);
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) calc(var(--_space-4) * 2);
    margin: 0;
    font-size: var(--_font-size-sm);
  }

  .facts dt {
    color: var(--_color-muted);
  }

  .facts dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .facts .fact--wide {
    flex-basis: 100%;
  }

  .fact--wide dd {
    font-weight: 400;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  /* Layout: timeline beside shipments and items, stacked when narrow */

  .columns {
    display: grid;
    grid-template-columns: minmax(15rem, 20rem) minmax(0, 1fr);
  }

  .progress {
    padding: var(--_space-4);
    border-inline-end: 1px solid var(--_color-border);
  }

  .details {
    display: grid;
    align-content: start;
    min-width: 0;
  }

  .shipments,
  .items {
    padding: var(--_space-4);
    min-width: 0;
  }

  .shipments {
    display: grid;
    gap: var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
  }

  .shipments .heading--section {
    margin-bottom: 0;
  }

  /* Timeline: a vertical line of marks */

  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .step {
    --mark: var(--_color-border);
    position: relative;
    display: grid;
    grid-template-columns: 1.5rem minmax(0, 1fr);
    gap: var(--_space-3);
    padding-bottom: var(--_space-4);
  }

  .step:not(:last-child)::before {
    content: '';
    position: absolute;
    top: 1.5rem;
    bottom: 0;
    inset-inline-start: calc(0.75rem - 1px);
    width: 2px;
    background: var(--_color-border);
  }

  .step--done:not(:last-child)::before {
    background: var(--_color-primary);
  }

  .step-mark {
    display: grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    box-sizing: border-box;
    border: 2px solid var(--mark);
    border-radius: 50%;
    background: var(--_color-surface);
  }

  .step-mark svg {
    width: 0.875rem;
    height: 0.875rem;
    stroke-width: 3;
  }

  .step--done {
    --mark: var(--_color-primary);
  }

  .step--done .step-mark {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }

  .step--partial {
    --mark: var(--_color-warning);
  }

  .step--partial .step-mark {
    color: var(--_color-warning);
  }

  .step--stopped {
    --mark: var(--_color-danger);
  }

  .step--stopped .step-mark {
    background: var(--_color-danger);
    color: var(--_color-surface);
  }

  .step--cancelled {
    --mark: var(--_color-muted);
  }

  .step--cancelled .step-mark {
    background: var(--_color-muted);
  }

  .step-body {
    display: grid;
    gap: 2px;
    font-size: var(--_font-size-sm);
    min-width: 0;
  }

  .step-label {
    font-size: var(--_font-size-md);
    font-weight: 600;
    line-height: 1.5rem;
  }

  .step--upcoming .step-label {
    color: var(--_color-muted);
    font-weight: 400;
  }

  .step[aria-current='step'] .step-label {
    font-weight: 700;
  }

  .step-time {
    color: var(--_color-muted);
  }

  .step-detail {
    overflow-wrap: anywhere;
  }

  /* Shipments */

  .shipment {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font-size: var(--_font-size-sm);
  }

  .shipment p {
    margin: 0;
  }

  .shipment-head {
    display: flex;
    gap: var(--_space-3);
    align-items: flex-start;
  }

  .shipment-head svg {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    color: var(--_color-muted);
  }

  .shipment-carrier {
    font-weight: 600;
    font-size: var(--_font-size-md);
  }

  .tracking-number,
  .tracking .link {
    font-variant-numeric: tabular-nums;
  }

  .tracking .link {
    text-decoration: underline;
  }

  .shipment-lines {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: var(--_space-2) 0 0;
    border-top: 1px solid var(--_color-border);
    list-style: none;
  }

  .shipment-lines li {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  /* Items */

  .scroll {
    overflow-x: auto;
  }

  .lines {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  .lines th,
  .lines td {
    padding: var(--_space-2) var(--_space-2);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_color-border);
  }

  .lines th:first-child {
    padding-inline-start: 0;
  }

  .lines td:last-child {
    padding-inline-end: 0;
  }

  .lines thead th {
    color: var(--_color-muted);
    font-weight: 600;
    white-space: nowrap;
  }

  .lines .num {
    text-align: end;
  }

  .lines tbody th {
    font-weight: inherit;
  }

  .product-name {
    display: block;
    font-weight: 600;
  }

  .sku {
    display: block;
    color: var(--_color-muted);
  }

  .shipped {
    color: var(--_color-muted);
  }

  .shipped--some {
    color: var(--_color-warning);
    font-weight: 600;
  }

  .shipped--all {
    color: var(--_color-success);
    font-weight: 600;
  }

  .lines tfoot th,
  .lines tfoot td {
    border-bottom: 0;
    padding-block: var(--_space-1);
    text-align: end;
    font-weight: 400;
    color: var(--_color-muted);
  }

  .lines tfoot .total th,
  .lines tfoot .total td {
    padding-top: var(--_space-2);
    border-top: 1px solid var(--_color-border);
    font-weight: 700;
    color: var(--_color-text);
  }

  /* Cancel dialog */

  .dialog {
    width: min(28rem, calc(100vw - 2rem));
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-family: var(--_font-family);
  }

  .dialog::backdrop {
    background: color-mix(in srgb, var(--_color-text) 45%, transparent);
  }

  .dialog[open] {
    display: grid;
    gap: var(--_space-3);
  }

  .dialog p {
    margin: 0;
  }

  .dialog-title {
    margin: 0;
    font-size: calc(var(--_font-size-md) * 1.125);
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  textarea.input {
    resize: vertical;
  }

  /* Loading skeleton */

  .skeleton-head {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--_space-3);
    padding: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .bone--title {
    grid-column: 1 / -1;
    width: 40%;
    height: 1.5rem;
  }

  .skeleton-body {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-4);
    max-width: 18rem;
  }

  /*
   * Phones: five columns do not fit, so each line becomes a small card — the
   * product, then one "label  value" row per column (labels from data-label).
   */
  @container order-tracker (max-width: 34rem) {
    .lines thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .lines,
    .lines tbody,
    .lines tfoot,
    .lines tr {
      display: block;
    }

    .lines tbody tr {
      padding: var(--_space-2) 0;
      border-bottom: 1px solid var(--_color-border);
    }

    .lines tbody th,
    .lines tbody td,
    .lines tfoot tr {
      display: flex;
      justify-content: space-between;
      gap: var(--_space-3);
      padding: 0;
      border: 0;
    }

    .lines tbody th {
      display: block;
      margin-bottom: var(--_space-1);
    }

    .lines td[data-label]::before {
      content: attr(data-label);
      color: var(--_color-muted);
      font-weight: 400;
    }

    .lines tfoot tr {
      padding-top: var(--_space-1);
    }

    .lines tfoot .total {
      margin-top: var(--_space-1);
      border-top: 1px solid var(--_color-border);
    }

    .lines tfoot .total th,
    .lines tfoot .total td {
      border: 0;
    }
  }

  @container order-tracker (max-width: 44rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }

    .progress {
      border-inline-end: 0;
      border-bottom: 1px solid var(--_color-border);
    }

    .actions {
      margin-inline-start: 0;
      width: 100%;
    }
  }
`
