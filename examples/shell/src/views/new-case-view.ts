import type { CaseCreatedEvent } from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { navigate } from '../router.js'
import { ShellView } from './shell-view.js'
import './invoice-view.css'

/**
 * Raising a case, `/cases/new`: `<portico-case-form>`, prefilled from the
 * order or invoice it was opened from (`?orderId=`, `?invoiceId=`,
 * `?category=`). Once created, the case's own page opens.
 */
export class NewCaseView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  @property() orderId: string | undefined
  @property() invoiceId: string | undefined
  @property() category: string | undefined

  override get pageTitle() {
    return this.t.reportProblem
  }

  protected override render() {
    return html`
      <p class="back">
        <a href="/cases"><span aria-hidden="true">←</span> ${this.t.backToCases}</a>
      </p>
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-case-form
          heading-level="1"
          order-id=${this.orderId ?? nothing}
          invoice-id=${this.invoiceId ?? nothing}
          category=${this.category ?? nothing}
          @portico-case-created=${(event: CaseCreatedEvent) =>
            navigate(`/cases/${encodeURIComponent(event.detail.caseId)}`, { replace: true })}
        ></portico-case-form>
      </portico-provider>
    `
  }
}

customElements.define('shell-new-case-view', NewCaseView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-new-case-view': NewCaseView
  }
}
