import { css } from 'lit'

/** Styles of `<portico-activity-feed>` on top of `baseStyles` and `cursorListStyles`. */
export const activityFeedStyles = css`
  .filters {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .timeline,
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .day + .day {
    margin-top: var(--_space-4);
  }

  .day-heading {
    display: block;
    font-weight: 600;
    font-size: var(--_font-size-sm);
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
  }

  .entry {
    display: grid;
    grid-template-columns: 9rem 1fr auto;
    grid-template-areas:
      'kind sentence time'
      'kind summary time';
    column-gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
  }

  .kind {
    grid-area: kind;
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-size: var(--_font-size-sm);
  }

  .kind svg {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }

  .sentence {
    grid-area: sentence;
    margin: 0;
    overflow-wrap: anywhere;
  }

  .summary {
    grid-area: summary;
    margin: 0;
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }

  .time {
    grid-area: time;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  .skeleton {
    --columns: 1fr 3fr 1fr;
  }

  @container list (max-width: 40rem) {
    .entry {
      grid-template-columns: 1fr auto;
      grid-template-areas:
        'kind time'
        'sentence sentence'
        'summary summary';
    }
  }
`
