import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { unwrap } from '@portico/sdk'
import {
  actAsAgent,
  clientFor,
  followLink,
  mintEmbedSession,
  raiseCase,
  type EmbedSession,
} from '../../test/portico-api.js'
import { uploadCaseAttachment } from '../cases/upload-attachment.js'
import '../index.js'
import type { CaseDetailState } from './case-detail.controller.js'
import type { PorticoCaseDetail } from './case-detail.js'

const settled: CaseDetailState[] = ['ready', 'not-found', 'error', 'unauthorized', 'forbidden']

async function renderDetail(
  session: EmbedSession,
  caseId: string,
  options: { live?: boolean; locale?: string } = {},
): Promise<PorticoCaseDetail> {
  const provider = await fixture(html`
    <portico-provider
      base-url=${session.baseUrl}
      client-secret=${session.clientSecret}
      locale=${options.locale ?? 'en'}
    >
      <portico-case-detail
        case-id=${caseId}
        live-updates=${options.live === false ? 'off' : 'on'}
      ></portico-case-detail>
    </portico-provider>
  `)
  const detail = provider.querySelector('portico-case-detail')!
  await waitUntil(() => settled.includes(detail.controller.state), 'never settled', {
    timeout: 8_000,
  })
  // A locale other than English loads its messages on demand: the skeleton
  // stays until they are in, whatever the data.
  await waitUntil(
    () => detail.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
    'messages never loaded',
  )
  await detail.updateComplete
  return detail
}

const root = (detail: PorticoCaseDetail) => detail.shadowRoot!
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u200b]+/g, ' ').trim()
const byPart = (detail: PorticoCaseDetail, part: string) =>
  root(detail).querySelector<HTMLElement>(`[part~="${part}"]`)
const comments = (detail: PorticoCaseDetail) =>
  [...root(detail).querySelectorAll('[part~="comment"]')].map((c) => c.getAttribute('part'))

async function reply(detail: PorticoCaseDetail, body: string) {
  const box = root(detail).querySelector<HTMLTextAreaElement>('#reply-body')!
  box.value = body
  box.dispatchEvent(new Event('input'))
  await detail.updateComplete
  root(detail).querySelector<HTMLButtonElement>('[part~="reply"] button[type="submit"]')!.click()
}

