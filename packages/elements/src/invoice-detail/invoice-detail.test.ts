import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import { sendKeys } from '@web/test-runner-commands'
import {
  actOnSandboxPage,
  clientFor,
  followLink,
  mintEmbedSession,
  openInvoices,
  sendErpEvent,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { PaymentRedirectEvent } from '../payments/payment-redirect.js'
import type { InvoiceDetailState } from './invoice-detail.controller.js'
import type { PorticoInvoiceDetail } from './invoice-detail.js'

const settledStates: InvoiceDetailState[] = [
  'ready',
  'not-found',
  'error',
  'unauthorized',
  'forbidden',
]

async function renderDetail(
  session: EmbedSession,
  invoiceId: string,
  options: { live?: boolean; locale?: string } = {},
): Promise<PorticoInvoiceDetail> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${options.locale ?? 'en'}
    >
      <portico-invoice-detail
        invoice-id=${invoiceId}
        live-updates=${options.live === false ? 'off' : 'on'}
      ></portico-invoice-detail>
    </portico-provider>
  `)
  const detail = provider.querySelector('portico-invoice-detail')!
  await waitUntil(() => settledStates.includes(detail.controller.state), 'never settled', {
    timeout: 8_000,
  })
  await waitUntil(
    () =>
      detail.controller.state !== 'ready' ||
      (detail.controller.payments.state !== 'loading' &&
        detail.controller.documents.state !== 'loading'),
    'sections never loaded',
  )
  // A locale other than English loads its messages on demand: the skeleton
  // stays until they are in, whatever the data.
  await waitUntil(
    () => shadow(detail).querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
    'messages never loaded',
  )
  await detail.updateComplete
  return detail
}

const shadow = (detail: PorticoInvoiceDetail) => detail.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const byPart = (detail: PorticoInvoiceDetail, part: string) =>
  shadow(detail).querySelector<HTMLElement>(`[part~="${part}"]`)
const badge = (detail: PorticoInvoiceDetail) => text(byPart(detail, 'status-badge'))
const liveRegion = (detail: PorticoInvoiceDetail) =>
  text(shadow(detail).querySelector('[role="status"]'))

/** Opens a payment for `amount` of an invoice and has the customer press `action` on the sandbox page. */
async function payThroughSandbox(
  session: EmbedSession,
  invoiceId: string,
  amount: number,
  action: 'pay' | 'decline' = 'pay',
) {
  const payment = await unwrap(
    clientFor(session).POST('/v1/payments', {
      body: { allocations: [{ invoiceId, amount }], returnUrl: location.href },
    }),
  )
  await actOnSandboxPage(payment.redirectUrl!, action)
  return payment
}

describe('<portico-invoice-detail> against the API', () => {
  // Officine Rossi's accounts payable: these tests pay invoices in that account only.
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'amministrazione@officinerossi.it' })
  })

  it('shows an open invoice: facts, lines with tax, totals, balance, Pay', async () => {
    const [open] = await openInvoices(session)
    const invoice = await unwrap(
      clientFor(session).GET('/v1/invoices/{id}', { params: { path: { id: open!.id } } }),
    )
    const detail = await renderDetail(session, invoice.id)

    expect(text(byPart(detail, 'title'))).to.equal(`Invoice ${invoice.number}`)
    expect(byPart(detail, 'title')!.getAttribute('aria-level')).to.equal('2')
    const facts = text(byPart(detail, 'facts'))!
    expect(facts).to.include('Issue date')
    expect(facts).to.include('Due date')
    expect(facts).to.include(`Balance due €`)
    const rows = shadow(detail).querySelectorAll('[part="lines"] tbody tr')
    expect(rows).to.have.length(invoice.lines.length)
    expect(text(rows[0]!.querySelector('th'))).to.include(invoice.lines[0]!.description)
    const foot = [...shadow(detail).querySelectorAll('[part="lines"] tfoot tr')].map(text)
    expect(foot.map((row) => row!.replace(/\s€.*$/, ''))).to.deep.equal([
      'Subtotal',
      'Tax',
      'Total',
      'Paid',
      'Balance due',
    ])
    expect(text(byPart(detail, 'pay-button'))).to.equal('Pay invoice')
    await expect(detail).to.be.accessible()
  })

  it('asks the page to pay from the Pay button, by keyboard too', async () => {
    const [open] = await openInvoices(session)
    const detail = await renderDetail(session, open!.id, { live: false })
    byPart(detail, 'pay-button')!.focus()
    const pay = oneEvent(detail, 'portico-invoice-pay')
    await sendKeys({ press: 'Enter' })
    expect((await pay).detail.invoice.id).to.equal(open!.id)
  })

  it('follows a payment live: the history grows, the invoice becomes paid, Pay goes', async () => {
    const [open] = await openInvoices(session)
    const detail = await renderDetail(session, open!.id)
    await waitUntil(() => detail.liveState === 'live', 'live updates never connected')
    const historyBefore = detail.controller.payments.items.length

    // Half first: partly paid (or still overdue), with the rest due.
    const half = Math.floor(open!.amountDue / 2)
    await payThroughSandbox(session, open!.id, half)
    await waitUntil(
      () => detail.controller.invoice!.amountDue === open!.amountDue - half,
      'the balance did not follow the payment',
      { timeout: 8_000 },
    )
    await waitUntil(() => detail.controller.payments.items.length === historyBefore + 1)
    await detail.updateComplete
    const firstRow = shadow(detail).querySelector('[part="payments"] tbody tr')!
    expect(text(firstRow.querySelector('[part~="payment-badge"]'))).to.equal('Paid')
    expect(text(firstRow.querySelector('td.num'))).to.match(/^€[\d,.]+$/)
    expect(byPart(detail, 'pay-button')).not.to.equal(null)

    // Then the rest: paid, nothing due, no Pay button — and it is said.
    await payThroughSandbox(session, open!.id, open!.amountDue - half)
    await waitUntil(() => badge(detail) === 'Paid', 'never became paid', { timeout: 8_000 })
    expect(byPart(detail, 'pay-button')).to.equal(null)
    await waitUntil(
      () => liveRegion(detail) === `Invoice ${open!.number} is now: Paid. Balance €0.00.`,
    )
    await expect(detail).to.be.accessible()
  })

  it('lists a declined payment in the history without changing the balance', async () => {
    const [open] = await openInvoices(session)
    const detail = await renderDetail(session, open!.id)
    await waitUntil(() => detail.liveState === 'live', 'live updates never connected')
    await payThroughSandbox(session, open!.id, open!.amountDue, 'decline')
    await waitUntil(
      () =>
        text(shadow(detail).querySelector('[part="payments"] tbody [part~="payment-badge"]')) ===
        'Declined',
      'the declined payment never showed',
      { timeout: 8_000 },
    )
    expect(detail.controller.invoice!.amountDue).to.equal(open!.amountDue)
    expect(byPart(detail, 'pay-button')).not.to.equal(null)
  })

  it('offers to continue a checkout left midway, through the redirect event', async () => {
    const [open] = await openInvoices(session)
    const pending = await unwrap(
      clientFor(session).POST('/v1/payments', {
        body: { allocations: [{ invoiceId: open!.id, amount: 100 }], returnUrl: location.href },
      }),
    )
    try {
      const detail = await renderDetail(session, open!.id, { live: false })
      const link = shadow(detail).querySelector<HTMLAnchorElement>('[part="continue-payment"]')!
      expect(link.getAttribute('href')).to.equal(pending.redirectUrl)
      expect(text(link)).to.match(/^Continue payment, €1\.00$/)
      const redirects: PaymentRedirectEvent[] = []
      const onRedirect = (event: Event) => {
        event.preventDefault() // the test page stays
        redirects.push(event as PaymentRedirectEvent)
      }
      document.addEventListener('portico-payment-redirect', onRedirect)
      try {
        link.click()
      } finally {
        document.removeEventListener('portico-payment-redirect', onRedirect)
      }
      expect(redirects.map((e) => [e.detail.payment.id, e.detail.url])).to.deep.equal([
        [pending.id, pending.redirectUrl],
      ])
      await expect(detail).to.be.accessible()
    } finally {
      // Abandoned at the provider: the reservation goes, for the other tests' payments.
      await actOnSandboxPage(pending.redirectUrl!, 'abandon')
    }
    const detail = await renderDetail(session, open!.id, { live: false })
    expect(shadow(detail).querySelector('[part="continue-payment"]')).to.equal(null)
  })

  it('downloads the tax invoice attached, and the invoice PDF, through signed links', async () => {
    // PT Sinar Jaya's e-Faktur is a document attached to its invoice.
    const sinarJaya = await mintEmbedSession({ email: 'ap@sinarjaya.co.id' })
    const taxInvoices = await unwrap(
      clientFor(sinarJaya).GET('/v1/documents', {
        params: { query: { type: 'tax_invoice', limit: 1 } },
      }),
    )
    const efaktur = taxInvoices.data[0]!
    const detail = await renderDetail(sinarJaya, efaktur.invoiceId!, { live: false })
    const button = byPart(detail, 'document-button')!
    expect(text(button)).to.equal(efaktur.title)
    expect(text(shadow(detail).querySelector('.document-meta'))).to.include('Tax invoice')

    detail.addEventListener('portico-document-open', (event) => event.preventDefault())
    const opened = oneEvent(detail, 'portico-document-open')
    button.click()
    const { url, document } = (await opened).detail
    expect(document!.id).to.equal(efaktur.id)
    expect(new URL(url).origin).to.equal(new URL(sinarJaya.baseUrl).origin)
    const file = await followLink(url)
    expect(file.status).to.equal(200)
    expect(file.contentType).to.equal(efaktur.contentType)
    expect(file.disposition).to.match(/^attachment/)

    const pdfOpened = oneEvent(detail, 'portico-document-open')
    byPart(detail, 'pdf-button')!.click()
    const pdf = await followLink((await pdfOpened).detail.url)
    expect(pdf.status).to.equal(200)
    expect(pdf.contentType).to.equal('application/pdf')
    expect(pdf.bytes).to.be.greaterThan(500)
    await expect(detail).to.be.accessible()
  })

  it('shows the invoice when the credential may not see payments or documents', async () => {
    const [open] = await openInvoices(session)
    const narrowed = await mintEmbedSession({
      email: 'amministrazione@officinerossi.it',
      permissions: ['invoices:read'],
    })
    const detail = await renderDetail(narrowed, open!.id, { live: false })
    expect(detail.controller.state).to.equal('ready')
    expect(text(byPart(detail, 'payments'))).to.include(
      'You don’t have permission to view payments.',
    )
    expect(text(byPart(detail, 'documents'))).to.include(
      'You don’t have permission to view documents.',
    )
    await expect(detail).to.be.accessible()
  })

  it('renders invoice text from the ERP inert', async () => {
    const me = await unwrap(clientFor(session).GET('/v1/me'))
    const attack = '<img src=x onerror="window.__porticoPwned=1">'
    const number = `XSS-${Date.now()}`
    await sendErpEvent({
      type: 'invoice.created',
      data: {
        accountId: me.account.id,
        invoice: {
          number,
          issueDate: '2026-11-01',
          dueDate: '2099-12-01',
          currency: 'EUR',
          poNumber: attack.slice(0, 50),
          lines: [{ description: attack, quantity: 1, unitPrice: 1000, taxRateBps: 2200 }],
        },
      },
    })
    const page = await unwrap(
      clientFor(session).GET('/v1/invoices', { params: { query: { status: 'open', limit: 100 } } }),
    )
    const created = page.data.find((invoice) => invoice.number === number)!
    const detail = await renderDetail(session, created.id, { live: false })

    expect(shadow(detail).querySelector('img')).to.equal(null)
    expect(text(shadow(detail).querySelector('[part="lines"] tbody th'))).to.equal(attack)
    expect(text(byPart(detail, 'facts'))).to.include(attack.slice(0, 50))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((window as { __porticoPwned?: number }).__porticoPwned).to.equal(undefined)
  })

  it('says when an invoice does not exist (or is another account’s)', async () => {
    const detail = await renderDetail(session, 'inv_01nosuchinvoice0000000000')
    expect(detail.controller.state).to.equal('not-found')
    expect(text(byPart(detail, 'error'))).to.equal(
      'This invoice doesn’t exist, or it belongs to another account.',
    )
    await expect(detail).to.be.accessible()

    const brandt = await mintEmbedSession({ email: 'ap@brandt-maschinenbau.de' })
    const [foreign] = await openInvoices(brandt)
    const other = await renderDetail(session, foreign!.id)
    expect(other.controller.state).to.equal('not-found')
  })

  it('explains a missing permission and an expired session', async () => {
    const [open] = await openInvoices(session)
    const narrowed = await mintEmbedSession({
      email: 'amministrazione@officinerossi.it',
      permissions: ['profile:read'],
    })
    const forbidden = await renderDetail(narrowed, open!.id)
    expect(text(byPart(forbidden, 'error'))).to.equal('You don’t have permission to view invoices.')
    await expect(forbidden).to.be.accessible()

    const expired = await mintEmbedSession({
      email: 'amministrazione@officinerossi.it',
      expired: true,
    })
    const unauthorized = await renderDetail(expired, open!.id)
    expect(text(byPart(unauthorized, 'error'))).to.equal(
      'Your session has expired — sign in again.',
    )
  })

  it('shows a skeleton while loading', async () => {
    const detail = await fixture<PorticoInvoiceDetail>(html`
      <portico-invoice-detail
        invoice-id="inv_anything"
        live-updates="off"
        .client=${{ GET: () => new Promise(() => {}) } as never}
      ></portico-invoice-detail>
    `)
    expect(byPart(detail, 'skeleton')).not.to.equal(null)
    expect(byPart(detail, 'base')!.getAttribute('aria-busy')).to.equal('true')
    await expect(detail).to.be.accessible()
  })

  it('speaks Italian with euros', async () => {
    const [open] = await openInvoices(session)
    const detail = await renderDetail(session, open!.id, { locale: 'it', live: false })
    expect(text(byPart(detail, 'title'))).to.equal(`Fattura ${open!.number}`)
    expect(text(byPart(detail, 'pay-button'))).to.equal('Paga la fattura')
    expect(text(byPart(detail, 'facts'))).to.match(/Saldo da pagare [\d.]+,\d\d\s€/)
  })
})
