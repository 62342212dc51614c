import { css } from 'lit'

/**
 * Styles of `<portico-document-center>` on top of `baseStyles`,
 * `fieldStyles` and `cursorListStyles`: the search and type filters, the
 * title with its file name, and which columns a narrow card keeps. Private
 * token properties only.
 */
export const documentCenterStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-3);
    margin-inline-start: auto;
  }

  .filter-field {
    display: grid;
    gap: var(--_space-1);
    font-size: var(--_font-size-sm);
  }

  .search {
    position: relative;
    display: flex;
    align-items: center;
  }

  .search .input {
    width: 14rem;
    padding-inline-start: calc(var(--_space-2) + 1.25rem);
  }

  .search-icon {
    position: absolute;
    inset-inline-start: var(--_space-2);
    width: 1rem;
    height: 1rem;
    color: var(--_color-muted);
    pointer-events: none;
  }

  .cell--title {
    white-space: normal;
    min-width: 10rem;
  }

  /* A type ("Certificate of analysis") may wrap, so the download column always fits. */
  .cell--type {
    white-space: normal;
  }

  .cell--title .number {
    text-align: start;
  }

  .file-name {
    display: block;
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }

  .relation {
    display: block;
  }

  .ref {
    display: inline-block;
    max-width: 10rem;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: bottom;
    font-family: ui-monospace, monospace;
  }

  .cell--download {
    text-align: end;
  }

  .skeleton {
    --columns: 2fr 1fr 1fr 1fr 0.6fr 0.8fr;
  }

  /* Narrow: title and download, then type and date; the relation and the size step back. */
  @container list (max-width: 40rem) {
    .filters {
      margin: 0;
      align-items: stretch;
      flex-direction: column;
    }

    .search .input {
      width: 100%;
    }

    .cell--related,
    .cell--size {
      display: none;
    }

    .cell--download {
      grid-row: 1;
      grid-column: 2;
      justify-self: end;
    }

    .cell--type {
      grid-row: 2;
    }

    .cell--date {
      grid-row: 2;
      justify-self: end;
    }
  }
`
