import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap, type PortalClient } from '@portico/sdk'
import { sendKeys } from '@web/test-runner-commands'
import {
  actOnSandboxPage,
  clientFor,
  mintEmbedSession,
  openInvoices,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { InvoiceSummary, Payment } from '../portal-client.js'
import { formatAmount, parseAmount } from './amount.js'
import type { PayInvoicesState } from './pay-invoices.controller.js'
import type { PorticoPayInvoices } from './pay-invoices.js'

const settledStates: PayInvoicesState[] = [
  'select',
  'empty',
  'error',
  'unauthorized',
  'forbidden',
  'not-found',
  'processing',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
]

interface RenderOptions {
  invoiceIds?: string[]
  paymentId?: string
  locale?: string
  /** A client of its own instead of the provider's (to watch or break its requests). */
  client?: PortalClient
  live?: boolean
}

/** Renders the element; the provider's page is never actually opened. */
async function renderPay(
  session: EmbedSession,
  options: RenderOptions = {},
): Promise<PorticoPayInvoices> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${options.locale ?? 'en'}
    >
      <portico-pay-invoices
        invoices=${(options.invoiceIds ?? []).join(',')}
        payment-id=${options.paymentId ?? ''}
        live-updates=${options.live === false ? 'off' : 'on'}
        .client=${options.client}
        @portico-payment-redirect=${(event: Event) => event.preventDefault()}
      ></portico-pay-invoices>
    </portico-provider>
  `)
  const element = provider.querySelector('portico-pay-invoices')!
  await waitUntil(() => settledStates.includes(element.controller.state), 'never settled', {
    timeout: 8_000,
  })
  await element.updateComplete
  return element
}

const shadow = (element: PorticoPayInvoices) => element.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const byPart = (element: PorticoPayInvoices, part: string) =>
  shadow(element).querySelector<HTMLElement>(`[part~="${part}"]`)
const amountInput = (element: PorticoPayInvoices, invoiceId: string) =>
  shadow(element).querySelector<HTMLInputElement>(`#amount-${invoiceId}`)
const checkbox = (element: PorticoPayInvoices, invoiceId: string) =>
  shadow(element).querySelector<HTMLInputElement>(`#check-${invoiceId}`)!
/** The message an amount field is described by. */
const fieldMessage = (element: PorticoPayInvoices, invoiceId: string) => {
  const ids = amountInput(element, invoiceId)?.getAttribute('aria-describedby')
  return ids ? text(shadow(element).getElementById(ids)) : undefined
}

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus()
  input.select()
  await sendKeys({ press: 'Backspace' })
  if (value) await sendKeys({ type: value })
}

const euros = (minor: number) => formatAmount(minor, 'EUR', 'en')

/** The payments the API lists for an invoice. */
async function paymentsOf(session: EmbedSession, invoiceId: string): Promise<Payment[]> {
  const page = await unwrap(
    clientFor(session).GET('/v1/payments', { params: { query: { invoiceId, limit: 100 } } }),
  )
  return page.data
}

/** Selects, reviews and pays; resolves with the payment the element opened. */
async function confirmAndPay(element: PorticoPayInvoices): Promise<Payment> {
  byPart(element, 'review-button')!.click()
  await element.updateComplete
  expect(element.controller.state).to.equal('confirm')
  const redirect = oneEvent(element, 'portico-payment-redirect')
  byPart(element, 'pay-button')!.click()
  return (await redirect).detail.payment
}

/**
 * Gives up every payment still pending in the account (as a customer
 * leaving the provider's page would), so no test finds balances reserved by
 * another's payment.
 */
async function abandonPendingPayments(session: EmbedSession) {
  const pending = await unwrap(
    clientFor(session).GET('/v1/payments', {
      params: { query: { status: 'pending', limit: 100 } },
    }),
  )
  for (const payment of pending.data) {
    if (payment.redirectUrl) await actOnSandboxPage(payment.redirectUrl, 'abandon')
  }
}

