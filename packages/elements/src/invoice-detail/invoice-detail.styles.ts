import { css } from 'lit'

/**
 * Styles of `<portico-invoice-detail>` on top of `baseStyles`. Private token
 * properties only (`--_color-text`, …): no literal colour, font or radius.
 */
export const invoiceDetailStyles = css`
  .base {
    container: invoice-detail / inline-size;
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

  .button svg {
    width: 1rem;
    height: 1rem;
    flex: none;
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
  }

  .facts .due dd {
    font-size: calc(var(--_font-size-md) * 1.125);
  }

  .section {
    padding: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .section:last-child {
    border-bottom: 0;
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

  .table th,
  .table td {
    padding: var(--_space-2);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_color-border);
  }

  .table th:first-child {
    padding-inline-start: 0;
  }

  .table td:last-child {
    padding-inline-end: 0;
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
    font-weight: inherit;
  }

  .sku {
    display: block;
    color: var(--_color-muted);
  }

  .table tfoot th,
  .table tfoot td {
    border-bottom: 0;
    padding-block: var(--_space-1);
    text-align: end;
    font-weight: 400;
    color: var(--_color-muted);
  }

  .table tfoot .total th,
  .table tfoot .total td {
    padding-top: var(--_space-2);
    border-top: 1px solid var(--_color-border);
    font-weight: 700;
    color: var(--_color-text);
  }

  .table tfoot .due th,
  .table tfoot .due td {
    font-weight: 700;
    color: var(--_color-text);
  }

  .documents {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .document {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_color-border);
  }

  .document:last-child {
    border-bottom: 0;
  }

  .document-name {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    text-align: start;
  }

  .document-name svg {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }

  .document-meta {
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  .note {
    display: block;
    color: var(--_color-muted);
  }

  .continue {
    margin-inline-start: var(--_space-2);
    color: var(--_color-primary);
    font-weight: 600;
    white-space: nowrap;
  }

  .banner {
    margin-top: var(--_space-2);
  }

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

  /* Phones: each line becomes a small card, one "label  value" row per column. */
  @container invoice-detail (max-width: 34rem) {
    .table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .table,
    .table tbody,
    .table tfoot,
    .table tr {
      display: block;
    }

    .table tbody tr {
      padding: var(--_space-2) 0;
      border-bottom: 1px solid var(--_color-border);
    }

    .table tbody th,
    .table tbody td,
    .table tfoot tr {
      display: flex;
      justify-content: space-between;
      gap: var(--_space-3);
      padding: 0;
      border: 0;
    }

    .table td[data-label]::before {
      content: attr(data-label);
      color: var(--_color-muted);
      font-weight: 400;
    }

    .actions {
      margin-inline-start: 0;
      width: 100%;
    }
  }
`
