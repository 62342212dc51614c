import { css } from 'lit'

/**
 * Styles of `<portico-pay-invoices>` on top of `baseStyles`. Private token
 * properties only (`--_color-text`, …): no literal colour, font or radius.
 */
export const payInvoicesStyles = css`
  .base {
    container: pay-invoices / inline-size;
  }

  .heading {
    margin: 0;
    font-weight: 700;
  }

  .heading--title {
    font-size: calc(var(--_font-size-md) * 1.25);
    line-height: 1.25;
  }

  .heading:focus {
    outline: none;
  }

  .heading:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .heading--section {
    font-size: var(--_font-size-md);
  }

  .header {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .header p {
    margin: 0;
    color: var(--_color-muted);
    font-size: var(--_font-size-sm);
  }

  .body {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-4);
  }

  .scroll {
    overflow-x: auto;
  }

  .table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  .table caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--_space-2);
  }

  .table th,
  .table td {
    padding: var(--_space-2);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_color-border);
  }

  .table thead th {
    color: var(--_color-muted);
    font-weight: 600;
    white-space: nowrap;
  }

  .table .num {
    text-align: end;
  }

  .table tbody th {
    font-weight: 600;
  }

  .table tr.selected {
    background: color-mix(in srgb, var(--_color-primary) 5%, var(--_color-surface));
  }

  .table tfoot th,
  .table tfoot td {
    border-bottom: 0;
    font-weight: 700;
  }

  .check {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_color-primary);
  }

  .check:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .invoice-cell {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
  }

  .amount {
    display: grid;
    gap: var(--_space-1);
    justify-items: end;
    min-width: 10rem;
  }

  .amount-box {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .amount-box .input {
    width: 9rem;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .amount .hint,
  .amount .field-error {
    text-align: end;
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .summary-text {
    margin: 0;
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  .total-row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
    padding-top: var(--_space-2);
    border-top: 1px solid var(--_color-border);
    font-size: calc(var(--_font-size-md) * 1.125);
    font-weight: 700;
  }

  .allocations {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-sm);
  }

  .allocations li {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .outcome {
    display: grid;
    justify-items: center;
    gap: var(--_space-3);
    padding: calc(var(--_space-4) * 2) var(--_space-4);
    text-align: center;
  }

  .outcome p {
    margin: 0;
  }

  .outcome svg {
    width: 2.5rem;
    height: 2.5rem;
  }

  .outcome--succeeded svg {
    color: var(--_color-success);
  }

  .outcome--failed svg {
    color: var(--_color-danger);
  }

  .outcome--cancelled svg,
  .outcome--expired svg {
    color: var(--_color-muted);
  }

  .outcome .allocations {
    width: min(24rem, 100%);
    text-align: start;
  }

  .spinner {
    width: 2rem;
    height: 2rem;
    border: 3px solid color-mix(in srgb, var(--_color-primary) 20%, var(--_color-surface));
    border-top-color: var(--_color-primary);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  .reference {
    color: var(--_color-muted);
  }

  .skeleton-body {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-4);
  }

  /* Phones: each invoice becomes a card, one "label  value" row per column. */
  @container pay-invoices (max-width: 36rem) {
    .table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .table,
    .table caption,
    .table tbody,
    .table tr {
      display: block;
    }

    .table tbody tr {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_space-1) var(--_space-3);
      padding: var(--_space-3) 0;
      border-bottom: 1px solid var(--_color-border);
    }

    .table tbody th,
    .table tbody td {
      padding: 0;
      border: 0;
    }

    .table tbody td:not(:first-child) {
      grid-column: 2;
      display: flex;
      justify-content: space-between;
      gap: var(--_space-3);
    }

    .table td[data-label]::before {
      content: attr(data-label);
      color: var(--_color-muted);
    }

    .amount {
      justify-items: stretch;
    }
  }
`
