import { css } from 'lit'

/** The download button and its failure note, the same in every element. Private tokens only. */
export const downloadStyles = css`
  .download {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  .download-button {
    white-space: nowrap;
  }

  .download-error {
    max-width: 22rem;
    color: var(--_color-danger);
    font-size: var(--_font-size-sm);
    white-space: normal;
  }
`
