import { css } from 'lit'

/**
 * Styles of `<portico-order-list>` on top of `baseStyles`: the invoice
 * list's table, with a status `<select>` (eight statuses do not fit a
 * segmented control). Private token properties only.
 */
export const orderListStyles = css`
  .base {
    container: order-list / inline-size;
  }

  .filter {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0 0 0 auto;
    font-size: var(--_font-size-sm);
  }

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

  thead th.num {
    text-align: end;
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

  .none {
    color: var(--_color-muted);
  }

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

  .skeleton-row {
    display: grid;
    grid-template-columns: 1.2fr 1fr 1fr 1fr 1fr 1fr;
    gap: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .skeleton-row:first-of-type {
    background: color-mix(in srgb, var(--_color-border) 20%, var(--_color-surface));
  }

  .skeleton-row:last-child {
    border-bottom: 0;
  }

  .skeleton-row .bone:last-child {
    justify-self: end;
    width: 70%;
  }

  /*
   * Narrow containers: each row becomes a two-line card — number and status,
   * then placed date and total. PO and supplier reference step back; the
   * column headers stay for screen readers, and the explicit ARIA roles keep
   * table semantics under display: grid.
   */
  @container order-list (max-width: 40rem) {
    .toolbar {
      flex-direction: column;
      align-items: stretch;
    }

    .filter {
      margin: 0;
      justify-content: space-between;
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

    .cell--po,
    .cell--erp {
      display: none;
    }

    .cell--status {
      grid-row: 1;
      grid-column: 2;
      justify-self: end;
    }

    .cell--placed {
      grid-row: 2;
    }

    .cell--total {
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
`
