import { expect, fixture, waitUntil } from '@open-wc/testing'
import { invoiceNumbers, mintEmbedSession } from '../test/portico-api.js'

// The CDN bundle as a <script type="module"> would load it: one file, Lit
// included, every element defined. Built by `pnpm build`.
const bundle = new URL('../dist/cdn/portico.js', import.meta.url).href

describe('the CDN bundle (dist/cdn/portico.js)', () => {
  before(async () => {
    try {
      await import(/* @vite-ignore */ bundle)
    } catch (error) {
      throw new Error(`could not load ${bundle}: run \`pnpm build\` first (${error})`)
    }
  })

  it('defines every element', () => {
    expect(customElements.get('portico-provider')).to.be.a('function')
    for (const tag of [
      'portico-invoice-list',
      'portico-quick-order',
      'portico-order-list',
      'portico-order-tracker',
    ]) {
      expect(customElements.get(tag), tag).to.be.a('function')
    }
  })

  it('renders invoices from the API with nothing but markup', async () => {
    const session = await mintEmbedSession({ email: 'buyer@sinarjaya.co.id' })
    const provider = await fixture(`
      <portico-provider base-url="${session.baseUrl}" client-secret="${session.clientSecret}" locale="id">
        <portico-invoice-list page-size="4"></portico-invoice-list>
      </portico-provider>
    `)
    const list = provider.querySelector('portico-invoice-list')!
    const numbers = () =>
      [...(list.shadowRoot?.querySelectorAll('tbody [part="invoice-number"]') ?? [])].map((b) =>
        b.textContent!.trim(),
      )
    await waitUntil(() => numbers().length === 4, 'no rows rendered', { timeout: 8_000 })
    expect(numbers()).to.deep.equal(await invoiceNumbers(session, { limit: 4 }))
    expect(list.shadowRoot!.querySelector('thead th')!.textContent!.trim()).to.equal('Nomor')
    expect(list.shadowRoot!.querySelector('tbody td[part~="amount"]')!.textContent).to.match(
      /^\s*Rp/,
    )
  })
})
