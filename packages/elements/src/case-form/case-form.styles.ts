import { css } from 'lit'

export const caseFormStyles = css`
  form {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
  }

  .heading {
    margin: 0;
    font-size: var(--_font-size-md);
    font-weight: 700;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space-3);
  }

  textarea.input {
    min-height: 8rem;
    resize: vertical;
  }

  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .summary ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }

  .summary a {
    color: var(--_color-danger);
    font-weight: 600;
  }

  .drop-zone {
    display: grid;
    justify-items: center;
    gap: var(--_space-1);
    padding: var(--_space-4);
    border: 2px dashed color-mix(in srgb, var(--_color-border) 50%, var(--_color-muted));
    border-radius: var(--_radius);
    text-align: center;
    cursor: pointer;
    font-size: var(--_font-size-sm);
  }

  .drop-zone:focus-within {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .drop-zone--over {
    border-color: var(--_color-primary);
    background: color-mix(in srgb, var(--_color-primary) 8%, var(--_color-surface));
  }

  .drop-zone strong {
    color: var(--_color-primary);
  }

  .files {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .file {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    font-size: var(--_font-size-sm);
  }

  .file progress {
    grid-column: 1 / -1;
    width: 100%;
    accent-color: var(--_color-primary);
  }

  .file-name {
    overflow-wrap: anywhere;
  }

  .file-problem {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_color-danger);
  }

  .actions {
    display: flex;
    gap: var(--_space-2);
    justify-content: flex-end;
  }

  .created {
    display: grid;
    gap: var(--_space-3);
    justify-items: start;
    padding: var(--_space-4);
  }
`
