import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import {
  mintEmbedSession,
  placeOrder,
  sendErpEvent,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { OrderTrackerState } from './order-tracker.controller.js'
import type { PorticoOrderTracker } from './order-tracker.js'

const settledStates: OrderTrackerState[] = [
  'ready',
  'not-found',
  'error',
  'unauthorized',
  'forbidden',
]

async function renderTracker(
  session: EmbedSession,
  orderId: string,
  options: { live?: boolean; locale?: string } = {},
): Promise<PorticoOrderTracker> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${options.locale ?? 'en'}
    >
      <portico-order-tracker
        order-id=${orderId}
        live-updates=${options.live === false ? 'off' : 'on'}
      ></portico-order-tracker>
    </portico-provider>
  `)
  const tracker = provider.querySelector('portico-order-tracker')!
  await waitUntil(() => settledStates.includes(tracker.controller.state), 'never settled', {
    timeout: 8_000,
  })
  // A locale other than English loads its messages on demand: the skeleton
  // stays until they are in, whatever the data.
  await waitUntil(
    () =>
      tracker.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
    'messages never loaded',
  )
  await tracker.updateComplete
  return tracker
}

const shadow = (tracker: PorticoOrderTracker) => tracker.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const byPart = (tracker: PorticoOrderTracker, part: string) =>
  shadow(tracker).querySelector<HTMLElement>(`[part~="${part}"]`)
const badge = (tracker: PorticoOrderTracker) => text(byPart(tracker, 'status-badge'))
const liveRegion = (tracker: PorticoOrderTracker) =>
  text(shadow(tracker).querySelector('[role="status"]'))
/** Each step as "label:state", the current one starred. */
const steps = (tracker: PorticoOrderTracker) =>
  [...shadow(tracker).querySelectorAll('[part~="step"]')].map(
    (step) =>
      `${text(step.querySelector('.step-label'))}:${step.getAttribute('part')!.split(' ')[1]!.slice(5)}${step.getAttribute('aria-current') ? '*' : ''}`,
  )
const shippedColumn = (tracker: PorticoOrderTracker) =>
  [...shadow(tracker).querySelectorAll('[part="lines"] tbody td.shipped')].map(text)

describe('<portico-order-tracker> against the API', () => {
  // PT Sinar Jaya's buyer: these tests place, move and cancel orders in that account only.
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
  })

  it('shows a placed order: header, the timeline ahead, items and totals, Cancel', async () => {
    const order = await placeOrder(
      session,
      [
        { sku: 'PP-HOMO-25', quantity: 20 },
        { sku: 'MB-WHT-20', quantity: 2 },
      ],
      { poNumber: 'SJD-PO-5521', note: 'Gate 2, forklift on site' },
    )
    const tracker = await renderTracker(session, order.id)

    expect(text(byPart(tracker, 'title'))).to.equal(`Order ${order.number}`)
    expect(byPart(tracker, 'title')!.getAttribute('aria-level')).to.equal('2')
    expect(badge(tracker)).to.equal('Placed')
    const facts = text(byPart(tracker, 'facts'))
    expect(facts).to.include('Your PO number SJD-PO-5521')
    expect(facts).to.include('Total IDR')
    expect(facts).to.include('Note for your supplier Gate 2, forklift on site')
    expect(steps(tracker)).to.deep.equal([
      'Placed:done*',
      'Confirmed:upcoming',
      'In production:upcoming',
      'Shipped:upcoming',
      'Delivered:upcoming',
    ])
    expect(text(byPart(tracker, 'shipments'))).to.include('Nothing has shipped yet.')
    expect(shippedColumn(tracker)).to.deep.equal(['0 of 20', '0 of 2'])
    expect(text(byPart(tracker, 'cancel-button'))).to.equal('Cancel order')
    await expect(tracker).to.be.accessible()
  })

  it('follows the order live — confirmed, in production, shipped in part, shipped, delivered', async () => {
    const order = await placeOrder(session, [
      { sku: 'PP-HOMO-25', quantity: 20 },
      { sku: 'PLT-EURO', quantity: 2 },
    ])
    const tracker = await renderTracker(session, order.id)
    await waitUntil(() => tracker.liveState === 'live', 'live updates never connected')
    expect(text(byPart(tracker, 'live'))).to.equal('Live')
    const changes: string[] = []
    tracker.addEventListener('portico-order-status-change', (event) =>
      changes.push(`${event.detail.previous}→${event.detail.order.status}`),
    )
    const step = async (status: string, event: Parameters<typeof sendErpEvent>[0]) => {
      await sendErpEvent(event)
      await waitUntil(() => badge(tracker) === status, `never became "${status}"`, {
        timeout: 8_000,
      })
      await waitUntil(
        () => liveRegion(tracker) === `Order ${order.number} is now: ${status}.`,
        `"${status}" was not announced`,
      )
    }

    await step('Confirmed', {
      type: 'order.confirmed',
      data: { orderId: order.id, erpOrderNumber: 'SO-JKT-99120' },
    })
    expect(byPart(tracker, 'cancel-button')).to.equal(null)
    expect(text(byPart(tracker, 'facts'))).to.include('Supplier order no. SO-JKT-99120')

    await step('In production', { type: 'order.in_production', data: { orderId: order.id } })

    await step('Partially shipped', {
      type: 'order.shipped',
      data: {
        orderId: order.id,
        shipment: {
          id: 'DN-1',
          carrier: 'JNE Trucking',
          trackingNumber: 'JNE-000123',
          trackingUrl: 'https://tracking.example/JNE-000123',
          lines: [{ sku: 'PP-HOMO-25', quantity: 10 }],
        },
      },
    })
    expect(steps(tracker)).to.deep.equal([
      'Placed:done',
      'Confirmed:done',
      'In production:done',
      'Partially shipped:partial*',
      'Delivered:upcoming',
    ])
    expect(shippedColumn(tracker)).to.deep.equal(['10 of 20', '0 of 2'])
    const link = byPart(tracker, 'tracking-link') as HTMLAnchorElement
    expect(link.href).to.equal('https://tracking.example/JNE-000123')
    expect(link.target).to.equal('_blank')
    expect(text(link)).to.equal('JNE-000123 (opens in a new tab)')
    await expect(tracker).to.be.accessible()

    await step('Shipped', {
      type: 'order.shipped',
      data: {
        orderId: order.id,
        shipment: {
          id: 'DN-2',
          carrier: 'SiCepat Cargo',
          trackingNumber: 'SCP-55',
          lines: [
            { sku: 'PP-HOMO-25', quantity: 10 },
            { sku: 'PLT-EURO', quantity: 2 },
          ],
        },
      },
    })
    expect(shadow(tracker).querySelectorAll('[part="shipment"]')).to.have.length(2)
    expect(shippedColumn(tracker)).to.deep.equal(['20 of 20', '2 of 2'])
    const shipped = [...shadow(tracker).querySelectorAll('[part~="step"]')][3]!
    expect(text(shipped)).to.include('Partially shipped')
    expect(text(shipped)).to.include('JNE Trucking · JNE-000123')
    expect(text(shipped)).to.include('SiCepat Cargo · SCP-55')

    await step('Delivered', { type: 'order.delivered', data: { orderId: order.id } })
    expect(steps(tracker)).to.deep.equal([
      'Placed:done',
      'Confirmed:done',
      'In production:done',
      'Shipped:done',
      'Delivered:done*',
    ])
    expect(changes).to.deep.equal([
      'placed→confirmed',
      'confirmed→in_production',
      'in_production→partially_shipped',
      'partially_shipped→shipped',
      'shipped→delivered',
    ])
    await expect(tracker).to.be.accessible()
  })

  it('cancels a placed order after asking', async () => {
    const order = await placeOrder(session, [{ sku: 'FRT-JKT-SBY', quantity: 3 }])
    const tracker = await renderTracker(session, order.id)
    byPart(tracker, 'cancel-button')!.click()
    const dialog = byPart(tracker, 'dialog') as HTMLDialogElement
    expect(dialog.open).to.equal(true)
    expect(text(dialog.querySelector('h2'))).to.equal(`Cancel order ${order.number}?`)
    expect(shadow(tracker).activeElement?.textContent?.trim()).to.equal('Keep order')
    await expect(tracker).to.be.accessible()

    dialog.querySelector('textarea')!.value = 'Ordered twice'
    dialog.querySelector('textarea')!.dispatchEvent(new InputEvent('input'))
    const cancelled = oneEvent(tracker, 'portico-order-cancelled')
    ;[...dialog.querySelectorAll('button')].find((b) => text(b) === 'Yes, cancel order')!.click()
    expect((await cancelled).detail.order.status).to.equal('cancelled')
    await tracker.updateComplete

    expect(dialog.open).to.equal(false)
    expect(badge(tracker)).to.equal('Cancelled')
    expect(steps(tracker)).to.deep.equal(['Placed:done', 'Cancelled:stopped*'])
    expect(text(shadow(tracker).querySelector('.step--stopped'))).to.include(
      'Reason: Ordered twice',
    )
    expect(byPart(tracker, 'cancel-button')).to.equal(null)
    expect(shadow(tracker).activeElement?.id).to.equal('order-title')
    await expect(tracker).to.be.accessible()
  })

  it('explains a 409 when the supplier confirmed the order in the meantime', async () => {
    const order = await placeOrder(session, [{ sku: 'FRT-JKT-SBY', quantity: 1 }])
    // Not live, so the page still believes the order is "placed".
    const tracker = await renderTracker(session, order.id, { live: false })
    await sendErpEvent({
      type: 'order.confirmed',
      data: { orderId: order.id, erpOrderNumber: 'SO-JKT-99121' },
    })
    byPart(tracker, 'cancel-button')!.click()
    const dialog = byPart(tracker, 'dialog') as HTMLDialogElement
    ;[...dialog.querySelectorAll('button')].find((b) => text(b) === 'Yes, cancel order')!.click()

    await waitUntil(() => byPart(tracker, 'banner'), 'no banner')
    expect(text(byPart(tracker, 'banner'))).to.equal(
      'Your supplier has already confirmed this order, so it can no longer be cancelled here. Please contact your account manager.',
    )
    await waitUntil(() => badge(tracker) === 'Confirmed', 'did not refresh')
    expect(dialog.open).to.equal(false)
    await expect(tracker).to.be.accessible()
  })

  it('shows where a rejected order stopped, and why', async () => {
    const order = await placeOrder(session, [{ sku: 'HDPE-BM-25', quantity: 10 }])
    await sendErpEvent({
      type: 'order.confirmed',
      data: { orderId: order.id, erpOrderNumber: 'SO-JKT-99122' },
    })
    await sendErpEvent({
      type: 'order.rejected',
      data: { orderId: order.id, reason: 'Grade discontinued' },
    })
    const tracker = await renderTracker(session, order.id)
    expect(badge(tracker)).to.equal('Rejected')
    expect(steps(tracker)).to.deep.equal(['Placed:done', 'Confirmed:done', 'Rejected:stopped*'])
    expect(text(shadow(tracker).querySelector('.step--stopped'))).to.include(
      'Reason: Grade discontinued',
    )
    await expect(tracker).to.be.accessible()
  })

  it('says when an order does not exist (or is another account’s)', async () => {
    const tracker = await renderTracker(session, 'ord_01nosuchorder000000000000')
    expect(tracker.controller.state).to.equal('not-found')
    expect(text(byPart(tracker, 'error'))).to.equal(
      'This order doesn’t exist, or it belongs to another account.',
    )
    await expect(tracker).to.be.accessible()

    const brandt = await mintEmbedSession({ email: 'einkauf@brandt-maschinenbau.de' })
    const other = await placeOrder(brandt, [{ sku: 'DZ-M12-50', quantity: 1 }])
    const foreign = await renderTracker(session, other.id)
    expect(foreign.controller.state).to.equal('not-found')
  })

  it('explains a missing permission and an expired session', async () => {
    const order = await placeOrder(session, [{ sku: 'FRT-JKT-SBY', quantity: 1 }])
    const narrowed = await mintEmbedSession({
      email: 'buyer@sinarjaya.co.id',
      permissions: ['profile:read'],
    })
    const forbidden = await renderTracker(narrowed, order.id)
    expect(text(byPart(forbidden, 'error'))).to.equal('You don’t have permission to view orders.')
    await expect(forbidden).to.be.accessible()

    const expired = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id', expired: true })
    const unauthorized = await renderTracker(expired, order.id)
    expect(text(byPart(unauthorized, 'error'))).to.equal(
      'Your session has expired — sign in again.',
    )
  })

  it('shows a skeleton while loading', async () => {
    const order = await placeOrder(session, [{ sku: 'FRT-JKT-SBY', quantity: 1 }])
    const tracker = await fixture<PorticoOrderTracker>(html`
      <portico-order-tracker
        order-id=${order.id}
        live-updates="off"
        .client=${{ GET: () => new Promise(() => {}) } as never}
      ></portico-order-tracker>
    `)
    expect(byPart(tracker, 'skeleton')).not.to.equal(null)
    expect(byPart(tracker, 'base')!.getAttribute('aria-busy')).to.equal('true')
    await expect(tracker).to.be.accessible()
  })

  it('speaks Indonesian with rupiah', async () => {
    const order = await placeOrder(session, [{ sku: 'FRT-JKT-SBY', quantity: 2 }])
    const tracker = await renderTracker(session, order.id, { locale: 'id' })
    expect(text(byPart(tracker, 'title'))).to.equal(`Pesanan ${order.number}`)
    expect(badge(tracker)).to.equal('Dipesan')
    expect(text(byPart(tracker, 'facts'))).to.match(/Total Rp\s2\.109\.000/)
  })
})
