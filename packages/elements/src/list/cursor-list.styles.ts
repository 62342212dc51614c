import { css, type CSSResult } from 'lit'

/**
 * The look every list element shares on top of `baseStyles`: the table, its
 * footer (row count, "Load more"), the skeleton's rows, and — in a container
 * narrower than `narrowRem` — each row as a card. The columns a card shows,
 * and where, are the element's own (`@container list (max-width: …)` in its
 * styles); its skeleton's columns are `--columns` on `.skeleton`. Private
 * token properties only.
 *
 * Each list picks the width its columns need, so it is a parameter rather
 * than one shared breakpoint; a container query cannot read a custom property.
 */
export function cursorListStyles(narrowRem: number): CSSResult {
  return css`
    .base {
      container: list / inline-size;
    }

    .filter {
      margin: 0 0 0 auto;
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

    /* Loading skeleton: a header row and a row per expected line */

    .skeleton-row {
      display: grid;
      grid-template-columns: var(--columns);
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

    /*
     * Narrow containers (a phone, a sidebar): each row becomes a card. The
     * column headers stay for screen readers, and the explicit ARIA roles in
     * the template keep table semantics under display: grid.
     */
    @container list (max-width: ${narrowRem}rem) {
      .toolbar {
        flex-direction: column;
        align-items: stretch;
      }

      .filter {
        margin: 0;
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

      .skeleton-row {
        grid-template-columns: 1fr 0.6fr;
      }

      .skeleton-row .bone:nth-child(n + 3) {
        display: none;
      }
    }
  `
}