describe('<portico-case-detail> against the API', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession({ email: 'ap@cascadefab.com' })
  })

  it('shows the case: number, subject, status, SLA due, description, the empty thread', async () => {
    const raised = await raiseCase(session)
    const detail = await renderDetail(session, raised.id, { live: false })
    expect(text(byPart(detail, 'title'))).to.equal(`Case ${raised.number}`)
    expect(text(byPart(detail, 'status-badge'))).to.equal('New')
    expect(text(root(detail).querySelector('.subject'))).to.equal('Pallet arrived damaged')
    expect(text(byPart(detail, 'sla'))).to.match(
      /^First response due in \d+ (hours?|minutes?|days?)/,
    )
    expect(text(root(detail).querySelector('.section'))).to.include('Two cartons were crushed')
    expect(text(root(detail).querySelector('.hint'))).to.equal(
      'No replies yet. We will answer here.',
    )
    await expect(detail).to.be.accessible()
  })

  it('renders case text containing markup inert — the onerror never runs', async () => {
    const attack = '<img src=x onerror="window.__porticoPwned = true">'
    const raised = await raiseCase(session, { subject: attack, description: `Look: ${attack}` })
    await actAsAgent({ caseId: raised.id, body: `Agent quoting ${attack}` })
    const detail = await renderDetail(session, raised.id, { live: false })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(root(detail).querySelector('img')).to.equal(null)
    expect((window as { __porticoPwned?: boolean }).__porticoPwned).to.equal(undefined)
    expect(text(root(detail).querySelector('.subject'))).to.equal(attack)
    expect(text(byPart(detail, 'comment'))).to.include(attack)
  })

  it('sends a reply, refuses an empty one, and shows the customer’s side of the thread', async () => {
    const raised = await raiseCase(session)
    const detail = await renderDetail(session, raised.id, { live: false })
    await reply(detail, '   ')
    await detail.updateComplete
    const box = root(detail).querySelector('#reply-body')!
    expect(box.getAttribute('aria-invalid')).to.equal('true')
    expect(text(root(detail).getElementById('reply-problem'))).to.equal('Write a reply first.')
    await reply(detail, 'The delivery note number is DN-4471.')
    await waitUntil(() => comments(detail).length === 1, 'the reply never showed')
    expect(comments(detail)).to.deep.equal(['comment comment-customer'])
    expect(text(byPart(detail, 'comment'))).to.include('The delivery note number is DN-4471.')
    const stored = await unwrap(
      clientFor(session).GET('/v1/cases/{id}', { params: { path: { id: raised.id } } }),
    )
    expect(stored.comments.map((c) => c.body)).to.deep.equal([
      'The delivery note number is DN-4471.',
    ])
  })

  it('shows an agent’s answer live, without a reload, and announces it politely', async () => {
    const raised = await raiseCase(session)
    const detail = await renderDetail(session, raised.id)
    await waitUntil(() => detail.liveState === 'live', 'live updates never connected')
    await actAsAgent({ caseId: raised.id, body: 'We are sending replacements today.' })
    await waitUntil(() => comments(detail).length === 1, 'the answer never arrived', {
      timeout: 8_000,
    })
    expect(comments(detail)).to.deep.equal(['comment comment-agent'])
    expect(text(byPart(detail, 'comment'))).to.include('Dewi (Support)')
    const region = root(detail).querySelector('[role="status"]')!
    expect(region.getAttribute('aria-live')).to.equal('polite')
    await waitUntil(() => text(region) === 'New reply from Dewi (Support)', 'never announced')
    // The first response stops that SLA clock.
    await waitUntil(() => !text(byPart(detail, 'header'))!.includes('First response due'))
    await expect(detail).to.be.accessible()
  })

  it('says the SLA is paused while the case waits on the customer, instead of a countdown; a reply starts it again', async () => {
    const raised = await raiseCase(session)
    await actAsAgent({ caseId: raised.id, body: 'Could you send a photo of the label?' })
    await actAsAgent({ caseId: raised.id, status: 'waiting_on_customer' })
    const detail = await renderDetail(session, raised.id, { live: false })
    expect(text(byPart(detail, 'status-badge'))).to.equal('Waiting on you')
    const paused = byPart(detail, 'sla-paused')!
    expect(text(paused)).to.equal('SLA paused — waiting on your reply')
    expect(paused.querySelector('time'), 'no due time while it may still move').to.equal(null)
    expect(root(detail).querySelectorAll('[part~="sla"]').length).to.equal(1)
    expect(text(byPart(detail, 'header'))).not.to.include('Resolution due')
    await expect(detail).to.be.accessible()

    await reply(detail, 'Photo of the label attached.')
    await waitUntil(() => detail.controller.supportCase?.status === 'open', 'never back to open')
    await detail.updateComplete
    expect(byPart(detail, 'sla-paused')).to.equal(null)
    expect(text(byPart(detail, 'sla'))).to.match(/^Resolution due in \d+ (hours?|minutes?|days?)/)
    expect(byPart(detail, 'sla')!.querySelector('time')).to.not.equal(null)
  })

  it('says the SLA is paused in every language', async () => {
    const raised = await raiseCase(session)
    await actAsAgent({ caseId: raised.id, status: 'waiting_on_customer' })
    const expected: Record<string, string> = {
      de: 'SLA pausiert — wartet auf Ihre Antwort',
      fr: 'SLA en pause — en attente de votre réponse',
      it: 'SLA in pausa — in attesa di una tua risposta',
      id: 'SLA dijeda — menunggu balasan Anda',
    }
    for (const [locale, words] of Object.entries(expected)) {
      const detail = await renderDetail(session, raised.id, { live: false, locale })
      await waitUntil(() => text(byPart(detail, 'sla-paused')) === words, `not in ${locale}`)
    }
  })

  it('closes the case, explains why the reply box is gone, and reopens it', async () => {
    const raised = await raiseCase(session)
    const detail = await renderDetail(session, raised.id, { live: false })
    byPart(detail, 'close-button')!.click()
    await waitUntil(() => detail.controller.supportCase?.status === 'closed', 'never closed')
    await detail.updateComplete
    expect(text(byPart(detail, 'status-badge'))).to.equal('Closed')
    expect(root(detail).querySelector('#reply-body')).to.equal(null)
    expect(text(root(detail).getElementById('reply-closed'))).to.equal(
      'This case is closed. Reopen it to reply.',
    )
    await expect(detail).to.be.accessible()
    byPart(detail, 'reopen-button')!.click()
    await waitUntil(() => detail.controller.supportCase?.status !== 'closed', 'never reopened')
    await detail.updateComplete
    expect(root(detail).querySelector('#reply-body')).to.not.equal(null)
  })

  it('downloads an attachment through a signed link', async () => {
    const raised = await raiseCase(session)
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    )
    const uploaded = await uploadCaseAttachment(
      clientFor(session),
      raised.id,
      new File([png], 'carton.png', { type: 'image/png' }),
    )
    expect('data' in uploaded).to.equal(true)
    const detail = await renderDetail(session, raised.id, { live: false })
    const button = byPart(detail, 'attachment-button')!
    expect(text(button)).to.equal('carton.png')
    detail.addEventListener('portico-attachment-open', (event) => event.preventDefault())
    const opened = oneEvent(detail, 'portico-attachment-open')
    button.click()
    const { detail: open } = await opened
    expect(open.attachment.fileName).to.equal('carton.png')
    const followed = await followLink(open.url)
    expect(followed.status).to.equal(200)
    expect(followed.disposition).to.include('attachment')
  })

  it('says another account’s case does not exist', async () => {
    const raised = await raiseCase(session)
    const other = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
    const detail = await renderDetail(other, raised.id, { live: false })
    expect(detail.controller.state).to.equal('not-found')
    expect(text(byPart(detail, 'error'))).to.equal(
      'This case does not exist, or it belongs to another account.',
    )
    await expect(detail).to.be.accessible()
  })

  it('says when the credential may not read cases', async () => {
    const raised = await raiseCase(session)
    const narrow = await mintEmbedSession({ permissions: ['invoices:read'] })
    const detail = await renderDetail(narrow, raised.id, { live: false })
    expect(detail.controller.state).to.equal('forbidden')
    expect(text(byPart(detail, 'error'))).to.equal('You do not have permission to see cases.')
  })

  it('speaks Italian', async () => {
    const raised = await raiseCase(session)
    const detail = await renderDetail(session, raised.id, { live: false, locale: 'it' })
    await waitUntil(() => text(byPart(detail, 'title')) === `Richiesta ${raised.number}`)
    expect(text(byPart(detail, 'status-badge'))).to.equal('Nuova')
  })
})
