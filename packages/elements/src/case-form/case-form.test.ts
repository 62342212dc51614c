import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import {
  clientFor,
  mintEmbedSession,
  placeOrder,
  type EmbedSession,
} from '../../test/portico-api.js'
import '../index.js'
import type { PorticoCaseForm } from './case-form.js'

async function renderForm(
  session: EmbedSession,
  attributes: { orderId?: string; category?: string; locale?: string } = {},
): Promise<PorticoCaseForm> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${attributes.locale ?? 'en'}
    >
      <portico-case-form
        order-id=${attributes.orderId ?? ''}
        category=${attributes.category ?? 'question'}
      ></portico-case-form>
    </portico-provider>
  `)
  const form = provider.querySelector('portico-case-form')!
  await waitUntil(() => form.shadowRoot!.querySelector('form'), 'the form never showed')
  return form
}

const root = (form: PorticoCaseForm) => form.shadowRoot!
const field = (form: PorticoCaseForm, name: string) =>
  root(form).querySelector<HTMLInputElement>(`#field-${name}`)!
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim()

async function type(form: PorticoCaseForm, name: string, value: string) {
  const input = field(form, name)
  input.value = value
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('blur'))
  await form.updateComplete
}

async function choose(form: PorticoCaseForm, name: string, value: string) {
  const select = root(form).querySelector<HTMLSelectElement>(`#field-${name}`)!
  select.value = value
  select.dispatchEvent(new Event('change'))
  await form.updateComplete
}

function addFiles(form: PorticoCaseForm, files: File[], how: 'input' | 'drop' = 'input') {
  const transfer = new DataTransfer()
  for (const file of files) transfer.items.add(file)
  if (how === 'drop') {
    const zone = root(form).querySelector('[part~="drop-zone"]')!
    zone.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    )
    return
  }
  const input = root(form).querySelector<HTMLInputElement>('input[type="file"]')!
  input.files = transfer.files
  input.dispatchEvent(new Event('change'))
}

/** A real PNG: the API sniffs the bytes. */
function pngFile(name = 'crushed-carton.png'): File {
  const bytes = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    ),
    (c) => c.charCodeAt(0),
  )
  return new File([bytes], name, { type: 'image/png' })
}

const submit = (form: PorticoCaseForm) =>
  root(form).querySelector<HTMLButtonElement>('[part~="submit"]')!.click()

