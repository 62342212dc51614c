import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import { sendKeys } from '@web/test-runner-commands'
import {
  clientFor,
  mintEmbedSession,
  placeOrder,
  sendErpEvent,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { OrderListState } from './order-list.controller.js'
import type { PorticoOrderList } from './order-list.js'

const settledStates: OrderListState[] = ['ready', 'empty', 'error', 'unauthorized', 'forbidden']

async function settled(list: PorticoOrderList): Promise<void> {
  await waitUntil(
    () => settledStates.includes(list.controller.state) && !list.controller.loadingMore,
    `the list stayed "${list.controller.state}"`,
    { timeout: 8_000 },
  )
  await list.updateComplete
}

async function renderInProvider(
  session: EmbedSession,
  list = html`<portico-order-list page-size="5"></portico-order-list>`,
  locale = 'en',
): Promise<PorticoOrderList> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${locale}
    >
      ${list}
    </portico-provider>
  `)
  const element = provider.querySelector('portico-order-list')!
  await settled(element)
  return element
}

const shadow = (list: PorticoOrderList) => list.shadowRoot!
const rows = (list: PorticoOrderList) => [...shadow(list).querySelectorAll('tbody tr')]
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const numbers = (list: PorticoOrderList) =>
  rows(list).map((row) => text(row.querySelector('[part="order-number"]')))
const liveRegion = (list: PorticoOrderList) => text(shadow(list).querySelector('[role="status"]'))

async function orderNumbers(session: EmbedSession, query: { limit: number; status?: 'placed' }) {
  const page = await unwrap(clientFor(session).GET('/v1/orders', { params: { query } }))
  return page.data.map((order) => order.number)
}

describe('<portico-order-list> against the API', () => {
  // Brandt's buyer: these tests place and move orders in Brandt's account only.
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'einkauf@brandt-maschinenbau.de' })
  })

  it('lists the account’s orders, newest first: number, date, status, PO, supplier ref., total', async () => {
    const placed = await placeOrder(session, [{ sku: 'DZ-M12-50', quantity: 4 }], {
      poNumber: 'BM-2026-118',
    })
    const list = await renderInProvider(session)

    expect(numbers(list)).to.deep.equal(await orderNumbers(session, { limit: 5 }))
    expect(numbers(list)[0]).to.equal(placed.number)
    const headers = [...shadow(list).querySelectorAll('thead th')].map(text)
    expect(headers).to.deep.equal([
      'Order',
      'Placed',
      'Status',
      'Your PO',
      'Supplier ref.',
      'Total',
    ])
    const cells = [...rows(list)[0]!.querySelectorAll('td')].map(text)
    const placedOn = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      new Date(placed.placedAt),
    )
    expect(cells).to.deep.equal([placedOn, 'Placed', 'BM-2026-118', '—', '€202.30'])
    // A confirmed order carries the ERP's number.
    const confirmed = list.controller.items.find((order) => order.status === 'confirmed')!
    const confirmedRow = rows(list)[list.controller.items.indexOf(confirmed)]!
    expect(text(confirmedRow.querySelector('.cell--erp'))).to.equal(confirmed.erpOrderNumber)
    await expect(list).to.be.accessible()
  })

  it('filters by status through the API', async () => {
    const list = await renderInProvider(session)
    const changed = oneEvent(list, 'portico-order-filter-change')
    const select = shadow(list).querySelector<HTMLSelectElement>('select')!
    expect(text(shadow(list).querySelector('label[for="status"]'))).to.equal('Status')
    select.value = 'placed'
    select.dispatchEvent(new Event('change'))
    expect((await changed).detail).to.deep.equal({ status: 'placed' })
    await settled(list)

    expect(list.getAttribute('status')).to.equal('placed')
    expect(numbers(list)).to.deep.equal(await orderNumbers(session, { limit: 5, status: 'placed' }))
    expect(new Set(list.controller.items.map((order) => order.status))).to.deep.equal(
      new Set(['placed']),
    )
    await waitUntil(() => /orders?$/.test(liveRegion(list) ?? ''), 'no announcement')
  })

  it('shows the empty state for a status no order has', async () => {
    const list = await renderInProvider(
      session,
      html`<portico-order-list status="rejected"></portico-order-list>`,
    )
    expect(list.controller.state).to.equal('empty')
    expect(text(shadow(list).querySelector('[part="empty"]'))).to.equal(
      'No orders have this status.',
    )
    await expect(list).to.be.accessible()
  })

  it('keeps up live: a new order appears on top, a confirmed one changes its badge', async () => {
    const list = await renderInProvider(session)
    await waitUntil(() => list.liveState === 'live', 'live updates never connected')

    const order = await placeOrder(session, [{ sku: 'SV-4-3', quantity: 1 }])
    await waitUntil(() => numbers(list)[0] === order.number, 'the new order never appeared', {
      timeout: 8_000,
    })
    expect(text(rows(list)[0]!.querySelector('[part~="status-badge"]'))).to.equal('Placed')

    await sendErpEvent({
      type: 'order.confirmed',
      data: { orderId: order.id, erpOrderNumber: 'SO-778812' },
    })
    await waitUntil(
      () => text(rows(list)[0]!.querySelector('[part~="status-badge"]')) === 'Confirmed',
      'the badge never changed',
      { timeout: 8_000 },
    )
    expect(text(rows(list)[0]!.querySelector('.cell--erp'))).to.equal('SO-778812')
    await waitUntil(
      () => liveRegion(list) === `Order ${order.number} is now: Confirmed.`,
      'the change was not announced',
    )
  })

  it('fires portico-order-select for a clicked row and from the keyboard', async () => {
    const list = await renderInProvider(session)
    const clicked = oneEvent(document, 'portico-order-select')
    rows(list)[1]!.querySelector('td')!.click()
    const event = await clicked
    expect(event.bubbles && event.composed).to.equal(true)
    expect(event.detail.order).to.deep.equal(list.controller.items[1])

    rows(list)[0]!.querySelector<HTMLButtonElement>('button')!.focus()
    await sendKeys({ press: 'ArrowDown' })
    await sendKeys({ press: 'ArrowDown' })
    const keyed = oneEvent(list, 'portico-order-select')
    await sendKeys({ press: 'Enter' })
    expect((await keyed).detail.order.number).to.equal(numbers(list)[2])
  })

  it('appends the next page on “Load more”', async () => {
    const list = await renderInProvider(
      session,
      html`<portico-order-list page-size="2"></portico-order-list>`,
    )
    shadow(list).querySelector<HTMLButtonElement>('[part="load-more"]')!.click()
    await waitUntil(() => rows(list).length === 4, 'no rows were appended')
    expect(numbers(list)).to.deep.equal(await orderNumbers(session, { limit: 4 }))
    await waitUntil(() => liveRegion(list) === '2 more orders loaded', 'no announcement')
  })

  it('explains an expired session and a missing permission', async () => {
    const expired = await renderInProvider(
      await mintEmbedSession({ email: 'einkauf@brandt-maschinenbau.de', expired: true }),
    )
    expect(text(shadow(expired).querySelector('[part="error"]'))).to.equal(
      'Your session has expired — sign in again.',
    )
    await expect(expired).to.be.accessible()

    const narrowed = await renderInProvider(
      await mintEmbedSession({
        email: 'einkauf@brandt-maschinenbau.de',
        permissions: ['profile:read'],
      }),
    )
    expect(text(shadow(narrowed).querySelector('[part="error"]'))).to.equal(
      'You don’t have permission to view orders.',
    )
  })

  it('shows the skeleton while loading and an error with Retry when the API is unreachable', async () => {
    let fail = true
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const list = await fixture<PorticoOrderList>(html`
      <portico-order-list
        live-updates="off"
        .client=${clientFor(session, async (request) => {
          await gate
          return fail ? Promise.reject(new TypeError('Failed to fetch')) : fetch(request)
        })}
      ></portico-order-list>
    `)
    expect(shadow(list).querySelector('[part="skeleton"]')).not.to.equal(null)
    await expect(list).to.be.accessible()
    release()
    await settled(list)
    expect(text(shadow(list).querySelector('[part="error"] .message-title'))).to.equal(
      'We couldn’t load your orders.',
    )
    await expect(list).to.be.accessible()
    fail = false
    shadow(list).querySelector<HTMLButtonElement>('[part="retry"]')!.click()
    await settled(list)
    expect(list.controller.state).to.equal('ready')
  })

  it('speaks every language’s status names', async () => {
    const list = await renderInProvider(session, undefined, 'it')
    const options = [...shadow(list).querySelectorAll('option')].map(text)
    expect(options.slice(0, 3)).to.deep.equal(['Tutti', 'Inviato', 'Confermato'])
    expect(text(shadow(list).querySelector('thead th'))).to.equal('Ordine')
  })
})