/** Sorted by invoice, to compare allocations whatever their order. */
const byInvoice = (pairs: Array<[string, number]>) => pairs.sort(([a], [b]) => a.localeCompare(b))

describe('<portico-pay-invoices> against the API', () => {
  // Officine Rossi's accounts payable: these tests pay invoices in that account only.
  let session: EmbedSession
  let open: InvoiceSummary[]

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'amministrazione@officinerossi.it' })
    await abandonPendingPayments(session)
    open = await openInvoices(session)
  })

  afterEach(() => abandonPendingPayments(session))

  it('lists the open invoices with their balances, the chosen ones selected in full', async () => {
    const [first, second] = open
    const element = await renderPay(session, { invoiceIds: [first!.id] })
    const rows = shadow(element).querySelectorAll('[part="invoices"] tbody tr')
    expect(rows).to.have.length(open.length)
    expect(checkbox(element, first!.id).checked).to.equal(true)
    expect(checkbox(element, second!.id).checked).to.equal(false)
    expect(amountInput(element, first!.id)!.value).to.equal(euros(first!.amountDue))
    expect(amountInput(element, second!.id)).to.equal(null)
    expect(text(shadow(element).querySelector('.summary-text'))).to.equal(
      `1 invoice selected · €${euros(first!.amountDue)}`,
    )
    await expect(element).to.be.accessible()
  })

  it('is used by keyboard: Space selects, the amount is typed, Enter reviews', async () => {
    const [, second] = open
    const element = await renderPay(session)
    checkbox(element, second!.id).focus()
    await sendKeys({ press: 'Space' })
    await element.updateComplete
    expect(element.controller.isSelected(second!.id)).to.equal(true)
    const input = amountInput(element, second!.id)!
    await typeInto(input, '1.00')
    await sendKeys({ press: 'Enter' })
    await element.updateComplete
    expect(element.controller.state).to.equal('confirm')
    expect(shadow(element).activeElement?.id).to.equal('confirm-heading')
    expect(text(byPart(element, 'pay-button'))).to.equal('Pay €1.00')
    await expect(element).to.be.accessible()
  })

  it('refuses zero, negative, malformed and too-high amounts inline, accessibly', async () => {
    const [first] = open
    const element = await renderPay(session, { invoiceIds: [first!.id] })
    const input = amountInput(element, first!.id)!
    const cases: Array<[string, string]> = [
      ['0', 'The amount must be more than zero.'],
      ['-5', 'The amount must be more than zero.'],
      ['12,3,4.5.6', `Enter an amount such as ${euros(first!.amountDue)}.`],
      ['1.005', `Enter an amount such as ${euros(first!.amountDue)}.`],
      [euros(first!.amountDue + 1), `At most €${euros(first!.amountDue)}, the open balance.`],
      ['', 'Enter an amount.'],
    ]
    for (const [typed, message] of cases) {
      await typeInto(input, typed)
      input.blur()
      await element.updateComplete
      expect(input.getAttribute('aria-invalid'), typed).to.equal('true')
      expect(fieldMessage(element, first!.id), typed).to.equal(message)
    }
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    expect(element.controller.state).to.equal('select')
    expect(text(shadow(element).querySelector('.body > .field-error'))).to.equal(
      'Correct the amounts marked below.',
    )
    expect(shadow(element).activeElement).to.equal(input)
    await expect(element).to.be.accessible()

    // A partial amount is fine, and says what stays open.
    await typeInto(input, '1')
    await element.updateComplete
    expect(input.getAttribute('aria-invalid')).to.equal('false')
    expect(fieldMessage(element, first!.id)).to.equal(
      `€${euros(first!.amountDue - 100)} stays open`,
    )
  })

  it('pays several invoices, one in part, through the sandbox: the outcome comes from the API', async () => {
    const [first, second] = open
    const element = await renderPay(session, { invoiceIds: [first!.id, second!.id] })
    await typeInto(amountInput(element, second!.id)!, '2.50')
    await element.updateComplete
    const payment = await confirmAndPay(element)

    expect(payment.status).to.equal('pending')
    expect(byInvoice(payment.allocations.map((a) => [a.invoiceId, a.amount]))).to.deep.equal(
      byInvoice([
        [first!.id, first!.amountDue],
        [second!.id, 250],
      ]),
    )
    expect(element.controller.state).to.equal('redirecting')
    expect(text(byPart(element, 'pay-button'))).to.equal('Taking you to the payment page…')
    const returnUrl = new URL(location.href)
    returnUrl.searchParams.delete('payment')

    // On the provider's page the customer pays; it sends them back with the payment's id.
    const back = await actOnSandboxPage(payment.redirectUrl!, 'pay')
    expect(back.searchParams.get('payment')).to.equal(payment.id)
    const returned = await renderPay(session, { paymentId: back.searchParams.get('payment')! })
    await waitUntil(() => returned.controller.state === 'succeeded', 'never succeeded')
    await returned.updateComplete
    expect(text(byPart(returned, 'outcome'))).to.include('Payment received')
    expect(text(byPart(returned, 'outcome'))).to.include(
      `€${euros(first!.amountDue + 250)} has been paid.`,
    )
    const invoice = await unwrap(
      clientFor(session).GET('/v1/invoices/{id}', { params: { path: { id: second!.id } } }),
    )
    expect(invoice.amountDue).to.equal(second!.amountDue - 250)
    await expect(returned).to.be.accessible()
  })

  it('shows "processing" until the webhook says otherwise — never what the return URL claims', async () => {
    const [first] = open
    const element = await renderPay(session, { invoiceIds: [first!.id] })
    const payment = await confirmAndPay(element)
    // A forged return: the query string says succeeded, the provider said nothing yet.
    history.replaceState(null, '', `?payment=${payment.id}&status=succeeded`)
    try {
      const returned = await renderPay(session, { paymentId: payment.id })
      await waitUntil(() => returned.controller.payment, 'the payment never loaded')
      await returned.updateComplete
      expect(returned.controller.state).to.equal('processing')
      expect(returned.controller.payment!.status).to.equal('pending')
      expect(text(byPart(returned, 'outcome'))).to.include('Checking your payment…')
      await expect(returned).to.be.accessible()

      const completed = oneEvent(returned, 'portico-payment-complete')
      await actOnSandboxPage(payment.redirectUrl!, 'decline')
      expect((await completed).detail.payment.status).to.equal('failed')
      await returned.updateComplete
      expect(returned.controller.state).to.equal('failed')
      expect(text(byPart(returned, 'outcome'))).to.include('The payment was declined')
      expect(shadow(returned).activeElement?.textContent?.trim()).to.equal(
        'The payment was declined',
      )
      await expect(returned).to.be.accessible()
    } finally {
      history.replaceState(null, '', location.pathname)
    }
  })

  it('offers to try again after a cancelled payment, with the same invoices and amounts', async () => {
    const [first] = open
    const element = await renderPay(session, { invoiceIds: [first!.id] })
    await typeInto(amountInput(element, first!.id)!, '3')
    await element.updateComplete
    const payment = await confirmAndPay(element)
    await actOnSandboxPage(payment.redirectUrl!, 'abandon')
    const returned = await renderPay(session, { paymentId: payment.id })
    await waitUntil(() => returned.controller.state === 'cancelled', 'never cancelled')
    await returned.updateComplete
    expect(text(byPart(returned, 'outcome'))).to.include('The payment was cancelled')

    byPart(returned, 'try-again')!.click()
    await waitUntil(() => returned.controller.state === 'select', 'no selection again')
    await returned.updateComplete
    expect(returned.controller.isSelected(first!.id)).to.equal(true)
    expect(amountInput(returned, first!.id)!.value).to.equal('3.00')
  })

  it('never opens two payments: a double click, and a retry after a lost answer, reuse one key', async () => {
    const [first] = open
    const posted: string[] = []
    let loseNextAnswer = true
    const client = clientFor(session, async (request) => {
      if (request.method !== 'POST') return fetch(request)
      posted.push(request.headers.get('idempotency-key')!)
      const response = await fetch(request)
      // The payment is opened, but its answer never reaches the page.
      if (loseNextAnswer) {
        loseNextAnswer = false
        throw new TypeError('Failed to fetch')
      }
      return response
    })
    const before = (await paymentsOf(session, first!.id)).length
    const element = await renderPay(session, { invoiceIds: [first!.id], client, live: false })
    byPart(element, 'review-button')!.click()
    await element.updateComplete

    // Two clicks in a row: one request.
    byPart(element, 'pay-button')!.click()
    byPart(element, 'pay-button')!.click()
    await waitUntil(() => !element.controller.submitting && element.controller.payError)
    await element.updateComplete
    expect(posted).to.have.length(1)
    expect(text(byPart(element, 'banner'))).to.include(
      'The payment page couldn’t be opened. Try again — you won’t be charged twice.',
    )
    expect(shadow(element).activeElement).to.equal(byPart(element, 'pay-button'))

    // The retry sends the same key: the API answers with the payment it opened.
    const redirect = oneEvent(element, 'portico-payment-redirect')
    byPart(element, 'pay-button')!.click()
    const payment = (await redirect).detail.payment
    expect(posted).to.have.length(2)
    expect(posted[1]).to.equal(posted[0])
    const after = await paymentsOf(session, first!.id)
    expect(after).to.have.length(before + 1)
    expect(after.map((p) => p.id)).to.include(payment.id)
  })

  it('explains a balance that changed meanwhile (422), by the field, and pays once corrected', async () => {
    const [first] = open
    const element = await renderPay(session, { invoiceIds: [first!.id], live: false })
    byPart(element, 'review-button')!.click()
    await element.updateComplete
    // Someone else pays a part of it while this page shows the full balance.
    const other = await unwrap(
      clientFor(session).POST('/v1/payments', {
        body: { allocations: [{ invoiceId: first!.id, amount: 100 }], returnUrl: location.href },
      }),
    )
    await actOnSandboxPage(other.redirectUrl!, 'pay')

    byPart(element, 'pay-button')!.click()
    await waitUntil(() => element.controller.state === 'select', 'the refusal was not shown')
    await waitUntil(
      () =>
        element.controller.invoices.find((i) => i.id === first!.id)!.amountDue < first!.amountDue,
    )
    await element.updateComplete
    expect(text(byPart(element, 'banner'))).to.include(
      'The balance of an invoice changed in the meantime. Check the amounts marked below.',
    )
    expect(amountInput(element, first!.id)!.getAttribute('aria-invalid')).to.equal('true')
    expect(fieldMessage(element, first!.id)).to.match(/^At most .* can be paid/)
    await expect(element).to.be.accessible()

    await typeInto(amountInput(element, first!.id)!, euros(first!.amountDue - 100))
    await element.updateComplete
    const payment = await confirmAndPay(element)
    expect(payment.amount).to.equal(first!.amountDue - 100)
  })

  it('tells a viewer they may not pay, and says when nothing is open', async () => {
    const viewer = await mintEmbedSession({ email: 'viewer@cascadefab.com' })
    const forbidden = await renderPay(viewer)
    expect(forbidden.controller.state).to.equal('forbidden')
    expect(text(byPart(forbidden, 'error'))).to.equal('You don’t have permission to pay invoices.')
    await expect(forbidden).to.be.accessible()

    const nothingOpen = clientFor(session, async (request) =>
      new URL(request.url).pathname === '/v1/invoices'
        ? Response.json({ data: [], nextCursor: null })
        : fetch(request),
    )
    const empty = await renderPay(session, { client: nothingOpen, live: false })
    expect(empty.controller.state).to.equal('empty')
    expect(text(byPart(empty, 'error'))).to.equal('Nothing to pay: you have no open invoices.')
    await expect(empty).to.be.accessible()
  })

  it('keeps one payment to one currency: another currency cannot join the selection', async () => {
    // The API lists this account in euros; one invoice is made a dollar one on its way.
    let dollarInvoice = ''
    const client = clientFor(session, async (request) => {
      const response = await fetch(request)
      const url = new URL(request.url)
      if (url.pathname !== '/v1/invoices' || url.searchParams.get('status') !== 'overdue')
        return response
      const page = (await response.json()) as { data: InvoiceSummary[] }
      dollarInvoice = page.data[0]!.id
      page.data[0]!.currency = 'USD'
      return Response.json(page)
    })
    const element = await renderPay(session, { client, live: false })
    const euro = element.controller.invoices.find((i) => i.currency === 'EUR')!
    checkbox(element, euro.id).click()
    await element.updateComplete
    const dollar = checkbox(element, dollarInvoice)
    expect(dollar.disabled).to.equal(true)
    const hint = shadow(element).getElementById(dollar.getAttribute('aria-describedby')!)
    expect(text(hint)).to.equal('Another currency: pay it separately.')
    await expect(element).to.be.accessible()

    checkbox(element, euro.id).click()
    await element.updateComplete
    expect(checkbox(element, dollarInvoice).disabled).to.equal(false)
  })

  it('says when a payment does not exist, or belongs to another account', async () => {
    const element = await renderPay(session, { paymentId: 'pay_01nosuchpayment00000000000' })
    await waitUntil(() => element.controller.state !== 'processing', 'never answered')
    await element.updateComplete
    expect(element.controller.state).to.equal('not-found')
    expect(text(byPart(element, 'error'))).to.equal(
      'This payment doesn’t exist, or it belongs to another account.',
    )
    await expect(element).to.be.accessible()
  })

  it('speaks Italian, amounts typed the Italian way', async () => {
    const [first] = open
    const element = await renderPay(session, { invoiceIds: [first!.id], locale: 'it' })
    expect(text(byPart(element, 'title'))).to.equal('Paga fatture')
    expect(amountInput(element, first!.id)!.value).to.equal(
      formatAmount(first!.amountDue, 'EUR', 'it'),
    )
    await typeInto(amountInput(element, first!.id)!, '1,50')
    await element.updateComplete
    expect(element.controller.total).to.equal(150)
  })
})

