import { css } from 'lit'

/** The download button and its failure note, the same in every element. Private tokens only. */
export const downloadStyles = css`
  .download {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--_space-1);
  }

  .download-button {
    white-space: nowrap;
  }

  .download-error {
    /* Wide enough to read, narrow enough not to push the table past its frame. */
    width: max-content;
    max-width: 12rem;
    text-align: end;
    color: var(--_color-danger);
    font-size: var(--_font-size-sm);
    white-space: normal;
  }
`
