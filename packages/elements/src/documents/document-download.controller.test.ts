import { expect, fixture, html } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import { LitElement } from 'lit'
import {
  clientFor,
  followLink,
  mintEmbedSession,
  type EmbedSession,
} from '../../test/portico-api.js'
import type { PortalDocument } from '../portal-client.js'
import {
  DocumentDownloadController,
  type DocumentDownloadDetail,
  type DocumentDownloadStatus,
} from './document-download.controller.js'

/** The download logic, recording the links it would follow instead of navigating. */
class RecordingDownloads extends DocumentDownloadController {
  followed: string[] = []

  protected override follow(url: string) {
    this.followed.push(url)
  }
}

/** A host counting the links minted and the statuses reported, its clock movable. */
class DownloadHost extends LitElement {
  statuses: string[] = []
  mints = 0
  /** The page's clock, and how long the tab "sleeps" while each mint is out. */
  clock = 0
  sleeps: number[] = []
  session!: EmbedSession

  readonly downloads = new RecordingDownloads(this, {
    client: () =>
      clientFor(this.session, (request) => {
        if (!request.url.endsWith('/download-link')) return fetch(request)
        this.mints++
        return fetch(request).then((response) => {
          this.clock += this.sleeps.shift() ?? 0
          return response
        })
      }),
    onStatus: (_document, status: DocumentDownloadStatus) =>
      this.statuses.push(status.failure ? `${status.phase}:${status.failure}` : status.phase),
    now: () => this.clock,
  })

  get followed() {
    return this.downloads.followed
  }
}
customElements.define('download-host', DownloadHost)

describe('DocumentDownloadController against the API', () => {
  let session: EmbedSession
  let document: PortalDocument

  before(async () => {
    session = await mintEmbedSession()
    const page = await unwrap(
      clientFor(session).GET('/v1/documents', { params: { query: { limit: 1 } } }),
    )
    document = page.data[0]!
  })

  async function host() {
    const element = await fixture<DownloadHost>(html`<download-host></download-host>`)
    element.session = session
    return element
  }

  it('mints one link and follows it, after a cancelable event', async () => {
    const element = await host()
    const events: DocumentDownloadDetail[] = []
    element.addEventListener('portico-document-download', (event) => events.push(event.detail))
    const status = await element.downloads.download(document)
    expect(status.phase).to.equal('started')
    expect(element.mints).to.equal(1)
    expect(element.statuses).to.deep.equal(['preparing', 'started'])
    expect(element.followed).to.deep.equal([events[0]!.url])
    expect((await followLink(element.followed[0]!)).status).to.equal(200)
  })

  it('mints once more when the link arrives stale (the tab slept), and follows the fresh one', async () => {
    const element = await host()
    element.sleeps = [10 * 60_000, 0]
    const status = await element.downloads.download(document)
    expect(status.phase).to.equal('started')
    expect(element.mints).to.equal(2)
    expect(element.followed).to.have.length(1)
  })

  it('gives up as expired when the second link is stale too, rather than minting forever', async () => {
    const element = await host()
    element.sleeps = [10 * 60_000, 10 * 60_000]
    const status = await element.downloads.download(document)
    expect(status).to.deep.equal({ phase: 'failed', failure: 'expired' })
    expect(element.mints).to.equal(2)
    expect(element.followed).to.deep.equal([])
    expect(element.statuses).to.deep.equal(['preparing', 'failed:expired'])
  })

  it('reports another account’s document as not found, and a role without documents as forbidden', async () => {
    const element = await host()
    const missing = await element.downloads.download({ ...document, id: 'doc_missing' })
    expect(missing.failure).to.equal('not-found')
    element.session = await mintEmbedSession({ permissions: ['invoices:read'] })
    const forbidden = await element.downloads.download(document)
    expect(forbidden.failure).to.equal('forbidden')
    expect(element.followed).to.deep.equal([])
  })

  it('ignores a second click while the first link is being minted', async () => {
    const element = await host()
    const [first, second] = await Promise.all([
      element.downloads.download(document),
      element.downloads.download(document),
    ])
    expect(first.phase).to.equal('started')
    expect(second.phase).to.equal('preparing')
    expect(element.mints).to.equal(1)
  })
})
