import { css, html, nothing } from 'lit'
import type { CaseStatus, CaseSyncStatus } from '../portal-client.js'
import type { CaseVocabularyMessages } from './case-vocabulary.messages.js'

/** A case status badge, exposed as `status-badge` and `status-badge-<status>`. */
export function caseStatusBadge(t: CaseVocabularyMessages, status: CaseStatus) {
  return html`<span part="status-badge status-badge-${status}" class="badge case-badge--${status}"
    >${t.caseStatuses[status]}</span
  >`
}

/** The "syncing with CRM" badge, exposed as `sync-badge`; nothing once synced. */
export function caseSyncBadge(t: CaseVocabularyMessages, sync: CaseSyncStatus) {
  if (sync === 'synced') return nothing
  return html`<span part="sync-badge sync-badge-${sync}" class="badge case-sync--${sync}"
    >${sync === 'syncing' ? t.syncing : t.syncFailed}</span
  >`
}

/** Tones: waiting on the customer a warning, resolved a success, closed muted, new/open primary. */
export const caseBadgeStyles = css`
  .case-badge--new,
  .case-badge--open {
    --tone: var(--_color-primary);
  }

  .case-badge--waiting_on_customer,
  .case-sync--syncing {
    --tone: var(--_color-warning);
  }

  .case-badge--resolved {
    --tone: var(--_color-success);
  }

  .case-sync--failed {
    --tone: var(--_color-danger);
  }

  .sla {
    margin: 0;
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  .sla--breached {
    color: var(--_color-danger);
    font-weight: 700;
  }
`
