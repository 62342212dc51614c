import { expect, waitUntil } from '@open-wc/testing'
import { invoiceNumbers, mintEmbedSession, type EmbedSession } from '../test/portico-api.js'

// The CDN files as a <script type="module"> would load them, each in a page
// of its own: an iframe, with its own custom-element registry, so one file
// never finds the elements of another already defined. Built by `pnpm build`.

const elements = [
  'invoice-list',
  'order-list',
  'order-tracker',
  'quick-order',
  'invoice-detail',
  'pay-invoices',
  'document-center',
  'contract-list',
  'case-form',
  'case-detail',
  'case-list',
  'activity-feed',
]

/** A page that loads `dist/cdn/<file>` and holds `body`; resolves once it has loaded. */
async function pageWith(file: string, body = ''): Promise<Window> {
  const src = new URL(`../dist/cdn/${file}`, import.meta.url).href
  const frame = document.createElement('iframe')
  frame.srcdoc = `<!doctype html><script type="module" src="${src}"></script>${body}`
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
  document.body.append(frame)
  await loaded
  const page = frame.contentWindow!
  if (!page.customElements.get('portico-provider')) {
    throw new Error(`${src} defined nothing: run \`pnpm build\` first`)
  }
  return page
}

/** An invoice list inside a provider for `session`, in `locale`. */
const invoiceList = (session: EmbedSession, locale: string) => `
  <portico-provider base-url="${session.baseUrl}" client-secret="${session.clientSecret}" locale="${locale}">
    <portico-invoice-list page-size="4"></portico-invoice-list>
  </portico-provider>`

/** Waits for the list's rows and returns its shadow root. */
async function rendered(page: Window): Promise<ShadowRoot> {
  const list = page.document.querySelector('portico-invoice-list')!
  const numbers = () => list.shadowRoot?.querySelectorAll('tbody [part="invoice-number"]') ?? []
  await waitUntil(() => numbers().length === 4, 'no rows rendered', { timeout: 8_000 })
  return list.shadowRoot!
}

const text = (element: Element | null) => element?.textContent?.trim()

/** The language chunks a page fetched: `invoice-list.de`, `i18n.de`, … */
const languageChunks = (page: Window) =>
  page.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name.match(/\/dist\/cdn\/chunks\/([\w-]+\.[a-z]{2})-[\w-]+\.js$/)?.[1])
    .filter(Boolean)
    .sort()

describe('the CDN file with every element (dist/cdn/portico.js)', () => {
  it('defines every element', async () => {
    const page = await pageWith('portico.js')
    for (const tag of ['portico-provider', ...elements.map((name) => `portico-${name}`)]) {
      expect(page.customElements.get(tag), tag).to.be.a('function')
    }
  })

  it('renders invoices from the API with nothing but markup', async () => {
    const session = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
    const page = await pageWith('portico.js', invoiceList(session, 'id'))
    const shadow = await rendered(page)
    const numbers = [...shadow.querySelectorAll('tbody [part="invoice-number"]')].map(text)
    expect(numbers).to.deep.equal(await invoiceNumbers(session, { limit: 4 }))
    expect(text(shadow.querySelector('thead th'))).to.equal('Nomor')
    expect(shadow.querySelector('tbody td[part~="amount"]')!.textContent).to.match(/^\s*Rp/)
  })
})

describe('the CDN file of one element (dist/cdn/<element>.js)', () => {
  for (const name of elements) {
    it(`${name}.js defines the provider and <portico-${name}>, nothing else`, async () => {
      const page = await pageWith(`${name}.js`)
      for (const other of elements) {
        const defined = page.customElements.get(`portico-${other}`)
        if (other === name) expect(defined, other).to.be.a('function')
        else expect(defined, other).to.equal(undefined)
      }
    })
  }

  it('invoice-list.js renders invoices in German, its messages fetched from chunks/ beside it', async () => {
    const session = await mintEmbedSession({ email: 'ap@brandt-maschinenbau.de' })
    const page = await pageWith('invoice-list.js', invoiceList(session, 'de'))
    const shadow = await rendered(page)
    expect(text(shadow.querySelector('caption'))).to.equal('Rechnungen')
    expect(text(shadow.querySelector('thead th'))).to.equal('Nummer')
    expect(text(shadow.querySelector('[part="load-more"]'))).to.equal('Weitere laden')
    expect(shadow.querySelector('tbody td[part~="amount"]')!.textContent).to.match(/\d,\d\d\s€/)
    expect(languageChunks(page)).to.deep.equal(['i18n.de', 'invoice-list.de'])
  })

  it('invoice-list.js fetches no language chunk for a page in English', async () => {
    const session = await mintEmbedSession()
    const page = await pageWith('invoice-list.js', invoiceList(session, 'en'))
    const shadow = await rendered(page)
    expect(text(shadow.querySelector('thead th'))).to.equal('Number')
    expect(languageChunks(page)).to.deep.equal([])
  })
})