describe('parseAmount', () => {
  it('reads amounts as people type them in their locale', () => {
    expect(parseAmount('1,250.50', 'EUR', 'en')).to.deep.equal({ minor: 125050 })
    expect(parseAmount('1.250,50', 'EUR', 'de')).to.deep.equal({ minor: 125050 })
    expect(parseAmount('12.50', 'EUR', 'de')).to.deep.equal({ minor: 1250 })
    expect(parseAmount('1.250', 'EUR', 'de')).to.deep.equal({ minor: 125000 })
    expect(parseAmount('1 250,5', 'EUR', 'fr')).to.deep.equal({ minor: 125050 })
    expect(parseAmount('1.500.000', 'IDR', 'id')).to.deep.equal({ minor: 1500000 })
    expect(parseAmount('1.500.000,00', 'IDR', 'id')).to.deep.equal({ minor: 1500000 })
    expect(parseAmount('-3', 'EUR', 'en')).to.deep.equal({ minor: -300 })
    expect(parseAmount('  ', 'EUR', 'en')).to.deep.equal({ empty: true })
    expect(parseAmount('1.005', 'EUR', 'en')).to.deep.equal({ invalid: true })
    expect(parseAmount('1,5', 'IDR', 'id')).to.deep.equal({ invalid: true })
    expect(parseAmount('12abc', 'EUR', 'en')).to.deep.equal({ invalid: true })
  })
})
