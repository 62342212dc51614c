import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap, type PortalClient } from '@portico/sdk'
import { sendKeys } from '@web/test-runner-commands'
import {
  clientFor,
  followLink,
  mintEmbedSession,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { CursorListState } from '../list/cursor-list.controller.js'
import type { Contract } from '../portal-client.js'
import type { PorticoContractList } from './contract-list.js'
import { daysUntil, renewalUrgency } from './renewal.js'

const settled: CursorListState[] = ['ready', 'empty', 'error', 'unauthorized', 'forbidden']

async function renderList(
  session: EmbedSession,
  options: { locale?: string; status?: string; today?: Date } = {},
): Promise<PorticoContractList> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${options.locale ?? 'en'}
    >
      <portico-contract-list status=${options.status ?? 'all'} .today=${options.today}>
        <h2 slot="header">Contracts</h2>
      </portico-contract-list>
    </portico-provider>
  `)
  const list = provider.querySelector('portico-contract-list')!
  await settle(list)
  return list
}

async function settle(list: PorticoContractList) {
  await waitUntil(() => settled.includes(list.controller.state), 'never settled', {
    timeout: 8_000,
  })
  await list.updateComplete
}

const shadow = (list: PorticoContractList) => list.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const byPart = (list: PorticoContractList, part: string) =>
  shadow(list).querySelector<HTMLElement>(`[part~="${part}"]`)
const row = (list: PorticoContractList, index: number) =>
  shadow(list).querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`)!
