import { css } from 'lit'

/**
 * Styles of `<portico-contract-list>` on top of `baseStyles` and
 * `cursorListStyles`: status badges, the renewal emphasis by how near it is
 * (60, 30, 7 days), the items disclosure and its table, and which columns a
 * narrow card keeps. Private token properties only.
 */
export const contractListStyles = css`
  .toolbar:not(:has(*)) {
    display: none;
  }

  .badge--active {
    --tone: var(--_color-success);
  }

  .cell--contract {
    white-space: normal;
    min-width: 14rem;
  }

  .contract-title {
    display: block;
    color: var(--_color-muted);
  }

  .items-toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    margin-top: var(--_space-1);
    font-size: var(--_font-size-sm);
  }

  .items-toggle svg {
    width: 1rem;
    height: 1rem;
  }

  tbody tr.items-row {
    cursor: default;
    background: color-mix(in srgb, var(--_color-border) 12%, var(--_color-surface));
  }

  tbody tr.items-row:hover {
    background: color-mix(in srgb, var(--_color-border) 12%, var(--_color-surface));
  }

  tr.row--open > * {
    border-bottom-color: transparent;
  }

  .items {
    width: auto;
    min-width: 60%;
    margin-inline-start: var(--_space-4);
  }

  .items th,
  .items td {
    padding: var(--_space-1) var(--_space-3);
    white-space: normal;
  }

  .items thead th {
    background: transparent;
  }

  .sku {
    display: block;
    font-size: var(--_font-size-sm);
  }

  .renewal {
    display: grid;
    gap: 2px;
  }

  .renewal-days {
    font-weight: 600;
  }

  .renewal-notice,
  .renewal-auto {
    font-size: var(--_font-size-sm);
  }

  .cell--term,
  .cell--total,
  .cell--renewal {
    white-space: normal;
  }

  /* The nearer the renewal, the louder: the reminders go out at 60, 30 and 7 days. */
  .renewal--due-60 .renewal-days {
    color: var(--_color-text);
  }

  .renewal--due-30 .renewal-days {
    color: color-mix(in srgb, var(--_color-warning) 70%, var(--_color-text));
  }

  .renewal--due-7 {
    padding: var(--_space-1) var(--_space-2);
    border-inline-start: 3px solid var(--_color-danger);
    background: color-mix(in srgb, var(--_color-danger) 8%, var(--_color-surface));
  }

  .renewal--due-7 .renewal-days {
    color: var(--_color-danger);
  }

  .renewal--later .renewal-days {
    color: var(--_color-muted);
    font-weight: inherit;
  }

  .cell--document {
    text-align: end;
  }

  .skeleton {
    --columns: 2fr 1.4fr 0.8fr 1.4fr 1fr 1fr;
  }

  /* Narrow: number and status, then renewal and the download; term and cost step back. */
  @container list (max-width: 48rem) {
    .cell--contract {
      min-width: 0;
    }

    .cell--term,
    .cell--total {
      display: none;
    }

    .cell--status {
      grid-row: 1;
      grid-column: 2;
      justify-self: end;
    }

    .cell--document {
      justify-self: end;
    }

    tbody tr.items-row {
      display: block;
    }

    tbody tr.items-row[hidden] {
      display: none;
    }

    .items {
      margin: 0;
      width: 100%;
    }
  }
`
