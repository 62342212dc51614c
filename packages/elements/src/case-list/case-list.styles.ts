import { css } from 'lit'

/** Styles of `<portico-case-list>` on top of `baseStyles` and `cursorListStyles`. */
export const caseListStyles = css`
  .filters {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .subject {
    display: block;
    overflow-wrap: anywhere;
  }

  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .skeleton {
    --columns: 1fr 2fr 1fr 1fr 1fr 1fr;
  }

  @container list (max-width: 40rem) {
    .cell--category,
    .cell--priority {
      display: none;
    }
  }
`
