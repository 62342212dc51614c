import { css } from 'lit'

/**
 * What every element shares: the frame, the toolbar, buttons and links,
 * status badges, the empty/error message and the loading skeleton. Form
 * fields ({@link fieldStyles}) and banners ({@link bannerStyles}) are apart,
 * for the elements that have them — a list carries neither. Private token
 * properties only (`--_color-text`, …, resolved by `tokenStyles`), never a
 * literal colour.
 */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size-md);
    line-height: 1.5;
    color: var(--_color-text);
  }

  :host([hidden]) {
    display: none;
  }

  .frame {
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .toolbar ::slotted(*) {
    margin: 0;
    font-size: var(--_font-size-md);
    font-weight: 600;
  }

  .muted {
    color: var(--_color-muted);
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Buttons */

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-4);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font: inherit;
    font-size: var(--_font-size-sm);
    font-weight: 600;
    color: var(--_color-primary);
    cursor: pointer;
    white-space: nowrap;
  }

  .button:hover {
    background: color-mix(in srgb, var(--_color-primary) 8%, var(--_color-surface));
  }

  .button:focus-visible,
  .link:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .button[aria-disabled='true'] {
    cursor: not-allowed;
    border-color: var(--_color-border);
    background: color-mix(in srgb, var(--_color-border) 30%, var(--_color-surface));
    color: var(--_color-muted);
  }

  .button[aria-busy='true'] {
    cursor: progress;
  }

  .button--primary {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }

  .button--primary:hover {
    background: color-mix(in srgb, var(--_color-primary) 88%, var(--_color-text));
  }

  .button--danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }

  .button--danger:hover {
    background: color-mix(in srgb, var(--_color-danger) 8%, var(--_color-surface));
  }

  .button--danger.button--primary {
    background: var(--_color-danger);
    color: var(--_color-surface);
  }

  .link {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    font-weight: 600;
    color: var(--_color-primary);
    cursor: pointer;
    border-radius: 2px;
    text-decoration: none;
  }

  .link:hover {
    text-decoration: underline;
  }

  /* Status badge: the tone is the text colour, the fill a tint of it */

  .badge {
    --tone: var(--_color-muted);
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font-size: var(--_font-size-sm);
    font-weight: 600;
    white-space: nowrap;
    color: var(--tone);
    background: color-mix(in srgb, var(--tone) 12%, var(--_color-surface));
  }

  .badge::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }

  /* Empty, error, unauthorized, forbidden */

  .message {
    display: grid;
    justify-items: center;
    gap: var(--_space-3);
    padding: calc(var(--_space-4) * 2.5) var(--_space-4);
    text-align: center;
    color: var(--_color-muted);
  }

  .message p {
    margin: 0;
  }

  .message svg {
    width: 2rem;
    height: 2rem;
  }

  .message--error svg {
    color: var(--_color-danger);
  }

  .message--error .message-title {
    color: var(--_color-text);
    font-weight: 600;
  }

  .reference {
    font-size: var(--_font-size-sm);
  }

  /* Loading skeleton */

  .bone {
    display: block;
    height: 0.75rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_color-muted) 18%, var(--_color-surface));
    animation: pulse 1.5s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`

/** Labels, inputs and selects, their errors and hints. */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: var(--_space-1);
    font-size: var(--_font-size-sm);
  }

  .field > label,
  .label {
    font-weight: 600;
  }

  .input {
    box-sizing: border-box;
    min-height: 2.25rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid color-mix(in srgb, var(--_color-border) 50%, var(--_color-muted));
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-size: var(--_font-size-sm);
  }

  .input[aria-invalid='true'] {
    border-color: var(--_color-danger);
    box-shadow: inset 0 0 0 1px var(--_color-danger);
  }

  .field-error {
    margin: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-sm);
    font-weight: 600;
  }

  .hint {
    margin: 0;
    color: var(--_color-muted);
    font-size: var(--_font-size-sm);
  }

  .input:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }
`

/** Banners: a message above the content, toned by kind (`banner--danger`, …). */
export const bannerStyles = css`
  .banner {
    --tone: var(--_color-primary);
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--tone);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--tone) 7%, var(--_color-surface));
    font-size: var(--_font-size-sm);
  }

  .banner p {
    margin: 0;
  }

  .banner strong {
    font-size: var(--_font-size-md);
  }

  .banner--danger {
    --tone: var(--_color-danger);
  }

  .banner--warning {
    --tone: var(--_color-warning);
  }

  .banner--success {
    --tone: var(--_color-success);
  }
`
