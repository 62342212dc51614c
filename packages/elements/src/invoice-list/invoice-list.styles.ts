import { css } from 'lit'

/**
 * Styles of `<portico-invoice-list>` on top of `baseStyles` and
 * `cursorListStyles`: the segmented status filter, settled amounts, and
 * which columns a narrow card keeps. Only private token properties
 * (`--_color-text`, …, resolved from the public `--portico-*` tokens by
 * `tokenStyles`) appear here: no literal colour, font or radius.
 */
export const invoiceListStyles = css`
  /* Status filter: a segmented control of radio buttons */

  .filter {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 2px;
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

  .amount--settled {
    color: var(--_color-muted);
  }

  .skeleton {
    --columns: 1.4fr 1fr 1fr 0.8fr 1fr 1fr;
  }

  .bone:nth-child(n + 5) {
    justify-self: end;
    width: 70%;
  }

  /* Narrow: number and status, then due date and amount due. */
  @container list (max-width: 36rem) {
    .segment {
      flex: 1 1 auto;
      text-align: center;
    }

    .segment span {
      padding-inline: var(--_space-2);
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
  }
`
