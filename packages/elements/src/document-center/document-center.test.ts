import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap, type PortalClient } from '@portico/sdk'
import { sendKeys } from '@web/test-runner-commands'
import {
  clientFor,
  followLink,
  mintEmbedSession,
  uploadDocument,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { CursorListState } from '../list/cursor-list.controller.js'
import type { PorticoDocumentCenter } from './document-center.js'

const settled: CursorListState[] = ['ready', 'empty', 'error', 'unauthorized', 'forbidden']

async function renderCenter(
  session: EmbedSession,
  attributes: { orderId?: string; pageSize?: number; locale?: string; search?: string } = {},
): Promise<PorticoDocumentCenter> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${attributes.locale ?? 'en'}
    >
      <portico-document-center
        order-id=${attributes.orderId ?? ''}
        page-size=${attributes.pageSize ?? 20}
        search=${attributes.search ?? ''}
      >
        <h2 slot="header">Documents</h2>
      </portico-document-center>
    </portico-provider>
  `)
  const center = provider.querySelector('portico-document-center')!
  await settle(center)
  return center
}

async function settle(center: PorticoDocumentCenter) {
  await waitUntil(() => settled.includes(center.controller.state), 'never settled', {
    timeout: 8_000,
  })
  await center.updateComplete
}

const shadow = (center: PorticoDocumentCenter) => center.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const byPart = (center: PorticoDocumentCenter, part: string) =>
  shadow(center).querySelector<HTMLElement>(`[part~="${part}"]`)
const titles = (center: PorticoDocumentCenter) =>
  [...shadow(center).querySelectorAll('[part="document-title"]')].map(text)
const liveRegion = (center: PorticoDocumentCenter) =>
  text(shadow(center).querySelector('[role="status"]'))

/** The API's own answer for a query, to compare the element against. */
async function apiTitles(session: EmbedSession, query: Record<string, string | number>) {
  const page = await unwrap(
    clientFor(session).GET('/v1/documents', { params: { query: { limit: 20, ...query } } }),
  )
  return page.data.map((document) => document.title)
}

async function accountOf(session: EmbedSession) {
  return (await unwrap(clientFor(session).GET('/v1/me'))).account.id
}

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus()
  input.select()
  await sendKeys({ type: value })
}

describe('<portico-document-center> against the API', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'ap@cascadefab.com' })
  })

  it('lists the account’s documents newest first: title, type, what they belong to, date, size', async () => {
    const center = await renderCenter(session)
    expect(center.controller.state).to.equal('ready')
    expect(titles(center)).to.deep.equal(await apiTitles(session, {}))
    const first = center.controller.items[0]!
    const row = shadow(center).querySelector('tr[data-index="0"]')!
    expect(text(row.querySelector('.file-name'))).to.equal(first.fileName)
    expect(text(row.querySelector('[part="type"]'))).to.be.oneOf([
      'Invoice',
      'Tax invoice',
      'Delivery order',
      'Certificate of analysis',
      'Contract',
      'Other',
    ])
    expect(text(row.querySelector('.cell--size'))).to.match(/^[\d.,]+ (byte|kB|MB)$/)
    // What each document belongs to, by the number people know it by.
    center.controller.items.forEach((document, index) => {
      const related = text(shadow(center).querySelector(`tr[data-index="${index}"] .cell--related`))
      for (const number of [document.orderNumber, document.invoiceNumber, document.contractNumber])
        if (number) expect(related).to.include(number)
      expect(related).not.to.match(/\b(ord|inv|ctr)_/)
    })
    expect(center.controller.items.some((d) => d.invoiceNumber || d.orderNumber)).to.equal(true)
    expect(text(byPart(center, 'footer'))).to.include(`${center.controller.items.length} document`)
    await expect(center).to.be.accessible()
  })

  it('filters by type, says how many it shows, and keeps the filter in a designed empty state', async () => {
    const center = await renderCenter(session)
    const select = byPart(center, 'filter') as HTMLSelectElement
    const changed = oneEvent(center, 'portico-document-filter-change')
    select.value = 'contract'
    select.dispatchEvent(new Event('change'))
    expect((await changed).detail).to.deep.equal({ type: 'contract', search: '' })
    await waitUntil(() => center.controller.query.type === 'contract')
    await settle(center)
    expect(center.controller.items.every((document) => document.type === 'contract')).to.equal(true)
    expect(titles(center)).to.deep.equal(await apiTitles(session, { type: 'contract' }))
    await waitUntil(() => /^\d+ documents?$/.test(liveRegion(center) ?? ''), 'count not announced')

    center.search = 'no-such-document-anywhere'
    await settle(center)
    await waitUntil(() => center.controller.state === 'empty')
    await center.updateComplete
    expect(text(byPart(center, 'empty'))).to.equal('No documents match this filter.')
    // The filters stay, so the person can widen them again.
    expect(byPart(center, 'search')).not.to.equal(null)
    await expect(center).to.be.accessible()
  })

  it('searches titles and file names as the person types, and at once on Enter', async () => {
    const accountId = await accountOf(session)
    const tag = `SRCH${Date.now()}`
    await uploadDocument({
      accountId,
      type: 'delivery_order',
      title: `Delivery order ${tag}-1`,
    })
    await uploadDocument({
      accountId,
      type: 'certificate_of_analysis',
      title: 'Certificate for a batch',
      fileName: `coa-${tag}-2.pdf`,
    })
    const center = await renderCenter(session)
    const input = byPart(center, 'search') as HTMLInputElement
    expect(shadow(center).querySelector(`label[for="${input.id}"]`)).not.to.equal(null)

    await typeInto(input, tag.toLowerCase())
    await waitUntil(() => center.controller.query.search === tag.toLowerCase(), 'never searched')
    await settle(center)
    // Both uploaded in the same instant of the API's clock: either may come first.
    expect(titles(center)).to.have.members(['Certificate for a batch', `Delivery order ${tag}-1`])

    await typeInto(input, `${tag}-1`)
    await sendKeys({ press: 'Enter' })
    await waitUntil(() => center.controller.query.search === `${tag}-1`)
    await settle(center)
    expect(titles(center)).to.deep.equal([`Delivery order ${tag}-1`])
    await waitUntil(() => liveRegion(center) === '1 document', 'result count not announced')
  })

  it('loads more with the cursor, announces it, and ends when the last page is in', async () => {
    const all = await apiTitles(session, { limit: 100 })
    expect(all.length).to.be.greaterThan(2)
    const center = await renderCenter(session, { pageSize: 2 })
    expect(titles(center)).to.deep.equal(all.slice(0, 2))
    byPart(center, 'load-more')!.click()
    await waitUntil(() => center.controller.items.length === Math.min(4, all.length))
    await center.updateComplete
    expect(titles(center)).to.deep.equal(all.slice(0, 4))
    await waitUntil(() => /more documents? loaded/.test(liveRegion(center) ?? ''))
    while (center.controller.hasMore) await center.controller.loadMore()
    await center.updateComplete
    expect(titles(center)).to.deep.equal(all)
    expect(byPart(center, 'load-more')).to.equal(null)
  })

  it('shows only an order’s documents when embedded with order-id', async () => {
    const client = clientFor(session)
    const delivery = await unwrap(
      client.GET('/v1/documents', { params: { query: { type: 'delivery_order', limit: 100 } } }),
    )
    const orderId = delivery.data.find((document) => document.orderId)!.orderId!
    const center = await renderCenter(session, { orderId })
    expect(center.controller.items.length).to.be.greaterThan(0)
    expect(center.controller.items.every((document) => document.orderId === orderId)).to.equal(true)
    expect(titles(center)).to.deep.equal(await apiTitles(session, { orderId }))
  })

  it('says so when an order has no documents, without calling it a filter', async () => {
    const orders = await unwrap(
      clientFor(session).GET('/v1/orders', { params: { query: { limit: 100 } } }),
    )
    let bare: string | undefined
    for (const order of orders.data) {
      if (!(await apiTitles(session, { orderId: order.id })).length) bare = order.id
      if (bare) break
    }
    expect(bare, 'an order without documents').to.be.a('string')
    const center = await renderCenter(session, { orderId: bare! })
    expect(center.controller.state).to.equal('empty')
    expect(text(byPart(center, 'empty'))).to.equal('There are no documents yet.')
    await expect(center).to.be.accessible()
  })

  it('downloads through a signed link: mints it, announces it, and follows it', async () => {
    const center = await renderCenter(session)
    const document = center.controller.items[0]!
    const button = shadow(center).querySelector<HTMLButtonElement>(
      'tr[data-index="0"] [part="download"]',
    )!
    // Named by what it shows, described by the row's title.
    expect(text(button)).to.equal('Download')
    const describedBy = shadow(center).getElementById(button.getAttribute('aria-describedby')!)
    expect(text(describedBy)).to.equal(document.title)

    // The default: a navigation to the link (the file arrives as an attachment).
    const followed: string[] = []
    const click = HTMLAnchorElement.prototype.click
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      followed.push(this.href)
    }
    try {
      const minted = oneEvent(center, 'portico-document-download')
      button.click()
      const { detail } = await minted
      expect(detail.document.id).to.equal(document.id)
      await waitUntil(() => followed.length === 1, 'the link was never followed')
      expect(followed[0]).to.equal(detail.url)
      expect(new URL(detail.url).origin).to.equal(new URL(session.baseUrl).origin)
      expect(Date.parse(detail.expiresAt) - Date.now()).to.be.within(0, 5 * 60_000 + 5_000)
      const file = await followLink(detail.url)
      expect(file.status).to.equal(200)
      expect(file.contentType).to.equal(document.contentType)
      expect(file.disposition).to.match(/^attachment/)
      expect(file.bytes).to.equal(document.sizeBytes)
    } finally {
      HTMLAnchorElement.prototype.click = click
    }
    await waitUntil(
      () => liveRegion(center) === `The download of ${document.title} has started.`,
      'the download was not announced',
    )

    // A host may take the link itself: then nothing is followed.
    center.addEventListener('portico-document-download', (event) => event.preventDefault(), {
      once: true,
    })
    const again = oneEvent(center, 'portico-document-download')
    button.click()
    expect((await again).detail.url).to.match(/\/v1\/downloads\//)
    await expect(center).to.be.accessible()
  })

  it('is used from the keyboard: arrows move between titles, Enter downloads', async () => {
    const center = await renderCenter(session)
    const firstTitle = shadow(center).querySelector<HTMLElement>('[part="document-title"]')!
    firstTitle.focus()
    await sendKeys({ press: 'ArrowDown' })
    const second = shadow(center).querySelector('tr[data-index="1"] [part="document-title"]')
    expect(shadow(center).activeElement).to.equal(second)
    center.addEventListener('portico-document-download', (event) => event.preventDefault())
    const selected = oneEvent(center, 'portico-document-select')
    const downloaded = oneEvent(center, 'portico-document-download')
    await sendKeys({ press: 'Enter' })
    expect((await selected).detail.document.id).to.equal(center.controller.items[1]!.id)
    expect((await downloaded).detail.document.id).to.equal(center.controller.items[1]!.id)
  })

  it('renders a document title from the ERP inert', async () => {
    const attack = '<img src=x onerror="window.__porticoDocPwned=1">'
    await uploadDocument({
      accountId: await accountOf(session),
      type: 'other',
      title: `Scan ${attack}`,
    })
    const center = await renderCenter(session, { search: 'onerror' })
    expect(titles(center)).to.include(`Scan ${attack}`)
    expect(shadow(center).querySelector('img')).to.equal(null)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((window as { __porticoDocPwned?: number }).__porticoDocPwned).to.equal(undefined)
  })

  it('explains a role without documents:read, an expired session and a failed load', async () => {
    const narrowed = await mintEmbedSession({
      email: 'ap@cascadefab.com',
      permissions: ['invoices:read'],
    })
    const forbidden = await renderCenter(narrowed)
    expect(forbidden.controller.state).to.equal('forbidden')
    expect(text(byPart(forbidden, 'error'))).to.equal(
      'You do not have permission to see documents.',
    )
    await expect(forbidden).to.be.accessible()

    const expired = await renderCenter(await mintEmbedSession({ expired: true }))
    expect(expired.controller.state).to.equal('unauthorized')
    expect(text(byPart(expired, 'error'))).to.equal('Your session has expired — sign in again.')

    // Expiring a session moved the API's clock: the failing load gets a fresh one.
    const fresh = await mintEmbedSession()
    let fail = true
    const flaky: PortalClient = clientFor(fresh, (request) =>
      fail
        ? Promise.resolve(
            new Response(
              JSON.stringify({ status: 503, code: 'unavailable', title: 'x', requestId: 'req_1' }),
              { status: 503, headers: { 'content-type': 'application/problem+json' } },
            ),
          )
        : fetch(request),
    )
    const failing = await fixture<PorticoDocumentCenter>(
      html`<portico-document-center .client=${flaky}></portico-document-center>`,
    )
    await settle(failing)
    expect(failing.controller.state).to.equal('error')
    expect(text(byPart(failing, 'error'))).to.include('Your documents could not be loaded.')
    expect(text(byPart(failing, 'error'))).to.include('req_1')
    await expect(failing).to.be.accessible()
    fail = false
    byPart(failing, 'retry')!.click()
    await waitUntil(() => failing.controller.state === 'ready', 'retry did not load')
  })

  it('speaks German with a German provider', async () => {
    const center = await renderCenter(session, { locale: 'de' })
    await waitUntil(() => text(byPart(center, 'filter')?.querySelector('option')) === 'Alle Arten')
    expect(text(shadow(center).querySelector('label[for="search"]'))).to.equal(
      'Dokumente durchsuchen',
    )
    expect(text(shadow(center).querySelector('[part="download"]'))).to.equal('Herunterladen')
  })
})
