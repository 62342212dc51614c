import { html, nothing } from 'lit'
import type { PortalDocument } from '../portal-client.js'
import type { DocumentDownloadController } from './document-download.controller.js'
import type { DocumentDownloadMessages } from './document-download.messages.js'

/**
 * A document's download button and, after a failure, why — the same in every
 * element. The button keeps its place while the link is minted
 * (`aria-disabled`, not `disabled`, so focus stays on it). Its name is what it
 * shows ("Download"); `describedBy` names the element that says which
 * document (the row's title), so a screen reader tells the rows apart.
 */
export function downloadButton(
  t: DocumentDownloadMessages,
  downloads: DocumentDownloadController,
  document: PortalDocument,
  describedBy: string,
) {
  const status = downloads.statusOf(document.id)
  const preparing = status?.phase === 'preparing'
  return html`
    <span class="download">
      <button
        part="download"
        class="button download-button"
        type="button"
        aria-describedby=${describedBy}
        aria-disabled=${preparing ? 'true' : 'false'}
        aria-busy=${preparing ? 'true' : 'false'}
        @click=${(event: Event) => {
          // A row's own click handler must not act on the same click.
          event.stopPropagation()
          void downloads.download(document)
        }}
      >
        ${preparing ? t.downloadPreparing : t.download}
      </button>
      ${
        status?.phase === 'failed' && status.failure
          ? html`<span part="download-error" class="download-error"
              >${t.downloadFailed[status.failure](document.title)}</span
            >`
          : nothing
      }
    </span>
  `
}
