import { css } from 'lit'

export const caseDetailStyles = css`
  .header {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  .heading {
    margin: 0;
    font-weight: 700;
  }

  .heading--title {
    font-size: calc(var(--_font-size-md) * 1.25);
  }

  .subject {
    margin: 0;
    font-size: var(--_font-size-md);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
    font-size: var(--_font-size-sm);
  }

  .facts div {
    display: flex;
    gap: var(--_space-1);
  }

  .facts dt {
    color: var(--_color-muted);
  }

  .facts dd {
    margin: 0;
  }

  .section {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .section:last-child {
    border-bottom: 0;
  }

  .body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .thread {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .comment {
    display: grid;
    gap: var(--_space-1);
    max-width: 85%;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .comment--agent {
    justify-self: start;
    background: color-mix(in srgb, var(--_color-primary) 6%, var(--_color-surface));
  }

  .comment--customer {
    justify-self: end;
  }

  .comment-meta {
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  .attachments {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-sm);
  }

  .attachments .link {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .attachments svg {
    width: 1rem;
    height: 1rem;
    flex: none;
  }

  .reply {
    display: grid;
    gap: var(--_space-2);
  }

  textarea.input {
    min-height: 5rem;
    resize: vertical;
  }

  .reply-actions {
    display: flex;
    justify-content: flex-end;
  }

  .live {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  .live-dot {
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: var(--_color-success);
  }

  .skeleton {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
  }
`
