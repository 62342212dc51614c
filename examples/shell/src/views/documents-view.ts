import type { DocumentFilterChangeEvent, DocumentTypeFilter } from '@portico/elements'
import type { PortalClient } from '@portico/sdk'
import { html } from 'lit'
import { property } from 'lit/decorators.js'
import { replaceQuery } from '../router.js'
import { ShellView } from './shell-view.js'
import './billing.css'

/**
 * The account's documents, `/documents`: `<portico-document-center>` — tax
 * invoices, delivery orders, certificates, contracts — downloadable through
 * signed links. The type filter and the search live in the URL
 * (`/documents?type=tax_invoice&q=…`), so a reload or Back keeps them.
 */
export class DocumentsView extends ShellView {
  @property({ attribute: false }) client?: PortalClient
  /** The type filter from the URL. */
  @property() type: string | undefined
  /** The search from the URL. */
  @property() search: string | undefined

  override get pageTitle() {
    return this.t.documentsTitle
  }

  protected override render() {
    return html`
      <portico-provider .client=${this.client} locale=${this.language}>
        <portico-document-center
          type=${(this.type as DocumentTypeFilter | undefined) ?? 'all'}
          search=${this.search ?? ''}
          page-size="20"
          @portico-document-filter-change=${this.#onFilterChange}
        >
          <h1 slot="header" tabindex="-1">${this.t.documentsTitle}</h1>
        </portico-document-center>
      </portico-provider>
    `
  }

  #onFilterChange(event: DocumentFilterChangeEvent) {
    const { type, search } = event.detail
    replaceQuery({ type: type === 'all' ? undefined : type, q: search || undefined })
  }
}

customElements.define('shell-documents-view', DocumentsView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-documents-view': DocumentsView
  }
}
