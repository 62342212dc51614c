import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import {
  clientFor,
  invoiceNumbers,
  mintEmbedSession,
  type EmbedSession,
} from '../../test/portico-api.js'
import { languages } from '../i18n/languages.js'
import { invoiceListCatalogue } from './invoice-list.messages.js'
import '../index.js'
import type { InvoiceListState } from './invoice-list.controller.js'
import type { PorticoInvoiceList } from './invoice-list.js'

const settledStates: InvoiceListState[] = ['ready', 'empty', 'error', 'unauthorized', 'forbidden']

/** Waits until the list has an answer from the API and has rendered it. */
async function settled(list: PorticoInvoiceList): Promise<void> {
  await waitUntil(
    () => settledStates.includes(list.controller.state) && !list.controller.loadingMore,
    `the list stayed "${list.controller.state}"`,
    { timeout: 8_000 },
  )
  await list.updateComplete
}

/** `<portico-invoice-list>` inside a provider configured like an intranet page would. */
async function renderInProvider(
  session: EmbedSession,
  list = html`<portico-invoice-list page-size="5"></portico-invoice-list>`,
  locale = 'en',
): Promise<PorticoInvoiceList> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${locale}
    >
      ${list}
    </portico-provider>
  `)
  const element = provider.querySelector('portico-invoice-list')!
  await settled(element)
  return element
}

const shadow = (list: PorticoInvoiceList) => list.shadowRoot!
const rows = (list: PorticoInvoiceList) => [...shadow(list).querySelectorAll('tbody tr')]
const numbers = (list: PorticoInvoiceList) =>
  rows(list).map((row) => row.querySelector('button')!.textContent!.trim())
const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim()
const liveRegion = (list: PorticoInvoiceList) => text(shadow(list).querySelector('[role="status"]'))
const radio = (list: PorticoInvoiceList, status: string) =>
  shadow(list).querySelector<HTMLInputElement>(`input[type="radio"][value="${status}"]`)!

describe('<portico-invoice-list> against the API', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession()
  })

  it('renders the first page of the account’s invoices as a table', async () => {
    const list = await renderInProvider(session)
    const expected = await invoiceNumbers(session, { limit: 5 })

    expect(list.controller.state).to.equal('ready')
    expect(numbers(list)).to.deep.equal(expected)
    const table = shadow(list).querySelector('table[part="table"]')!
    expect(text(table.querySelector('caption'))).to.equal('Invoices')
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).to.deep.equal([
      'Number',
      'Issue date',
      'Due date',
      'Status',
      'Total',
      'Amount due',
    ])
  })

  it('shows no English while its German messages load, only the skeleton', async () => {
    const german = await mintEmbedSession({ email: 'ap@brandt-maschinenbau.de' })
    const list = document.createElement('portico-invoice-list')
    const rendered: { text: string; skeleton: boolean }[] = []
    list.addController({
      hostUpdated: () =>
        rendered.push({
          text: text(shadow(list).querySelector('[part="base"]')) ?? '',
          skeleton: Boolean(shadow(list).querySelector('[part="skeleton"]')),
        }),
    })
    Object.assign(list, { locale: 'de', pageSize: 3, client: clientFor(german) })
    const container = await fixture(html`<div></div>`)
    container.append(list)
    await settled(list)
    await waitUntil(() => shadow(list).querySelector('thead'), 'no table in German')

    expect(text(shadow(list).querySelector('caption'))).to.equal('Rechnungen')
    const [english, deutsch] = await Promise.all([
      invoiceListCatalogue.en,
      invoiceListCatalogue.load('de'),
    ])
    const englishOnly = Object.entries(english)
      .filter(([key, value]) => typeof value === 'string' && value !== deutsch[key as 'invoices'])
      .map(([, value]) => value as string)
    // Whole words: English "All" is no flash in German "Alle".
    const words = (phrase: string) => ` ${phrase.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `
    for (const { text: shown } of rendered) {
      expect(
        englishOnly.filter((phrase) => words(shown).includes(words(phrase))),
        shown,
      ).to.deep.equal([])
    }
    expect(rendered[0], 'the first render').to.deep.equal({ text: '', skeleton: true })
  })

  it('formats money and dates through Intl for the locale', async () => {
    const list = await renderInProvider(session)
    const [invoice] = list.controller.items
    const cells = rows(list)[0]!.querySelectorAll('td')
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: invoice!.currency })
    const [year, month, day] = invoice!.issueDate.split('-').map(Number)
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })

    expect(text(cells[0])).to.equal(date.format(Date.UTC(year!, month! - 1, day)))
    expect(text(cells[3])).to.equal(money.format(invoice!.total / 100))
    expect(text(cells[4])).to.equal(money.format(invoice!.amountDue / 100))
  })

  it('asks the API for the chosen status and shows only those invoices', async () => {
    const list = await renderInProvider(session)
    const changed = oneEvent(list, 'portico-invoice-filter-change')

    radio(list, 'overdue').click()
    expect((await changed).detail).to.deep.equal({ status: 'overdue' })
    await settled(list)

    expect(list.status).to.equal('overdue')
    expect(list.getAttribute('status')).to.equal('overdue')
    expect(numbers(list)).to.deep.equal(
      await invoiceNumbers(session, { limit: 5, status: 'overdue' }),
    )
    const badges = [...shadow(list).querySelectorAll('[part~="status-badge"]')].map(text)
    expect(badges).to.have.length(5)
    expect(new Set(badges)).to.deep.equal(new Set(['Overdue']))
    await waitUntil(() => liveRegion(list)?.startsWith('5 invoices'), 'no announcement')
  })

  it('aborts the request a newer filter makes obsolete', async () => {
    const requests: Request[] = []
    const list = await fixture<PorticoInvoiceList>(html`
      <portico-invoice-list
        page-size="5"
        .client=${clientFor(session, (request) => {
          requests.push(request)
          return fetch(request)
        })}
      ></portico-invoice-list>
    `)
    await settled(list)

    list.status = 'paid'
    await list.updateComplete
    list.status = 'void'
    await settled(list)

    const paid = requests.find(
      (request) => new URL(request.url).searchParams.get('status') === 'paid',
    )
    expect(paid?.signal.aborted, 'the "paid" request was aborted').to.equal(true)
    expect(list.controller.items.every((invoice) => invoice.status === 'void')).to.equal(true)
    expect(numbers(list)).to.deep.equal(await invoiceNumbers(session, { limit: 5, status: 'void' }))
  })

  it('appends the next page on “Load more” and announces the new rows', async () => {
    const list = await renderInProvider(session)
    const button = shadow(list).querySelector<HTMLButtonElement>('[part="load-more"]')!
    expect(text(button)).to.equal('Load more')

    button.click()
    await waitUntil(() => rows(list).length === 10, 'no rows were appended')
    await settled(list)

    expect(numbers(list)).to.deep.equal(await invoiceNumbers(session, { limit: 10 }))
    await waitUntil(() => liveRegion(list)?.startsWith('5 more invoices loaded'), 'no announcement')
    expect(text(shadow(list).querySelector('[part="footer"]'))).to.include('10 invoices')
  })

  it('shows the empty state, which the “empty” slot can replace', async () => {
    const list = await renderInProvider(
      session,
      html`<portico-invoice-list issued-from="2999-01-01"></portico-invoice-list>`,
    )
    expect(list.controller.state).to.equal('empty')
    expect(text(shadow(list).querySelector('[part="empty"]'))).to.equal(
      'No invoices match this filter.',
    )
    await expect(list).to.be.accessible()

    const custom = await renderInProvider(
      session,
      html`<portico-invoice-list issued-from="2999-01-01">
        <p slot="empty">Nothing billed yet — your first invoice arrives after delivery.</p>
      </portico-invoice-list>`,
    )
    const slot = shadow(custom).querySelector<HTMLSlotElement>('slot[name="empty"]')!
    expect(slot.assignedElements().map(text)).to.deep.equal([
      'Nothing billed yet — your first invoice arrives after delivery.',
    ])
  })

  it('shows an error with a Retry button when the API cannot be reached', async () => {
    let failures = 1
    const list = await fixture<PorticoInvoiceList>(html`
      <portico-invoice-list
        page-size="5"
        .client=${clientFor(session, (request) =>
          failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(request),
        )}
      ></portico-invoice-list>
    `)
    await settled(list)

    expect(list.controller.state).to.equal('error')
    const error = shadow(list).querySelector('[part="error"]')!
    expect(error.getAttribute('role')).to.equal('alert')
    expect(text(error)).to.include('We couldn’t load your invoices.')
    await expect(list).to.be.accessible()

    shadow(list).querySelector<HTMLButtonElement>('[part="retry"]')!.click()
    await settled(list)
    expect(list.controller.state).to.equal('ready')
    expect(numbers(list)).to.deep.equal(await invoiceNumbers(session, { limit: 5 }))
  })

  it('says when the browser is offline, and loads by itself once it is back', async () => {
    let online = false
    // Stand-in for the browser's network state: an own property shadows Navigator's getter.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online })
    try {
      const list = await fixture<PorticoInvoiceList>(html`
        <portico-invoice-list
          page-size="5"
          .client=${clientFor(session, (request) =>
            online ? fetch(request) : Promise.reject(new TypeError('Failed to fetch')),
          )}
        ></portico-invoice-list>
      `)
      await settled(list)
      expect(text(shadow(list).querySelector('[part="error"] .message-title'))).to.equal(
        'You’re offline. Your invoices will load when the connection is back.',
      )

      online = true
      window.dispatchEvent(new Event('online'))
      await waitUntil(() => list.controller.state === 'ready', 'did not reload when back online')
      expect(rows(list)).to.have.length(5)
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
    }
  })

  it('shows the error state for a base URL where no API listens', async () => {
    const dead = { ...session, baseUrl: 'http://127.0.0.1:9' }
    const list = await renderInProvider(dead)
    expect(list.controller.state).to.equal('error')
    expect(list.controller.error?.status).to.equal(0)
  })

  it('explains an expired session (401)', async () => {
    const expired = await mintEmbedSession({ expired: true })
    const list = await renderInProvider(expired)
    expect(list.controller.state).to.equal('unauthorized')
    expect(text(shadow(list).querySelector('[part="error"]'))).to.equal(
      'Your session has expired — sign in again.',
    )
    await expect(list).to.be.accessible()
  })

  it('explains a missing permission (403)', async () => {
    const narrowed = await mintEmbedSession({ permissions: ['profile:read'] })
    const list = await renderInProvider(narrowed)
    expect(list.controller.state).to.equal('forbidden')
    expect(text(shadow(list).querySelector('[part="error"]'))).to.equal(
      'You don’t have permission to view invoices.',
    )
  })

  it('fires portico-invoice-select with the invoice when a row is clicked', async () => {
    const list = await renderInProvider(session)
    const selected = oneEvent(document, 'portico-invoice-select')
    rows(list)[1]!.querySelector('td')!.click()
    const event = await selected

    expect(event.bubbles && event.composed).to.equal(true)
    expect(event.detail.invoice).to.deep.equal(list.controller.items[1])
  })

  it('is operable from the keyboard: arrows move between rows, Enter selects', async () => {
    const list = await renderInProvider(session)
    const first = rows(list)[0]!.querySelector('button')!
    first.focus()
    await sendKeys({ press: 'ArrowDown' })
    await sendKeys({ press: 'ArrowDown' })
    expect(text(shadow(list).activeElement)).to.equal(numbers(list)[2])

    const selected = oneEvent(list, 'portico-invoice-select')
    await sendKeys({ press: 'Enter' })
    expect((await selected).detail.invoice.number).to.equal(numbers(list)[2])
  })

  it('moves through the status filter with arrow keys', async () => {
    const list = await renderInProvider(session)
    radio(list, 'all').focus()
    await sendKeys({ press: 'ArrowRight' })
    await settled(list)
    expect(list.status).to.equal('open')
    expect(list.controller.items.every((invoice) => invoice.status === 'open')).to.equal(true)
  })

  it('passes axe with rows loaded', async () => {
    const list = await renderInProvider(session)
    await expect(list).to.be.accessible()
  })

  it('renders every locale’s strings and formats', async () => {
    const german = await mintEmbedSession({ email: 'ap@brandt-maschinenbau.de' })
    const list = await renderInProvider(german)
    for (const language of languages) {
      list.locale = language
      await elementUpdated(list) // the skeleton, until the language has arrived
      await waitUntil(() => shadow(list).querySelector('thead'), `no table in ${language}`)
      const messages = await invoiceListCatalogue.load(language)
      const headers = [...shadow(list).querySelectorAll('thead th')].map(text)
      expect(headers[0], language).to.equal(messages.columnNumber)
      expect(headers[5], language).to.equal(messages.columnAmountDue)
      expect(text(shadow(list).querySelector('caption')), language).to.equal(messages.invoices)
      const filter = shadow(list).querySelector('[part="filter"]')!
      expect(filter.getAttribute('aria-label'), language).to.equal(messages.statusFilter)
      expect(text(filter), language).to.equal(
        [
          messages.statusAll,
          messages.statusOpen,
          messages.statusPartiallyPaid,
          messages.statusOverdue,
          messages.statusPaid,
          messages.statusVoid,
        ].join(' '),
      )
      expect(text(shadow(list).querySelector('[part="load-more"]')), language).to.equal(
        messages.loadMore,
      )
      const invoice = list.controller.items[0]!
      const money = new Intl.NumberFormat(language, {
        style: 'currency',
        currency: invoice.currency,
      })
      expect(text(rows(list)[0]!.querySelectorAll('td')[3]), language).to.equal(
        money.format(invoice.total / 100),
      )
      expect(shadow(list).querySelector('[part="base"]')!.getAttribute('lang')).to.equal(language)
    }
  })
})
