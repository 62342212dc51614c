import { expect, fixture, html } from '@open-wc/testing'
import { LitElement } from 'lit'
import { property } from 'lit/decorators.js'
import { defineCatalogue, type LocaleModule } from './catalogue.js'
import { LocalizeController } from './localize.controller.js'

interface Greeting {
  hello: string
}

/** A German module the test hands out when it wants to, or fails. */
function deferred() {
  let resolve!: (module: LocaleModule<Greeting>) => void
  let reject!: (error: Error) => void
  const promise = new Promise<LocaleModule<Greeting>>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

let german = deferred()
const never = () => new Promise<never>(() => {})
const catalogue = defineCatalogue({
  en: { hello: 'Hello' },
  load: { de: () => german.promise, fr: never, it: never, id: never },
})

/** Renders its greeting, or "…" while it has no messages. */
class GreetingHost extends LitElement {
  @property() locale?: string
  readonly localize = new LocalizeController(this, { catalogue, locale: () => this.locale })
  protected override render() {
    return html`<p lang=${this.localize.locale}>${this.localize.messages?.hello ?? '…'}</p>`
  }
}
customElements.define('greeting-host', GreetingHost)

const shown = (host: GreetingHost) => host.shadowRoot!.querySelector('p')!.textContent
const settle = () => new Promise((resolve) => setTimeout(resolve))

describe('LocalizeController', () => {
  beforeEach(() => {
    german = deferred()
  })

  it('renders English at once: it is bundled', async () => {
    const host = await fixture<GreetingHost>(html`<greeting-host locale="en-GB"></greeting-host>`)
    expect(shown(host)).to.equal('Hello')
    expect(host.localize.locale).to.equal('en-GB')
  })

  it('has no messages until another language has arrived, then renders in it', async () => {
    const host = await fixture<GreetingHost>(html`<greeting-host locale="de-CH"></greeting-host>`)
    expect(host.localize.messages).to.equal(undefined)
    expect(shown(host)).to.equal('…')

    german.resolve({ messages: { hello: 'Hallo' } })
    await settle()
    await host.updateComplete
    expect(shown(host)).to.equal('Hallo')
    expect(host.localize.language).to.equal('de')
    expect(host.localize.locale).to.equal('de-CH')
  })

  it('follows a locale changed while the previous one was loading', async () => {
    const host = await fixture<GreetingHost>(html`<greeting-host locale="de"></greeting-host>`)
    host.locale = 'en'
    await host.updateComplete
    expect(shown(host)).to.equal('Hello')

    german.resolve({ messages: { hello: 'Hallo' } })
    await settle()
    await host.updateComplete
    expect(shown(host)).to.equal('Hello')
  })

  it('falls back to English when a language cannot be loaded', async () => {
    const warn = console.warn
    const warnings: unknown[][] = []
    console.warn = (...args: unknown[]) => warnings.push(args)
    try {
      // A fresh catalogue: the German one above may have loaded by now.
      const failing = defineCatalogue({
        en: { hello: 'Hello' },
        load: {
          de: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
          fr: never,
          it: never,
          id: never,
        },
      })
      const host = await fixture<GreetingHost>(html`<greeting-host></greeting-host>`)
      const localize = new LocalizeController(host, { catalogue: failing, locale: () => 'de' })
      host.requestUpdate()
      await host.updateComplete
      expect(localize.messages).to.equal(undefined)
      await settle()
      expect(localize.messages?.hello).to.equal('Hello')
      expect(localize.locale).to.equal('en')
      expect(String(warnings[0]?.[0])).to.contain('the de messages could not be loaded')
    } finally {
      console.warn = warn
    }
  })
})