/** A row once it is shown: German messages arrive after the data, the skeleton until then. */
const shownRow = (list: PorticoContractList, index: number) =>
  shadow(list).querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`)

describe('<portico-contract-list> against the API', () => {
  let session: EmbedSession
  let contracts: Contract[]

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'ap@cascadefab.com' })
    contracts = (
      await unwrap(clientFor(session).GET('/v1/contracts', { params: { query: { limit: 100 } } }))
    ).data as Contract[]
  })

  it('lists the contracts, soonest renewal first, with term, status, renewal and cost', async () => {
    const list = await renderList(session)
    expect(list.controller.state).to.equal('ready')
    expect([...shadow(list).querySelectorAll('[part="contract-number"]')].map(text)).to.deep.equal(
      contracts.map((contract) => contract.number),
    )
    const first = contracts[0]!
    const days = daysUntil(first.renewalDate, new Date())
    const cells = row(list, 0)
    expect(text(cells.querySelector('.contract-title'))).to.equal(first.title)
    expect(text(cells.querySelector('[part~="status-badge"]'))).to.equal('Active')
    expect(text(cells.querySelector('.renewal-days'))).to.equal(
      first.autoRenew ? `Renews in ${days} days` : `Ends in ${days} days`,
    )
    expect(text(cells.querySelector('.renewal-auto'))).to.equal(
      first.autoRenew ? 'Renews automatically' : 'Ends at term end',
    )
    expect(text(cells.querySelector('.cell--total'))).to.match(/^\$[\d,.]+ a (month|quarter|year)$/)
    await expect(list).to.be.accessible()
  })

  it('emphasises a renewal within the 60, 30 and 7 days the reminders go out at', async () => {
    const first = contracts[0]!
    const renewal = new Date(`${first.renewalDate}T12:00:00`)
    const daysBefore = (n: number) => new Date(renewal.getTime() - n * 86_400_000)
    for (const [days, part] of [
      [5, 'renewal-due-7'],
      [25, 'renewal-due-30'],
      [45, 'renewal-due-60'],
    ] as const) {
      const list = await renderList(session, { today: daysBefore(days) })
      const renewalCell = row(list, 0).querySelector('[part~="renewal"]')!
      expect(renewalCell.getAttribute('part')).to.include(part)
      expect(text(renewalCell)).to.include(`in ${days} days`)
      expect(text(renewalCell)).to.include('Notice by')
    }
    const later = await renderList(session, { today: daysBefore(90) })
    expect(row(later, 0).querySelector('[part~="renewal"]')!.getAttribute('part')).to.equal(
      'renewal ',
    )
    expect(renewalUrgency({ ...first, status: 'cancelled' }, 5)).to.equal('none')
  })

  it('shows and hides the items with a keyboard-usable disclosure', async () => {
    const list = await renderList(session)
    const toggle = row(list, 0).querySelector<HTMLButtonElement>('[part="items-toggle"]')!
    const itemsRow = shadow(list).getElementById(toggle.getAttribute('aria-controls')!)!
    expect(toggle.getAttribute('aria-expanded')).to.equal('false')
    expect(itemsRow.hidden).to.equal(true)
    let selected = 0
    list.addEventListener('portico-contract-select', () => selected++)

    toggle.focus()
    await sendKeys({ press: 'Enter' })
    await list.updateComplete
    expect(toggle.getAttribute('aria-expanded')).to.equal('true')
    expect(itemsRow.hidden).to.equal(false)
    const items = contracts[0]!.items
    expect([...itemsRow.querySelectorAll('[part="items"] tbody th')].map(text)).to.deep.equal(
      items.map((item) => [item.description, item.sku].filter(Boolean).join(' ')),
    )
    await expect(list).to.be.accessible()

    await sendKeys({ press: 'Space' })
    await list.updateComplete
    expect(toggle.getAttribute('aria-expanded')).to.equal('false')
    expect(itemsRow.hidden).to.equal(true)
    // Opening the items is not selecting the contract.
    expect(selected).to.equal(0)
  })

  it('selects a contract from its number, and moves between numbers with the arrows', async () => {
    const list = await renderList(session)
    const number = row(list, 0).querySelector<HTMLButtonElement>('[part="contract-number"]')!
    number.focus()
    await sendKeys({ press: 'ArrowDown' })
    expect(shadow(list).activeElement).to.equal(
      row(list, 1).querySelector('[part="contract-number"]'),
    )
    const selected = oneEvent(list, 'portico-contract-select')
    await sendKeys({ press: 'Enter' })
    expect((await selected).detail.contract.id).to.equal(contracts[1]!.id)
  })

  it('downloads the contract document through the same signed links', async () => {
    const list = await renderList(session)
    const contract = contracts[0]!
    expect(contract.document).not.to.equal(null)
    list.addEventListener('portico-document-download', (event) => event.preventDefault())
    const minted = oneEvent(list, 'portico-document-download')
    row(list, 0).querySelector<HTMLButtonElement>('[part="download"]')!.click()
    const { detail } = await minted
    expect(detail.document.id).to.equal(contract.document!.id)
    const file = await followLink(detail.url)
    expect(file.status).to.equal(200)
    expect(file.contentType).to.equal('application/pdf')
    expect(file.disposition).to.match(/^attachment/)
    await waitUntil(() =>
      text(shadow(list).querySelector('[role="status"]'))!.startsWith('The download of'),
    )
  })

  it('designs the filtered-empty, empty, forbidden and error states', async () => {
    const cancelled = await renderList(session, { status: 'cancelled' })
    expect(cancelled.controller.state).to.equal('empty')
    expect(text(byPart(cancelled, 'empty'))).to.equal('No contracts match this filter.')
    await expect(cancelled).to.be.accessible()

    const none: PortalClient = clientFor(session, async () =>
      Response.json({ data: [], nextCursor: null }),
    )
    const empty = await fixture<PorticoContractList>(
      html`<portico-contract-list .client=${none}></portico-contract-list>`,
    )
    await settle(empty)
    expect(text(byPart(empty, 'empty'))).to.equal('There are no contracts yet.')

    const narrowed = await mintEmbedSession({ permissions: ['invoices:read'] })
    const forbidden = await renderList(narrowed)
    expect(forbidden.controller.state).to.equal('forbidden')
    expect(text(byPart(forbidden, 'error'))).to.equal(
      'You do not have permission to see contracts.',
    )

    const down: PortalClient = clientFor(session, async () =>
      Response.json({ status: 500, code: 'internal', title: 'x' }, { status: 500 }),
    )
    const failing = await fixture<PorticoContractList>(
      html`<portico-contract-list .client=${down}></portico-contract-list>`,
    )
    await settle(failing)
    expect(text(byPart(failing, 'error'))).to.include('Your contracts could not be loaded.')
    expect(byPart(failing, 'retry')).not.to.equal(null)
    await expect(failing).to.be.accessible()
  })

  it('speaks German with a German provider', async () => {
    const list = await renderList(session, { locale: 'de' })
    await waitUntil(
      () => text(shownRow(list, 0)?.querySelector('[part~="status-badge"]')) === 'Aktiv',
    )
    expect(text(row(list, 0).querySelector('.renewal-days'))).to.match(
      /^(Verlängert sich|Endet) in \d+ Tagen$/,
    )
  })
})
