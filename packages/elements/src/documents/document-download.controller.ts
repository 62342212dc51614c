import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PortalClient, PortalDocument } from '../portal-client.js'
import type { RequestError } from '../request-error.js'
import { mintSignedLink } from './signed-link.js'

/**
 * Where one document's download is:
 *
 * ```
 * (none) ──► preparing ──► started
 *                 │
 *                 └──────► failed ── download() again ──► preparing
 * ```
 */
export type DocumentDownloadPhase = 'preparing' | 'started' | 'failed'

/**
 * Why a download failed: the session ended (`unauthorized`), the role may not
 * (`forbidden`), the document is gone (`not-found`), the link was out of date
 * even when minted again (`expired`), no network (`offline`), anything else
 * (`error`).
 */
export type DocumentDownloadFailure =
  'unauthorized' | 'forbidden' | 'not-found' | 'expired' | 'offline' | 'error'

export interface DocumentDownloadStatus {
  phase: DocumentDownloadPhase
  /** Set when `phase` is `failed`. */
  failure?: DocumentDownloadFailure
  /** The request that failed, for its `problem.requestId`. */
  error?: RequestError
}

/** `detail` of the `portico-document-download` event. */
export interface DocumentDownloadDetail {
  document: PortalDocument
  /** The signed link, absolute; valid for a few minutes, for this session only. */
  url: string
  expiresAt: string
}

export type DocumentDownloadEvent = CustomEvent<DocumentDownloadDetail>

export interface DocumentDownloadOptions {
  /** The client the link is minted with; read on every download. */
  client: () => PortalClient | undefined
  /** Called whenever a document's status changes: an element announces it. */
  onStatus?: (document: PortalDocument, status: DocumentDownloadStatus) => void
  /** A monotonic clock in milliseconds; a test moves it. Default `performance.now`. */
  now?: () => number
}

/**
 * Downloading a document the way every Portico element does it, as a
 * reactive controller: it mints a signed link with
 * `POST /v1/documents/{id}/download-link`, dispatches the cancelable,
 * bubbling `portico-document-download` event on the host with the link, and
 * — unless a listener called `preventDefault()` to handle it itself —
 * follows the link. The API answers the file as an attachment, so the page
 * stays where it is while the browser saves it; every download is audited by
 * the API.
 *
 * A link that is already expired (or nearly) when it arrives — a tab
 * suspended while the request was out — is minted once more; a second stale
 * link fails as `expired` rather than looping (see `mintSignedLink`, which
 * `<portico-invoice-detail>` mints with too). The link is followed by a
 * navigation, not `fetch`, so it needs no CORS and the browser's own download
 * UI shows the progress; the element announces the steps before it.
 *
 * `<portico-document-center>` and `<portico-contract-list>` share it.
 *
 * @example
 * ```ts
 * readonly downloads = new DocumentDownloadController(this, { client: () => this.client })
 * html`<button @click=${() => this.downloads.download(doc)}>Download</button>`
 * ```
 */
export class DocumentDownloadController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget
  readonly #options: DocumentDownloadOptions
  readonly #statuses = new Map<string, DocumentDownloadStatus>()

  constructor(host: ReactiveControllerHost & EventTarget, options: DocumentDownloadOptions) {
    this.#host = host
    this.#options = options
    host.addController(this)
  }

  /** The status of a document's last download, if it was asked for. */
  statusOf(documentId: string): DocumentDownloadStatus | undefined {
    return this.#statuses.get(documentId)
  }

  /** True while a link for this document is being minted. */
  isPreparing(documentId: string): boolean {
    return this.#statuses.get(documentId)?.phase === 'preparing'
  }

  /**
   * Mints a link for `document` and starts its download. Resolves with the
   * final status; a second call while the first is preparing returns at once.
   */
  async download(document: PortalDocument): Promise<DocumentDownloadStatus> {
    const current = this.#statuses.get(document.id)
    if (current?.phase === 'preparing') return current
    const client = this.#options.client()
    if (!client) return this.#set(document, { phase: 'failed', failure: 'unauthorized' })
    this.#set(document, { phase: 'preparing' })

    const outcome = await mintSignedLink(
      () =>
        client.POST('/v1/documents/{id}/download-link', { params: { path: { id: document.id } } }),
      this.#options.now,
    )
    if ('error' in outcome) {
      return this.#set(document, {
        phase: 'failed',
        failure: failureOf(outcome.error),
        error: outcome.error,
      })
    }
    if ('expired' in outcome) return this.#set(document, { phase: 'failed', failure: 'expired' })

    const detail: DocumentDownloadDetail = {
      document,
      url: outcome.link.url,
      expiresAt: outcome.link.expiresAt,
    }
    const proceed = this.#host.dispatchEvent(
      new CustomEvent<DocumentDownloadDetail>('portico-document-download', {
        detail,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    )
    if (proceed) this.follow(detail.url)
    return this.#set(document, { phase: 'started' })
  }

  /** Forgets every status (the list was reloaded). */
  clear(): void {
    this.#statuses.clear()
    this.#host.requestUpdate()
  }

  /** @internal */
  hostConnected(): void {}

  /**
   * Follows a signed link as a click on a link would. The API answers with
   * `Content-Disposition: attachment`, so the browser saves the file and the
   * page stays.
   */
  protected follow(url: string): void {
    const link = document.createElement('a')
    link.href = url
    link.rel = 'noopener'
    link.click()
  }

  #set(document: PortalDocument, status: DocumentDownloadStatus): DocumentDownloadStatus {
    this.#statuses.set(document.id, status)
    this.#host.requestUpdate()
    this.#options.onStatus?.(document, status)
    return status
  }
}

function failureOf(error: RequestError): DocumentDownloadFailure {
  if (error.status === 0) return navigator.onLine === false ? 'offline' : 'error'
  if (error.status === 401) return 'unauthorized'
  if (error.status === 403) return 'forbidden'
  if (error.status === 404) return 'not-found'
  return 'error'
}

declare global {
  interface HTMLElementEventMap {
    'portico-document-download': DocumentDownloadEvent
  }
}
