import type { CaseSelectEvent } from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate } from '../router.js'
import type { FromListState } from './invoices-view.js'
import { ShellView } from './shell-view.js'
import './orders.css'

/** The account's support cases, `/cases`: `<portico-case-list>`, live; "Report a problem" one click away. */
export class CasesView extends ShellView {
  @property({ attribute: false }) client?: PortalClient

  override get pageTitle() {
    return this.t.casesTitle
  }

  protected override render() {
    return html`
      <div class="page-actions">
        <a class="button button--primary" href="/cases/new">${this.t.reportProblem}</a>
      </div>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-case-list page-size="20" @portico-case-select=${this.#onSelect}>
          <h1 slot="header" tabindex="-1">${this.t.casesTitle}</h1>
        </portico-case-list>
      </portico-provider>
    `
  }

  #onSelect(event: CaseSelectEvent) {
    navigate(`/cases/${encodeURIComponent(event.detail.case.id)}`, {
      state: { fromList: true } satisfies FromListState,
    })
  }
}

customElements.define('shell-cases-view', CasesView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-cases-view': CasesView
  }
}
