import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { ShellView } from './shell-view.js'
import './billing.css'

/**
 * The account's contracts, `/contracts`: `<portico-contract-list>` — which
 * renew when (the 60/30/7-day reminders arrive as notifications too), their
 * items, and each contract's document.
 */
export class ContractsView extends ShellView {
  @property({ attribute: false }) client?: PortalClient

  override get pageTitle() {
    return this.t.contractsTitle
  }

  protected override render() {
    return html`
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-contract-list page-size="20">
          <h1 slot="header" tabindex="-1">${this.t.contractsTitle}</h1>
        </portico-contract-list>
      </portico-provider>
    `
  }
}

customElements.define('shell-contracts-view', ContractsView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-contracts-view': ContractsView
  }
}
