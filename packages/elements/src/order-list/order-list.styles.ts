import { css } from 'lit'

/**
 * Styles of `<portico-order-list>` on top of `baseStyles` and
 * `cursorListStyles`: a status `<select>` (eight statuses do not fit a
 * segmented control), and which columns a narrow card keeps. Private token
 * properties only.
 */
export const orderListStyles = css`
  .filter {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .none {
    color: var(--_color-muted);
  }

  .skeleton {
    --columns: 1.2fr 1fr 1fr 1fr 1fr 1fr;
  }

  .skeleton-row .bone:last-child {
    justify-self: end;
    width: 70%;
  }

  /* Narrow: number and status, then placed date and total; PO and supplier reference step back. */
  @container list (max-width: 40rem) {
    .filter {
      justify-content: space-between;
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
  }
`
