import type { ActivityItem, ActivitySelectEvent } from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { ShellView } from './shell-view.js'
import './orders.css'

/** The shell's page of an activity entry's subject; payments have none. */
function linkFor(item: ActivityItem): string | null {
  const id = encodeURIComponent(item.subject.id)
  if (item.subject.type === 'order') return `/orders/${id}`
  if (item.subject.type === 'case') return `/cases/${id}`
  return null
}

/** What happened in the account, `/activity`: `<portico-activity-feed>`, live. */
export class ActivityView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  /** The kind filter from the URL (`/activity?kind=payment`). */
  @property() kind: string | undefined

  override get pageTitle() {
    return this.t.activityTitle
  }

  protected override render() {
    return html`
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-activity-feed
          kind=${this.kind ?? 'all'}
          page-size="20"
          .linkFor=${linkFor}
          @portico-activity-select=${this.#onSelect}
        >
          <h1 slot="header" tabindex="-1">${this.t.activityTitle}</h1>
        </portico-activity-feed>
      </portico-provider>
    `
  }

  #onSelect(event: ActivitySelectEvent) {
    const path = linkFor(event.detail.item)
    if (!path) return
    event.preventDefault()
    navigate(path, { state: { fromList: true } satisfies FromListState })
  }
}

customElements.define('shell-activity-view', ActivityView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-activity-view': ActivityView
  }
}
