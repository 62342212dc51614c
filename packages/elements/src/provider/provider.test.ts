import { consume } from '@lit/context'
import { expect, fixture, html, waitUntil } from '@open-wc/testing'
import { createPortalClient } from '@portico/sdk'
import { LitElement } from 'lit'
import { mintEmbedSession } from '../../test/portico-api.js'
import { resolveLocale } from '../i18n/languages.js'
import '../index.js'
import type { PorticoInvoiceList } from '../invoice-list/invoice-list.js'
import type { PorticoProvider } from './provider.js'
import { porticoContext, type PorticoContext } from './portico-context.js'

/** The smallest consumer: records what the provider gives it. */
class ContextProbe extends LitElement {
  @consume({ context: porticoContext, subscribe: true })
  portico?: PorticoContext
}
customElements.define('context-probe', ContextProbe)

async function provided(provider: PorticoProvider): Promise<PorticoContext> {
  await provider.updateComplete
  const probe = provider.querySelector<ContextProbe>('context-probe')!
  await waitUntil(() => probe.portico?.client, 'no client was provided')
  return probe.portico!
}

describe('<portico-provider>', () => {
  it('provides a client, the locale and Intl formatters', async () => {
    const provider = await fixture<PorticoProvider>(html`
      <portico-provider base-url="https://portal.example.com" token="pst_x" locale="de">
        <context-probe></context-probe>
      </portico-provider>
    `)
    const context = await provided(provider)
    expect(context.locale).to.equal('de')
    expect(context.formatters.money(123456, 'EUR')).to.equal('1.234,56\u00a0€')
    expect(context.formatters.date('2026-03-01')).to.equal('01.03.2026')
    expect(context.client).to.have.property('GET').that.is.a('function')
  })

  it('defaults the locale to the browser’s', async () => {
    const provider = await fixture<PorticoProvider>(html`
      <portico-provider token="pst_x"><context-probe></context-probe></portico-provider>
    `)
    expect((await provided(provider)).locale).to.equal(resolveLocale(navigator.language).locale)
  })

  it('provides a ready client property instead of building one', async () => {
    const client = createPortalClient({ baseUrl: 'https://elsewhere.example' })
    const provider = await fixture<PorticoProvider>(html`
      <portico-provider token="pst_x" .client=${client}
        ><context-probe></context-probe
      ></portico-provider>
    `)
    expect((await provided(provider)).client).to.equal(client)
  })

  it('re-provides when an attribute changes', async () => {
    const provider = await fixture<PorticoProvider>(html`
      <portico-provider token="pst_x" locale="en"><context-probe></context-probe></portico-provider>
    `)
    const before = await provided(provider)
    provider.setAttribute('locale', 'fr')
    await provider.updateComplete
    const after = provider.querySelector<ContextProbe>('context-probe')!.portico!
    expect(after.locale).to.equal('fr')
    expect(after.client).not.to.equal(before.client)
  })

  it('sends the session cookie, and no bearer token, without a secret or token', async () => {
    const provider = await fixture<PorticoProvider>(html`
      <portico-provider><context-probe></context-probe></portico-provider>
    `)
    const { client } = await provided(provider)
    const original = window.fetch
    let sent: Request | undefined
    window.fetch = async (input) => {
      sent = input as Request
      return new Response('{"data":[],"nextCursor":null}', {
        headers: { 'content-type': 'application/json' },
      })
    }
    try {
      await client!.GET('/v1/invoices', { params: { query: {} } })
    } finally {
      window.fetch = original
    }
    expect(sent?.credentials).to.equal('include')
    expect(sent?.headers.has('authorization')).to.equal(false)
    expect(new URL(sent!.url).origin).to.equal(location.origin)
  })

  it('lets the list recover when the page hands it a fresh embed secret', async () => {
    const expired = await mintEmbedSession({ expired: true })
    const provider = await fixture<PorticoProvider>(html`
      <portico-provider base-url=${expired.baseUrl} client-secret=${expired.clientSecret}>
        <portico-invoice-list page-size="3"></portico-invoice-list>
      </portico-provider>
    `)
    const list = provider.querySelector<PorticoInvoiceList>('portico-invoice-list')!
    await waitUntil(() => list.controller.state === 'unauthorized', 'not unauthorized')

    const fresh = await mintEmbedSession()
    provider.clientSecret = fresh.clientSecret
    await waitUntil(() => list.controller.state === 'ready', 'did not reload')
    expect(list.controller.items).to.have.length(3)
  })

  it('serves elements defined before it (context requests are replayed)', async () => {
    const session = await mintEmbedSession()
    // An element upgraded inside a provider that is not yet defined asks for
    // the context before anyone can answer.
    const host = document.createElement('div')
    host.innerHTML = `<portico-provider-late base-url="${session.baseUrl}" client-secret="${session.clientSecret}"><portico-invoice-list page-size="2"></portico-invoice-list></portico-provider-late>`
    document.body.append(host)
    const list = host.querySelector<PorticoInvoiceList>('portico-invoice-list')!
    await list.updateComplete
    expect(list.controller.state).to.equal('idle')

    const { PorticoProvider } = await import('./provider.js')
    customElements.define('portico-provider-late', class extends PorticoProvider {})
    await waitUntil(() => list.controller.state === 'ready', 'the list never got a client')
    host.remove()
  })
})
