import { expect, fixture, html, waitUntil } from '@open-wc/testing'
import {
  actAsAgent,
  mintEmbedSession,
  placeOrder,
  raiseCase,
  type EmbedSession,
} from '../../test/portico-api.js'
import { clientFor } from '../../test/portico-api.js'
import { unwrap } from '@portico/sdk'
import '../index.js'
import type { PorticoCaseList } from './case-list.js'

async function renderList(
  session: EmbedSession,
  attributes: { pageSize?: number; orderId?: string; category?: string; live?: boolean } = {},
): Promise<PorticoCaseList> {
  const provider = await fixture(html`
    <portico-provider base-url=${session.baseUrl} client-secret=${session.clientSecret} locale="en">
      <portico-case-list
        page-size=${attributes.pageSize ?? 20}
        order-id=${attributes.orderId ?? ''}
        category=${attributes.category ?? 'all'}
        live-updates=${attributes.live === false ? 'off' : 'on'}
      ></portico-case-list>
    </portico-provider>
  `)
  const list = provider.querySelector('portico-case-list')!
  await waitUntil(() => !['idle', 'loading'].includes(list.controller.state), 'never settled', {
    timeout: 8_000,
  })
  await list.updateComplete
  return list
}

const root = (list: PorticoCaseList) => list.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const rows = (list: PorticoCaseList) =>
  [...root(list).querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => text(cell)),
  )

describe('<portico-case-list> against the API', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'ap@cascadefab.com' })
  })

  it('lists the account’s cases newest first: number, subject, status, category, priority, SLA due', async () => {
    const raised = await raiseCase(session, { subject: 'Listed case', category: 'delivery' })
    // The test API's clock stands still, and cases raised in one instant tie
    // on created_at; their IDs' random part orders them. Other suites raise
    // this account's cases in that instant too: read a page that holds them all.
    const list = await renderList(session, { pageSize: 100, live: false })
    const first = rows(list).find((row) => row[0] === raised.number)
    expect(first!.slice(0, 5)).to.deep.equal([
      raised.number,
      'Listed case',
      'New',
      'Delivery',
      'Normal',
    ])
    expect(first![5]).to.match(/^First response due in /)
    await expect(list).to.be.accessible()
  })

  it('renders case text containing markup inert — the onerror never runs', async () => {
    const attack = '<img src=x onerror="window.__porticoListPwned = true">'
    await raiseCase(session, { subject: attack })
    // A page that holds every case raised in the API's standing instant (as above).
    const list = await renderList(session, { pageSize: 100, live: false })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(root(list).querySelector('img')).to.equal(null)
    expect((window as { __porticoListPwned?: boolean }).__porticoListPwned).to.equal(undefined)
    expect(rows(list).some((row) => row[1] === attack)).to.equal(true)
  })

  it('pages with a cursor: Load more appends the next cases, then stops', async () => {
    const brandt = await mintEmbedSession({ email: 'einkauf@brandt-maschinenbau.de' })
    for (const subject of ['Page A', 'Page B', 'Page C']) await raiseCase(brandt, { subject })
    const all = await unwrap(
      clientFor(brandt).GET('/v1/cases', { params: { query: { limit: 100 } } }),
    )
    const total = all.data.length
    const list = await renderList(brandt, { pageSize: total - 1, live: false })
    expect(rows(list)).to.have.length(total - 1)
    root(list).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click()
    await waitUntil(() => rows(list).length === total, 'the next page never came')
    expect(rows(list).map((r) => r[0])).to.deep.equal(all.data.map((c) => c.number))
    expect(root(list).querySelector('[part~="load-more"]')).to.equal(null)
  })

  it('shows only the cases about an order, and filters by category', async () => {
    const buyer = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
    const order = await placeOrder(buyer, [{ sku: 'PP-HOMO-25', quantity: 20 }])
    const about = await unwrap(
      clientFor(buyer).POST('/v1/cases', {
        body: {
          subject: 'About the order',
          description: 'Late.',
          category: 'delivery',
          orderId: order.id,
        },
      }),
    )
    await raiseCase(buyer, { subject: 'Not about it', category: 'question' })
    const list = await renderList(buyer, { orderId: order.id, live: false })
    expect(rows(list).map((r) => r[0])).to.deep.equal([about.number])
    const byCategory = await renderList(buyer, { category: 'question', live: false })
    expect(rows(byCategory).every((r) => r[3] === 'Question')).to.equal(true)
    const filter = root(byCategory).querySelector<HTMLSelectElement>('#category')!
    filter.value = 'warranty'
    filter.dispatchEvent(new Event('change'))
    await waitUntil(() => byCategory.controller.state === 'empty', 'the filter never applied')
    expect(text(root(byCategory).querySelector('[part~="empty"]'))).to.include(
      'No cases match these filters.',
    )
  })

  it('follows cases live: a new case goes on top, a status change updates its row', async () => {
    const list = await renderList(session)
    await waitUntil(() => list.liveState === 'live', 'live updates never connected')
    const raised = await raiseCase(session, { subject: 'Raised while watching' })
    const row = () => rows(list).find((r) => r[0] === raised.number)
    await waitUntil(
      () => rows(list)[0]?.[0] === raised.number,
      'the new case never showed on top',
      {
        timeout: 8_000,
      },
    )
    await actAsAgent({ caseId: raised.id, status: 'waiting_on_customer' })
    await waitUntil(() => row()?.[2]?.startsWith('Waiting on you'), 'the status never moved', {
      timeout: 8_000,
    })
  })

  it('says when the credential may not read cases', async () => {
    const narrow = await mintEmbedSession({ permissions: ['invoices:read'] })
    const list = await renderList(narrow, { live: false })
    expect(list.controller.state).to.equal('forbidden')
    expect(text(root(list).querySelector('[part~="error"]'))).to.include(
      'You do not have permission to see cases.',
    )
  })
})
