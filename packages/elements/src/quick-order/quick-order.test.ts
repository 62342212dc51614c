import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import { sendKeys } from '@web/test-runner-commands'
import {
  clientFor,
  mintEmbedSession,
  placeOrder,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { CatalogProduct } from '../portal-client.js'
import { localToday } from './order-details.js'
import type { PorticoQuickOrder } from './quick-order.js'

/** `<portico-quick-order>` inside a provider configured like an intranet page would. */
async function renderQuickOrder(session: EmbedSession, locale = 'en'): Promise<PorticoQuickOrder> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${locale}
    >
      <portico-quick-order page-size="10"><h2 slot="header">Quick order</h2></portico-quick-order>
    </portico-provider>
  `)
  const element = provider.querySelector('portico-quick-order')!
  // Ready once both the catalog and the messages of its language have
  // arrived, whichever comes last: until then it shows its skeleton.
  await waitUntil(
    () => byPart(element, 'base')?.getAttribute('aria-busy') === 'false',
    'the catalog or its language never loaded',
    { timeout: 8_000 },
  )
  return element
}

const shadow = (element: PorticoQuickOrder) => element.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const row = (element: PorticoQuickOrder, sku: string) =>
  [...shadow(element).querySelectorAll('[part="product"]')].find((tr) =>
    text(tr.querySelector('.sku'))?.includes(sku),
  )
const quantityInput = (element: PorticoQuickOrder, sku: string) =>
  row(element, sku)?.querySelector<HTMLInputElement>('input')
const byPart = (element: PorticoQuickOrder, part: string) =>
  shadow(element).querySelector<HTMLElement>(`[part~="${part}"]`)

/**
 * Presses "Place order" and waits until the API has answered and the element
 * shows the outcome — the order placed, or the refusal with everything it
 * changed (refused lines are marked only once their terms are fetched again).
 */
async function pressPlaceOrder(element: PorticoQuickOrder) {
  byPart(element, 'place-button')!.click()
  await waitUntil(() => element.controller.step !== 'placing', 'the API never answered')
  await element.updateComplete
}

/** Types into a field the way a person does: focus, clear, keys. */
async function typeInto(input: HTMLInputElement, value: string) {
  input.focus()
  input.select()
  await sendKeys({ press: 'Backspace' })
  if (value) await sendKeys({ type: value })
}

/** The product the API lists for a SKU, with this session's contracted prices. */
async function productBySku(session: EmbedSession, sku: string): Promise<CatalogProduct> {
  const page = await unwrap(
    clientFor(session).GET('/v1/catalog', { params: { query: { q: sku, limit: 5 } } }),
  )
  return page.data.find((product) => product.sku === sku)!
}

describe('<portico-quick-order> against the API', () => {
  it('places a real order: search, quantities checked as typed, review, 201, event', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    const element = await renderQuickOrder(session)
    const bar = await productBySku(session, 'AL-6061-BR')
    const priceList = text(byPart(element, 'toolbar'))
    expect(priceList).to.include('Your prices from “Cascade Fabrication Inc. — contract 2026”')
    await expect(element).to.be.accessible()

    // Search, debounced: one request once typing pauses.
    const search = shadow(element).querySelector<HTMLInputElement>('#search')!
    await typeInto(search, 'al-6061')
    await waitUntil(
      () =>
        element.controller.catalog.query.q === 'al-6061' &&
        element.controller.catalog.state === 'ready',
      'the search never settled',
    )
    await element.updateComplete
    expect(element.controller.catalog.items.map((p) => p.sku)).to.deep.equal(['AL-6061-BR'])
    const priceCell = text(row(element, 'AL-6061-BR')!.querySelector('.price'))
    expect(priceCell).to.include('$58.75 / bar')
    expect(priceCell).to.include('from 100: $55.81')

    // Below the minimum, then not a multiple: each explained, linked to the field.
    const input = quantityInput(element, 'AL-6061-BR')!
    const rules = shadow(element).getElementById(`qty-${bar.id}-rules`)!
    expect(text(rules)).to.equal('Min. 10 bar, in steps of 10')
    await typeInto(input, '5')
    await element.updateComplete
    const error = () => shadow(element).getElementById(`qty-${bar.id}-error`)
    expect(text(error())).to.equal('Order at least 10 bar.')
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.have.members([
      rules.id,
      error()!.id,
    ])
    expect(byPart(element, 'review-button')!.getAttribute('aria-disabled')).to.equal('true')
    await expect(element).to.be.accessible()

    await typeInto(input, '15')
    await element.updateComplete
    expect(text(error())).to.equal('Order in steps of 10 bar.')

    // The + stepper goes to the next multiple; ArrowUp in the field steps too.
    row(element, 'AL-6061-BR')!.querySelectorAll<HTMLButtonElement>('[part="stepper"]')[1]!.click()
    await element.updateComplete
    expect(input.value).to.equal('20')
    input.focus()
    await sendKeys({ press: 'ArrowUp' })
    await element.updateComplete
    expect(input.value).to.equal('30')
    expect(error()).to.equal(null)
    expect(input.getAttribute('aria-invalid')).to.equal('false')

    // The summary: the line, the subtotal at the break that applies, tax at
    // the account's 8.25 % ($145.40625 → $145.41), the total against the credit.
    const cart = byPart(element, 'cart')!
    expect(text(cart)).to.include('Aluminum 6061 bar, 1 in × 12 ft 30 bar × $58.75')
    expect(text(byPart(element, 'totals'))).to.equal(
      'Subtotal $1,762.50 Tax (8.25%) $145.41 Total $1,907.91',
    )
    const credit = await unwrap(clientFor(session).GET('/v1/credit'))
    expect(credit.taxRate).to.equal(825)
    const money = (minor: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100)
    expect(text(byPart(element, 'credit'))).to.include(
      `Available credit ${money(credit.available)}`,
    )
    expect(text(byPart(element, 'credit'))).to.include(
      `Left after this order ${money(credit.available - 190_791)}`,
    )

    // Review: lines and totals, optional details, then Place order.
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    const review = byPart(element, 'review')!
    expect(shadow(element).activeElement?.id).to.equal('review-heading')
    expect(text(review.querySelector('tbody'))).to.include('30 bar $58.75 $1,762.50')
    expect([...review.querySelectorAll('tfoot tr')].map(text)).to.deep.equal([
      'Subtotal $1,762.50',
      'Tax (8.25%) $145.41',
      'Total $1,907.91',
    ])
    await expect(element).to.be.accessible()
    await typeInto(review.querySelector<HTMLInputElement>('#detail-poNumber')!, 'PO-TEST-4711')

    const placed = oneEvent(element, 'portico-order-placed')
    byPart(element, 'place-button')!.click()
    const { detail } = await placed
    expect(detail.order.number).to.match(/^ORD-\d{4}-\d{5}$/)
    // The API's figures are the ones the buyer saw.
    expect([detail.order.subtotal, detail.order.taxTotal, detail.order.total]).to.deep.equal([
      176_250, 14_541, 190_791,
    ])
    await element.updateComplete

    const success = byPart(element, 'success')!
    expect(text(success.querySelector('h3'))).to.equal(`Order ${detail.order.number} placed`)
    expect(shadow(element).activeElement?.id).to.equal('placed-heading')
    await expect(element).to.be.accessible()

    // The API has it, as it was reviewed.
    const order = await unwrap(
      clientFor(session).GET('/v1/orders/{id}', { params: { path: { id: detail.order.id } } }),
    )
    expect(order.status).to.equal('placed')
    expect(order.poNumber).to.equal('PO-TEST-4711')
    expect(order.lines.map((line) => [line.sku, line.quantity, line.unitPrice])).to.deep.equal([
      ['AL-6061-BR', 30, 5875],
    ])

    // "View order" hands the order to the page.
    const selected = oneEvent(element, 'portico-order-select')
    ;[...success.querySelectorAll('button')].find((b) => text(b) === 'View order')!.click()
    expect((await selected).detail.order.id).to.equal(detail.order.id)
  })

  it('blocks an order whose total with tax is over the available credit, before it is sent', async () => {
    // Atelier Durand has €1,500 of credit left; linen is €640 a roll, VAT 20 %.
    const session = await mintEmbedSession({ email: 'achats@atelier-durand.fr' })
    const element = await renderQuickOrder(session, 'en')
    await waitUntil(() => element.controller.credit.state === 'ready', 'no credit position')
    const linen = quantityInput(element, 'TIS-LIN-50')!

    // €1,280 fits before tax, but €1,536 with it does not: said at once, not by the API.
    await typeInto(linen, '2')
    await element.updateComplete
    expect(text(byPart(element, 'totals'))).to.equal(
      'Subtotal €1,280.00 Tax (20%) €256.00 Total €1,536.00',
    )
    const credit = text(byPart(element, 'credit'))
    expect(credit).to.include('This order is over your available credit by €36.00.')
    const review = byPart(element, 'review-button')!
    expect(review.getAttribute('aria-disabled')).to.equal('true')
    const reason = shadow(element).getElementById(review.getAttribute('aria-describedby')!)
    expect(text(reason)).to.equal('Remove lines, or pay open invoices to free up credit.')
    expect(byPart(element, 'credit-meter')!.classList.contains('meter--over')).to.equal(true)
    review.click()
    await element.updateComplete
    expect(element.controller.step).to.equal('edit')
    await expect(element).to.be.accessible()
  })

  it('still maps the API’s credit_limit_exceeded when credit was used meanwhile', async () => {
    const session = await mintEmbedSession({ email: 'achats@atelier-durand.fr' })
    const element = await renderQuickOrder(session, 'en')
    await waitUntil(() => element.controller.credit.state === 'ready', 'no credit position')
    const before = element.controller.credit.credit!.available
    await typeInto(quantityInput(element, 'TIS-LIN-50')!, '1')
    await element.updateComplete
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    expect(element.controller.step).to.equal('review')

    // A colleague's order takes most of the credit while this one is reviewed.
    const colleague = await placeOrder(session, [{ sku: 'TIS-LIN-50', quantity: 1 }])
    await pressPlaceOrder(element)
    expect(element.controller.placeError?.problem?.code).to.equal('credit_limit_exceeded')
    const banner = byPart(element, 'banner')!
    expect(banner.getAttribute('role')).to.equal('alert')
    const left = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(
      (before - colleague.total) / 100,
    )
    expect(text(banner)).to.include(`Your available credit has changed: it is now ${left}`)
    expect(element.controller.step).to.equal('review')
    // The credit position is read again, and now blocks the order here too.
    await waitUntil(() => element.controller.block === 'over_credit', 'credit was not refreshed')
    await element.updateComplete
    const place = byPart(element, 'place-button')!
    expect(place.getAttribute('aria-disabled')).to.equal('true')
    expect(text(shadow(element).getElementById(place.getAttribute('aria-describedby')!))).to.equal(
      'Remove lines, or pay open invoices to free up credit.',
    )
    await expect(element).to.be.accessible()
  })

  it('rounds tax on rupiah as the API does: 11 % of Rp 888,250 is Rp 97,708', async () => {
    const session = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
    const element = await renderQuickOrder(session, 'id')
    await waitUntil(() => element.controller.credit.state === 'ready', 'no credit position')
    // 11 pallets at the break from 10 (Rp 80,750): tax Rp 97,707.5, rounded up.
    await typeInto(quantityInput(element, 'PLT-EURO')!, '11')
    await element.updateComplete
    const nbsp = /[\u00a0\u202f]/g
    expect(text(byPart(element, 'totals'))!.replace(nbsp, ' ')).to.equal(
      'Subtotal Rp 888.250 Pajak (11%) Rp 97.708 Total Rp 985.958',
    )
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    const placed = oneEvent(element, 'portico-order-placed')
    await pressPlaceOrder(element)
    const { order } = (await placed).detail
    expect([order.subtotal, order.taxTotal, order.total]).to.deep.equal([888_250, 97_708, 985_958])
  })

  it('shows a tax of 0 % as such, and the subtotal alone while the rate is unknown', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    // The same buyer, as an account without tax would read its credit position.
    const untaxed = await fixture<PorticoQuickOrder>(html`
      <portico-quick-order
        .client=${clientFor(session, async (request) => {
          const response = await fetch(request)
          if (new URL(request.url).pathname !== '/v1/credit') return response
          return Response.json({ ...(await response.json()), taxRate: 0 })
        })}
      ></portico-quick-order>
    `)
    await waitUntil(() => untaxed.controller.credit.state === 'ready', 'no credit position')
    untaxed.controller.setQuantity(await productBySku(session, 'WLD-ER70'), '3')
    await untaxed.updateComplete
    expect(text(byPart(untaxed, 'totals'))).to.equal(
      'Subtotal $289.20 Tax (0%) $0.00 Total $289.20',
    )

    // Without credit:read there is no rate: the subtotal, and who adds the tax.
    const blind = await mintEmbedSession({
      email: 'buyer@cascadefab.com',
      permissions: ['profile:read', 'catalog:read', 'orders:write'],
    })
    const element = await renderQuickOrder(blind)
    await waitUntil(() => element.controller.permissions, 'permissions never loaded')
    await typeInto(quantityInput(element, 'WLD-ER70')!, '3')
    await element.updateComplete
    expect(text(byPart(element, 'totals'))).to.equal('Subtotal $289.20')
    expect(text(byPart(element, 'cart'))).to.include('Tax is added when the order is placed.')
    expect(byPart(element, 'credit')).to.equal(null)
    await expect(element).to.be.accessible()
  })

  it('asks for PO number, delivery date and address, and a note — checked as typed, and announced', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    const element = await renderQuickOrder(session)
    await typeInto(quantityInput(element, 'WLD-ER70')!, '1')
    await element.updateComplete
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    const review = byPart(element, 'review')!
    const field = (name: string) =>
      shadow(element).getElementById(`detail-${name}`) as HTMLInputElement
    const errorOf = (input: HTMLElement) =>
      text(shadow(element).getElementById(input.getAttribute('aria-describedby') ?? '')) ?? null
    const announced = () => text(shadow(element).querySelector('[role="status"]'))
    const setDate = async (value: string) => {
      field('requestedDate').value = value
      field('requestedDate').dispatchEvent(new Event('input'))
      await element.updateComplete
    }
    const inDays = (days: number) => {
      const date = new Date()
      date.setDate(date.getDate() + days)
      return localToday(date)
    }

    // Too long a PO number: said under the field, linked to it, and announced.
    await typeInto(field('poNumber'), 'P'.repeat(51))
    await element.updateComplete
    expect(field('poNumber').getAttribute('aria-invalid')).to.equal('true')
    expect(errorOf(field('poNumber'))).to.equal('Use at most 50 characters (now 51).')
    expect(announced()).to.equal('Your PO number: Use at most 50 characters (now 51).')
    await typeInto(field('poNumber'), 'PO-4711')
    await element.updateComplete
    expect(field('poNumber').getAttribute('aria-invalid')).to.equal('false')
    expect(field('poNumber').hasAttribute('aria-describedby')).to.equal(false)

    // A delivery date from today on.
    expect(field('requestedDate').min).to.equal(localToday())
    await setDate(inDays(-1))
    expect(errorOf(field('requestedDate'))).to.equal('Choose today or a later date.')
    await setDate(inDays(14))
    expect(field('requestedDate').getAttribute('aria-invalid')).to.equal('false')

    // Another address: the fields appear, the country is the reader's.
    const other = [...review.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (radio) => radio.value === 'other',
    )!
    other.click()
    await element.updateComplete
    expect(text(review.querySelector('[part="address"] legend'))).to.equal('Delivery address')
    expect((field('address-country') as unknown as HTMLSelectElement).value).to.equal('US')
    expect(field('address-city').getAttribute('aria-required')).to.equal('true')
    expect(field('address-line2').hasAttribute('aria-required')).to.equal(false)
    await typeInto(field('address-name'), 'Cascade Fabrication — Plant 2')
    await typeInto(field('address-city'), 'x')
    await typeInto(field('address-city'), '')
    await element.updateComplete
    expect(errorOf(field('address-city'))).to.equal('Fill in this field.')
    expect(announced()).to.equal('City: Fill in this field.')
    // Not typed into yet: no error before "Place order".
    expect(field('address-line1').getAttribute('aria-invalid')).to.equal('false')
    await expect(element).to.be.accessible()

    // "Place order" sends nothing: it shows every issue and goes to the first.
    byPart(element, 'place-button')!.click()
    await element.updateComplete
    await element.updateComplete
    expect(element.controller.step).to.equal('review')
    expect(element.controller.placeError).to.equal(null)
    expect(shadow(element).activeElement?.id).to.equal('detail-address-line1')
    expect(
      ['address-line1', 'address-postalCode', 'address-city'].map((name) => errorOf(field(name))),
    ).to.deep.equal(['Fill in this field.', 'Fill in this field.', 'Fill in this field.'])
    const place = byPart(element, 'place-button')!
    expect(errorOf(place)).to.equal('Correct the fields marked in red first.')
    await expect(element).to.be.accessible()

    await typeInto(field('address-line1'), '4410 Industrial Way')
    await typeInto(field('address-postalCode'), '97203')
    await typeInto(field('address-city'), 'Portland')
    await typeInto(field('note'), 'Dock 3, mornings only.')
    await element.updateComplete
    expect(review.querySelectorAll('[aria-invalid="true"]')).to.have.length(0)
    expect(place.hasAttribute('aria-describedby')).to.equal(false)

    const placed = oneEvent(element, 'portico-order-placed')
    await pressPlaceOrder(element)
    const { order } = (await placed).detail
    expect(text(byPart(element, 'success'))).to.include(
      `Requested delivery date ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${inDays(14)}T00:00:00Z`))}`,
    )
    const stored = await unwrap(
      clientFor(session).GET('/v1/orders/{id}', { params: { path: { id: order.id } } }),
    )
    expect({
      poNumber: stored.poNumber,
      requestedDate: stored.requestedDate,
      note: stored.note,
      deliveryAddress: stored.deliveryAddress,
    }).to.deep.equal({
      poNumber: 'PO-4711',
      requestedDate: inDays(14),
      note: 'Dock 3, mornings only.',
      deliveryAddress: {
        name: 'Cascade Fabrication — Plant 2',
        line1: '4410 Industrial Way',
        postalCode: '97203',
        city: 'Portland',
        country: 'US',
      },
    })
  })

  it('marks a detail the API refuses on its field, and takes the reader there', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    const element = await renderQuickOrder(session)
    element.controller.setQuantity(await productBySku(session, 'WLD-ER70'), '1')
    expect(element.controller.review()).to.equal(true)
    // What a stale page or another UI on the controller might send.
    element.controller.setDetails({
      deliverTo: 'other',
      address: {
        name: 'Cascade Fabrication',
        line1: '4410 Industrial Way',
        postalCode: '97203',
        city: 'Portland',
        country: 'USA',
      },
    })
    await element.updateComplete
    await pressPlaceOrder(element)
    await element.updateComplete
    expect(element.controller.placeError?.status).to.equal(400)
    expect(text(byPart(element, 'banner'))).to.include(
      'Some details were not accepted. Correct the fields marked in red.',
    )
    const country = shadow(element).getElementById('detail-address-country') as HTMLSelectElement
    expect(country.getAttribute('aria-invalid')).to.equal('true')
    expect(
      text(shadow(element).getElementById(country.getAttribute('aria-describedby')!)),
    ).to.equal('This was not accepted. Check it, then try again.')
    expect(shadow(element).activeElement).to.equal(country)
    await expect(element).to.be.accessible()

    country.value = 'US'
    country.dispatchEvent(new Event('change'))
    await element.updateComplete
    expect(country.getAttribute('aria-invalid')).to.equal('false')
    expect(element.controller.detailIssues).to.deep.equal({})
  })

  it('blocks ordering on credit hold, with the reason and whom to call', async () => {
    const session = await mintEmbedSession({ email: 'acquisti@officinerossi.it' })
    const element = await renderQuickOrder(session, 'en')
    await waitUntil(() => element.controller.credit.state === 'ready', 'no credit position')
    await element.updateComplete

    const banner = byPart(element, 'banner')!
    expect([...banner.querySelectorAll('strong, p')].map(text)).to.deep.equal([
      'Ordering is on hold for your account.',
      'Reason: Pagamenti scaduti — overdue balance',
      'Please contact your account manager.',
    ])
    expect(quantityInput(element, 'GRN-OR-200')).to.equal(null)
    expect(text(row(element, 'GRN-OR-200'))).to.include('€36.90 / conf')
    expect(byPart(element, 'cart')).to.equal(null)
    await expect(element).to.be.accessible()
  })

  it('shows a viewer the prices and that their role cannot order', async () => {
    const session = await mintEmbedSession({ email: 'viewer@cascadefab.com' })
    const element = await renderQuickOrder(session)
    await waitUntil(() => element.controller.permissions, 'permissions never loaded')
    await element.updateComplete

    expect([...byPart(element, 'banner')!.children].map(text)).to.deep.equal([
      'Your role can’t place orders.',
      'You can look up products and your prices. To order, ask a buyer or an administrator in your company.',
    ])
    expect(text(row(element, 'SS-304-SH'))).to.include('$214.00 / sheet')
    expect(quantityInput(element, 'SS-304-SH')).to.equal(null)
    expect(byPart(element, 'cart')).to.equal(null)
    await expect(element).to.be.accessible()
  })

  it('turns a 403 from POST /v1/orders into the same explanation when the role was not known', async () => {
    // No profile:read (so no /v1/me) and no orders:write: only the API can say no.
    const session = await mintEmbedSession({
      email: 'buyer@cascadefab.com',
      permissions: ['catalog:read', 'credit:read'],
    })
    const element = await renderQuickOrder(session)
    await waitUntil(() => element.controller.credit.state === 'ready', 'no credit position')
    expect(element.controller.canOrder).to.equal(true)

    await typeInto(quantityInput(element, 'WLD-ER70')!, '2')
    await element.updateComplete
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    await pressPlaceOrder(element)
    expect(element.controller.placeError?.status).to.equal(403)
    expect(text(byPart(element, 'banner'))).to.include('Your role can’t place orders.')
    expect(byPart(element, 'place-button')!.getAttribute('aria-disabled')).to.equal('true')
  })

  it('maps a line the API refuses back to that line, with the terms in force', async () => {
    // The page still shows yesterday's terms: bars by the piece. The API knows better.
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    const element = await renderQuickOrder(session)
    const bar = await productBySku(session, 'AL-6061-BR')
    const wire = await productBySku(session, 'WLD-ER70')
    element.controller.setQuantity(wire, '1')
    element.controller.setQuantity({ ...bar, minOrderQuantity: 1, orderMultiple: 1 }, '3')
    await element.updateComplete
    expect(element.controller.review()).to.equal(true)
    await element.updateComplete

    await pressPlaceOrder(element)
    expect(element.controller.placeError?.problem?.code).to.equal('order_lines_invalid')
    expect(text(byPart(element, 'banner'))).to.include('Some lines can’t be ordered as they are.')
    const lines = [...byPart(element, 'review')!.querySelectorAll('tbody tr')]
    expect(lines.map((tr) => text(tr.querySelector('[part="field-error"]')) ?? null)).to.deep.equal(
      [null, 'Order at least 10 bar.'],
    )
    await expect(element).to.be.accessible()

    // Back to the products, the line carries the error until it is changed.
    ;[...byPart(element, 'review')!.querySelectorAll('button')]
      .find((b) => text(b) === 'Back to products')!
      .click()
    await element.updateComplete
    const input = quantityInput(element, 'AL-6061-BR')!
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    await typeInto(input, '10')
    await element.updateComplete
    expect(input.getAttribute('aria-invalid')).to.equal('false')
  })

  it('shows a refusal only once the refused lines are marked: no Place button in between', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    let hold = false
    let holding = false
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const element = await fixture<PorticoQuickOrder>(html`
      <portico-quick-order
        .client=${clientFor(session, async (request) => {
          // After the refusal, the refused product's terms are fetched again: hold that.
          if (hold && new URL(request.url).pathname === '/v1/catalog') {
            holding = true
            await held
          }
          return fetch(request)
        })}
      ></portico-quick-order>
    `)
    await waitUntil(() => byPart(element, 'base')?.getAttribute('aria-busy') === 'false')
    const bar = await productBySku(session, 'AL-6061-BR')
    element.controller.setQuantity({ ...bar, minOrderQuantity: 1, orderMultiple: 1 }, '3')
    expect(element.controller.review()).to.equal(true)
    await element.updateComplete

    hold = true
    const placing = element.controller.place()
    await waitUntil(() => holding, 'the refused line was never fetched again')
    await element.updateComplete
    expect(element.controller.step).to.equal('placing')
    expect(element.controller.placeError).to.equal(null)
    expect(byPart(element, 'place-button')!.getAttribute('aria-disabled')).to.equal('true')

    release()
    expect(await placing).to.equal(null)
    await element.updateComplete
    expect(element.controller.step).to.equal('review')
    expect(element.controller.lines[0]!.rejection).to.equal('below_minimum_quantity')
    expect(text(byPart(element, 'field-error'))).to.equal('Order at least 10 bar.')
  })

  it('shows the loading skeleton, then an error with Retry when the API cannot be reached', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    let fail = true
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const element = await fixture<PorticoQuickOrder>(html`
      <portico-quick-order
        .client=${clientFor(session, async (request) => {
          await gate
          return fail ? Promise.reject(new TypeError('Failed to fetch')) : fetch(request)
        })}
      ></portico-quick-order>
    `)
    expect(byPart(element, 'skeleton')).not.to.equal(null)
    expect(byPart(element, 'base')!.getAttribute('aria-busy')).to.equal('true')
    await expect(element).to.be.accessible()

    release()
    await waitUntil(() => element.controller.catalog.state === 'error', 'no error state')
    await element.updateComplete
    expect(text(byPart(element, 'error'))).to.include('We couldn’t load the products.')
    await expect(element).to.be.accessible()
    fail = false
    byPart(element, 'retry')!.click()
    await waitUntil(() => element.controller.catalog.state === 'ready', 'retry did not load')
  })

  it('says when nothing matches a search, and when the session has expired', async () => {
    const session = await mintEmbedSession({ email: 'buyer@cascadefab.com' })
    const element = await renderQuickOrder(session)
    await element.controller.catalog.search('no such thing')
    await element.updateComplete
    expect(text(byPart(element, 'empty'))).to.equal('No products match “no such thing”.')
    await expect(element).to.be.accessible()

    const expired = await mintEmbedSession({ email: 'buyer@cascadefab.com', expired: true })
    const locked = await renderQuickOrder(expired)
    expect(text(byPart(locked, 'error'))).to.equal('Your session has expired — sign in again.')
    await expect(locked).to.be.accessible()
  })

  it('speaks German with German money', async () => {
    const session = await mintEmbedSession({ email: 'einkauf@brandt-maschinenbau.de' })
    const element = await renderQuickOrder(session, 'de')
    expect(text(row(element, 'LG-6205-2RS')!.querySelector('.price'))).to.include('8,90 € / Stk')
    await typeInto(quantityInput(element, 'LG-6205-2RS')!, '15')
    await element.updateComplete
    expect(text(byPart(element, 'field-error'))).to.equal('In Schritten von 10 Stk bestellen.')
    expect(text(byPart(element, 'review-button'))).to.equal('Bestellung prüfen')
    await typeInto(quantityInput(element, 'LG-6205-2RS')!, '20')
    await element.updateComplete
    const nbsp = /[\u00a0\u202f]/g
    expect(text(byPart(element, 'totals'))!.replace(nbsp, ' ')).to.equal(
      'Zwischensumme 178,00 € Umsatzsteuer (19 %) 33,82 € Gesamtbetrag 211,82 €',
    )
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    const review = byPart(element, 'review')!
    expect(text(review.querySelector('legend'))).to.equal('Lieferadresse')
    review.querySelector<HTMLInputElement>('input[value="other"]')!.click()
    await element.updateComplete
    const country = shadow(element).getElementById('detail-address-country') as HTMLSelectElement
    expect(country.selectedOptions[0]!.textContent).to.equal('Deutschland')
    byPart(element, 'place-button')!.click()
    await element.updateComplete
    await element.updateComplete
    expect(text(shadow(element).getElementById('detail-address-name-error'))).to.equal(
      'Bitte ausfüllen.',
    )
    await expect(element).to.be.accessible()
  })
})
