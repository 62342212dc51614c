import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { ShellView } from './shell-view.js'
import './invoice-view.css'

/** One case, `/cases/{id}`: `<portico-case-detail>` — thread, reply, SLA, attachments, live. */
export class CaseView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  @property() caseId = ''

  override get pageTitle() {
    return this.t.casesTitle
  }

  protected override render() {
    return html`
      <p class="back">
        <a href="/cases" @click=${this.#onBack}
          ><span aria-hidden="true">←</span> ${this.t.backToCases}</a
        >
      </p>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-case-detail case-id=${this.caseId} heading-level="1"></portico-case-detail>
      </portico-provider>
    `
  }

  /** Opened from the list: go back; otherwise go to the list. */
  #onBack(event: MouseEvent) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    if ((history.state as FromListState | null)?.fromList) history.back()
    else navigate('/cases')
  }
}

customElements.define('shell-case-view', CaseView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-case-view': CaseView
  }
}