describe('<portico-case-form> against the API', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'ap@cascadefab.com' })
  })

  it('checks a field as it is left and describes its problem to assistive technology', async () => {
    const form = await renderForm(session)
    expect(field(form, 'subject').getAttribute('aria-invalid')).to.equal('false')
    await type(form, 'subject', '   ')
    const subject = field(form, 'subject')
    expect(subject.getAttribute('aria-invalid')).to.equal('true')
    const errorId = subject.getAttribute('aria-describedby')!
    expect(text(root(form).getElementById(errorId))).to.equal('Please fill this in.')
    await type(form, 'subject', 'Wrong colour delivered')
    expect(field(form, 'subject').getAttribute('aria-invalid')).to.equal('false')
    await expect(form).to.be.accessible()
  })

  it('on submit lists the fields to correct and focuses the first one', async () => {
    const form = await renderForm(session)
    submit(form)
    await waitUntil(() => root(form).querySelector('[part~="error-summary"]'), 'no summary')
    const summary = root(form).querySelector('[part~="error-summary"]')!
    expect(text(summary)).to.include('Please correct 2 fields')
    expect(text(summary)).to.include('Subject: Please fill this in.')
    expect(text(summary)).to.include('Description: Please fill this in.')
    await waitUntil(() => root(form).activeElement === field(form, 'subject'), 'focus stayed')
    await expect(form).to.be.accessible()
  })

  it('shows the category’s own fields and checks them', async () => {
    const form = await renderForm(session)
    expect(root(form).querySelector('#field-batchNumber')).to.equal(null)
    await choose(form, 'category', 'quality')
    expect(root(form).querySelector('#field-batchNumber')).to.not.equal(null)
    expect(root(form).querySelector('#field-rmaRequested')).to.not.equal(null)
    await type(form, 'quantityAffected', 'twelve')
    expect(text(root(form).getElementById('error-quantityAffected'))).to.equal(
      'Enter a whole number.',
    )
    await choose(form, 'category', 'warranty')
    expect(root(form).querySelector('#field-batchNumber')).to.equal(null)
    expect(root(form).querySelector('#field-serialNumber')).to.not.equal(null)
    expect(field(form, 'purchaseDate').type).to.equal('date')
  })

  it('opened from an order, raises the case about it with its details and says so', async () => {
    session = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
    const order = await placeOrder(session, [{ sku: 'PP-HOMO-25', quantity: 20 }])
    const form = await renderForm(session, { orderId: order.id, category: 'quality' })
    expect(text(root(form).querySelector('form'))).to.include(`About order ${order.id}`)
    expect(root(form).querySelector<HTMLSelectElement>('#field-category')!.value).to.equal(
      'quality',
    )
    await type(form, 'subject', 'Brackets bent')
    await type(form, 'description', 'Half of the brackets are bent.')
    await type(form, 'batchNumber', 'B-2207')
    await type(form, 'quantityAffected', '12')
    const created = oneEvent(form, 'portico-case-created')
    submit(form)
    const { detail } = await created
    const stored = await unwrap(
      clientFor(session).GET('/v1/cases/{id}', { params: { path: { id: detail.caseId } } }),
    )
    expect(stored.related.orderId).to.equal(order.id)
    expect(stored.category).to.equal('quality')
    expect(stored.details).to.deep.equal({ batchNumber: 'B-2207', quantityAffected: '12' })
    await form.updateComplete
    expect(text(root(form).querySelector('[part~="created"]'))).to.include(
      `Case ${stored.number} was created.`,
    )
  })

  it('makes one case from a double click, and from a retry after a lost answer', async () => {
    const keys: string[] = []
    let loseNextAnswer = true
    const client = clientFor(session, async (request) => {
      const isCreate = request.method === 'POST' && new URL(request.url).pathname === '/v1/cases'
      if (isCreate) keys.push(request.headers.get('idempotency-key')!)
      const response = await fetch(request)
      if (isCreate && loseNextAnswer) {
        loseNextAnswer = false
        throw new TypeError('Failed to fetch')
      }
      return response
    })
    const form = await renderForm(session)
    form.client = client
    await type(form, 'subject', 'Invoice address wrong')
    await type(form, 'description', 'Our street is misspelt.')
    submit(form)
    submit(form)
    await waitUntil(() => form.controller.state === 'failed', 'the lost answer never showed')
    expect(keys).to.have.length(1)
    expect(text(root(form).querySelector('[part~="banner"]'))).to.include('could not be created')
    const created = oneEvent(form, 'portico-case-created')
    submit(form)
    const { detail } = await created
    expect(keys).to.have.length(2)
    expect(keys[1]).to.equal(keys[0])
    const page = await unwrap(
      clientFor(session).GET('/v1/cases', { params: { query: { limit: 100 } } }),
    )
    expect(
      page.data.filter((c) => c.subject === 'Invoice address wrong').map((c) => c.id),
    ).to.deep.equal([detail.caseId])
  })

  it('checks files before sending, uploads the rest with progress, dropped or chosen', async () => {
    const form = await renderForm(session)
    addFiles(form, [pngFile(), new File(['MZ'], 'setup.exe')])
    addFiles(form, [new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.pdf')], 'drop')
    await form.updateComplete
    const problems = [...root(form).querySelectorAll('[part~="file"]')].map(text)
    expect(problems[0]).to.include('crushed-carton.png').and.not.include('cannot')
    expect(problems[1]).to.include('This type of file cannot be attached.')
    expect(problems[2]).to.include('Larger than 10 MB')
    await type(form, 'subject', 'Crushed cartons')
    await type(form, 'description', 'See the photo.')
    const created = oneEvent(form, 'portico-case-created')
    submit(form)
    await waitUntil(
      () => root(form).querySelector('[part~="progress"]') || form.controller.state === 'created',
    )
    const { detail } = await created
    expect(detail.failedAttachments.map((f: File) => f.name)).to.deep.equal([
      'setup.exe',
      'huge.pdf',
    ])
    const attachment = form.controller.attachments[0]!
    expect(attachment.status).to.equal('done')
    expect(attachment.loaded).to.equal(attachment.file.size)
    const stored = await unwrap(
      clientFor(session).GET('/v1/cases/{id}', { params: { path: { id: detail.caseId } } }),
    )
    expect(stored.attachments.map((a) => [a.fileName, a.contentType])).to.deep.equal([
      ['crushed-carton.png', 'image/png'],
    ])
    expect(text(root(form).querySelector('[part~="created"]'))).to.include(
      '2 files could not be attached.',
    )
  })

  it('shows the API’s refusal of an attachment whose bytes lie about its type', async () => {
    const form = await renderForm(session)
    addFiles(form, [new File(['just text, not a picture'], 'photo.png', { type: 'image/png' })])
    await type(form, 'subject', 'Lying file')
    await type(form, 'description', 'The name says PNG.')
    const created = oneEvent(form, 'portico-case-created')
    submit(form)
    const { detail } = await created
    expect(detail.failedAttachments.map((f: File) => f.name)).to.deep.equal(['photo.png'])
    expect(form.controller.attachments[0]!.error!.problem!.code).to.equal('content_mismatch')
  })

  it('says an unknown order is refused, and creates nothing', async () => {
    const form = await renderForm(session, { orderId: 'ord_doesnotexist' })
    await type(form, 'subject', 'About a missing order')
    await type(form, 'description', 'This order does not exist.')
    submit(form)
    await waitUntil(() => form.controller.state === 'failed', 'never refused')
    await form.updateComplete
    const banner = root(form).querySelector('[part~="banner"]')!
    expect(text(banner)).to.include('The case could not be created.')
    expect(banner.getAttribute('role')).to.equal('alert')
    expect(form.controller.error!.status).to.be.within(400, 499)
  })

  it('a viewer hears that they may not raise cases', async () => {
    const viewer = await mintEmbedSession({
      email: 'ap@cascadefab.com',
      permissions: ['cases:read'],
    })
    const form = await renderForm(viewer)
    await type(form, 'subject', 'Not allowed')
    await type(form, 'description', 'Viewers read only.')
    submit(form)
    await waitUntil(() => form.controller.state === 'failed', 'never refused')
    await form.updateComplete
    expect(text(root(form).querySelector('[part~="banner"]'))).to.include(
      'You do not have permission to raise cases.',
    )
  })

  it('speaks German', async () => {
    const form = await renderForm(session, { locale: 'de' })
    await waitUntil(() => text(root(form).querySelector('.heading')) === 'Problem melden')
    expect(text(root(form).querySelector('label[for="field-subject"]'))).to.equal('Betreff')
  })
})
