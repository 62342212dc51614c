import { expect, fixture, html, waitUntil } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import {
  clientFor,
  mintEmbedSession,
  raiseCase,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { PorticoActivityFeed } from './activity-feed.js'

async function renderFeed(
  session: EmbedSession,
  attributes: { pageSize?: number; kind?: string; locale?: string } = {},
): Promise<PorticoActivityFeed> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${attributes.locale ?? 'en'}
    >
      <portico-activity-feed
        page-size=${attributes.pageSize ?? 20}
        kind=${attributes.kind ?? 'all'}
        live-updates="off"
      ></portico-activity-feed>
    </portico-provider>
  `)
  const feed = provider.querySelector('portico-activity-feed')!
  await waitUntil(() => !['idle', 'loading'].includes(feed.controller.state), 'never settled', {
    timeout: 8_000,
  })
  await feed.updateComplete
  return feed
}

const root = (feed: PorticoActivityFeed) => feed.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const entries = (feed: PorticoActivityFeed) => [
  ...root(feed).querySelectorAll<HTMLElement>('[part~="entry"]'),
]
const sentences = (feed: PorticoActivityFeed) =>
  entries(feed).map((entry) => text(entry.querySelector('[part~="sentence"]')))

describe('<portico-activity-feed> against the API', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'ap@cascadefab.com' })
  })

  it('shows the account’s activity newest first, grouped by day, and passes axe', async () => {
    const raised = await raiseCase(session, { subject: 'Feed case' })
    const feed = await renderFeed(session)
    expect(feed.controller.state).to.equal('ready')
    expect(sentences(feed)[0]).to.equal(`Case ${raised.number} raised`)
    const first = entries(feed)[0]!
    expect(text(first.querySelector('[part~="kind"]'))).to.equal('Cases')
    expect(text(first.querySelector('[part~="summary"]'))).to.include('Feed case')
    expect(first.querySelector('time')!.getAttribute('datetime')).to.be.a('string')
    const heading = text(root(feed).querySelector('[part~="day-heading"]'))
    expect(heading).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(
        new Date(feed.controller.items[0]!.occurredAt),
      ),
    )
    const times = feed.controller.items.map((item) => Date.parse(item.occurredAt))
    expect([...times].sort((a, b) => b - a)).to.deep.equal(times)
    expect(root(feed).querySelector('a')).to.equal(null)
    await expect(feed).to.be.accessible()
  })

  it('links entries only where the host says, and lets it navigate', async () => {
    await raiseCase(session, { subject: 'Linked case' })
    const feed = await renderFeed(session)
    feed.linkFor = (item) => (item.subject.type === 'case' ? `/cases/${item.subject.id}` : null)
    await feed.updateComplete
    const link = entries(feed)[0]!.querySelector('a')!
    expect(link.getAttribute('href')).to.equal(`/cases/${feed.controller.items[0]!.subject.id}`)
    let selected: string | undefined
    feed.addEventListener('portico-activity-select', (event) => {
      event.preventDefault()
      selected = event.detail.item.id
    })
    link.click()
    expect(selected).to.equal(feed.controller.items[0]!.id)
  })

  it('filters by kind', async () => {
    await raiseCase(session, { subject: 'Filtered case' })
    const feed = await renderFeed(session)
    const filter = root(feed).querySelector<HTMLSelectElement>('#kind')!
    filter.value = 'case'
    filter.dispatchEvent(new Event('change'))
    await waitUntil(
      () => feed.controller.state === 'ready' && feed.controller.query.kind === 'case',
      'the filter never applied',
    )
    await feed.updateComplete
    expect(feed.controller.items.every((item) => item.kind === 'case')).to.equal(true)
    expect(entries(feed).length).to.be.greaterThan(0)
  })

  it('says when nothing of a kind happened', async () => {
    const fresh = await mintEmbedSession({
      email: 'ap@cascadefab.com',
      permissions: ['events:read', 'cases:read'],
    })
    const feed = await renderFeed(fresh, { kind: 'payment' })
    expect(feed.controller.state).to.equal('empty')
    expect(text(root(feed).querySelector('[part~="empty"]'))).to.include(
      'No activity of this kind.',
    )
  })

  it('pages with a cursor: Load more appends the next entries', async () => {
    for (const subject of ['Page A', 'Page B', 'Page C']) await raiseCase(session, { subject })
    const all = await unwrap(
      clientFor(session).GET('/v1/activity', { params: { query: { limit: 6 } } }),
    )
    const feed = await renderFeed(session, { pageSize: 3 })
    expect(entries(feed)).to.have.length(3)
    root(feed).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click()
    await waitUntil(() => entries(feed).length === 6, 'the next page never came')
    expect(feed.controller.items.map((item) => item.id)).to.deep.equal(
      all.data.map((item) => item.id),
    )
  })

  it('renders a summary containing markup inert — the onerror never runs', async () => {
    const attack = '<img src=x onerror="window.__porticoFeedPwned = true">'
    await raiseCase(session, { subject: attack })
    const feed = await renderFeed(session)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(root(feed).querySelector('img')).to.equal(null)
    expect((window as { __porticoFeedPwned?: boolean }).__porticoFeedPwned).to.equal(undefined)
    expect(text(entries(feed)[0]!.querySelector('[part~="summary"]'))).to.include(attack)
  })

  it('loads the first page again when something new happens', async () => {
    const provider = await fixture(html`
      <portico-provider
        base-url=${session.baseUrl}
        client-secret=${session.clientSecret}
        locale="en"
      >
        <portico-activity-feed page-size="5"></portico-activity-feed>
      </portico-provider>
    `)
    const feed = provider.querySelector('portico-activity-feed')!
    await waitUntil(() => feed.liveState === 'live', 'live updates never connected', {
      timeout: 8_000,
    })
    await waitUntil(() => feed.controller.state === 'ready', 'never loaded')
    const raised = await raiseCase(session, { subject: 'Raised while watching' })
    await waitUntil(
      () => sentences(feed)[0] === `Case ${raised.number} raised`,
      'the new entry never showed on top',
      { timeout: 8_000 },
    )
  })

  it('says when the credential may not read activity', async () => {
    const narrow = await mintEmbedSession({ permissions: ['invoices:read'] })
    const feed = await renderFeed(narrow)
    expect(feed.controller.state).to.equal('forbidden')
    expect(text(root(feed).querySelector('[part~="error"]'))).to.include(
      'You do not have permission to see activity.',
    )
  })

  it('speaks German: sentences, kinds and day headings', async () => {
    const raised = await raiseCase(session, { subject: 'Deutscher Fall' })
    const feed = await renderFeed(session, { locale: 'de' })
    await waitUntil(() => sentences(feed)[0]?.startsWith('Fall'), 'German never arrived')
    expect(sentences(feed)[0]).to.equal(`Fall ${raised.number} gemeldet`)
    expect(text(entries(feed)[0]!.querySelector('[part~="kind"]'))).to.equal('Fälle')
    expect(text(root(feed).querySelector('[part~="day-heading"]'))).to.equal(
      new Intl.DateTimeFormat('de', { dateStyle: 'full' }).format(
        new Date(feed.controller.items[0]!.occurredAt),
      ),
    )
    expect(text(root(feed).querySelector('label[for="kind"]'))).to.equal('Anzeigen')
  })
})
