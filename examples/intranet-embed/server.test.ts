import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startTestServer } from '@portico/api/testing'
import { startIntranetServer } from './server.js'

/** The attributes of the `<portico-provider>` tag in a page. */
function providerAttributes(html: string): Record<string, string> {
  const tag = /<portico-provider\b([^>]*)>/.exec(html)?.[1]
  assert.ok(tag, 'the page has a <portico-provider>')
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
}

/** `GET /v1/invoices` as a browser on `origin` would send it with the secret. */
function listInvoices(porticoUrl: string, secret: string, origin: string) {
  return fetch(`${porticoUrl}/v1/invoices?limit=1`, {
    headers: { authorization: `Bearer ${secret}`, origin },
  })
}

describe('the intranet embeds Portico through an embed session', () => {
  let portico: Awaited<ReturnType<typeof startTestServer>>
  let intranet: Awaited<ReturnType<typeof startIntranetServer>>

  before(async () => {
    // Serve the built components like `pnpm start` does (the root test script builds first).
    const cdnDir = fileURLToPath(new URL('../../packages/elements/dist/cdn', import.meta.url))
    portico = await startTestServer({ env: { PORTICO_CDN_DIR: cdnDir } })
    intranet = await startIntranetServer({
      port: 0,
      porticoUrl: portico.baseUrl,
      operatorKey: portico.operatorKey,
    })
  })

  after(async () => {
    await intranet?.close()
    await portico?.close()
  })

  test('the page carries a provider with a pes_ secret, the CDN bundle and German locale', async () => {
    const response = await fetch(`${intranet.origin}/`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('cache-control'), 'no-store')
    const html = await response.text()
    const provider = providerAttributes(html)
    assert.match(provider['client-secret'] ?? '', /^pes_/)
    assert.equal(provider['base-url'], portico.baseUrl)
    assert.equal(provider.locale, 'de')
    assert.ok(
      html.includes(`<script type="module" src="${portico.baseUrl}/cdn/invoice-list.js">`),
      'the invoices page loads the invoice list’s own CDN file',
    )
    assert.ok(html.includes('<portico-invoice-list'))
    assert.ok(!html.includes(portico.operatorKey), 'the operator key never reaches the browser')
    const csp = response.headers.get('content-security-policy') ?? ''
    assert.match(csp, new RegExp(`script-src 'self' ${portico.baseUrl}`))
  })

  test('the secret works from the intranet origin and is refused from any other', async () => {
    const html = await (await fetch(`${intranet.origin}/`)).text()
    const secret = providerAttributes(html)['client-secret']!

    const own = await listInvoices(portico.baseUrl, secret, intranet.origin)
    assert.equal(own.status, 200)
    assert.equal(own.headers.get('access-control-allow-origin'), intranet.origin)
    const page = (await own.json()) as { data: Array<{ number: string }> }
    assert.match(page.data[0]?.number ?? '', /^RE-/, 'Brandt Maschinenbau invoices')

    const other = await listInvoices(portico.baseUrl, secret, 'http://evil.example')
    assert.equal(other.status, 401)
    assert.equal(other.headers.get('access-control-allow-origin'), null)

    const noOrigin = await fetch(`${portico.baseUrl}/v1/invoices?limit=1`, {
      headers: { authorization: `Bearer ${secret}` },
    })
    assert.equal(noOrigin.status, 401, 'a server holding a leaked secret gets nothing')
  })

  test('/portico-session mints a fresh secret before the old one expires', async () => {
    const response = await fetch(`${intranet.origin}/portico-session`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('cache-control'), 'no-store')
    const session = (await response.json()) as {
      clientSecret: string
      expiresAt: string
      refreshInSeconds: number
    }
    assert.match(session.clientSecret, /^pes_/)
    const lifetime = (Date.parse(session.expiresAt) - Date.now()) / 1000
    assert.ok(lifetime > 0 && lifetime <= 900, `expires within 15 minutes (${lifetime} s)`)
    assert.ok(session.refreshInSeconds < lifetime, 'the page refreshes before expiry')
    const own = await listInvoices(portico.baseUrl, session.clientSecret, intranet.origin)
    assert.equal(own.status, 200)
  })

  test('the purchasing page embeds the order list and tracker as the buyer, with only what they need', async () => {
    const response = await fetch(`${intranet.origin}/einkauf`)
    assert.equal(response.status, 200)
    const html = await response.text()
    assert.ok(html.includes('<portico-order-list'))
    assert.ok(html.includes('<portico-order-tracker'))
    const provider = providerAttributes(html)
    assert.equal(provider['data-session'], 'bestellungen')
    const secret = provider['client-secret']!
    const headers = { authorization: `Bearer ${secret}`, origin: intranet.origin }

    const orders = await fetch(`${portico.baseUrl}/v1/orders?limit=1`, { headers })
    assert.equal(orders.status, 200, 'orders:read')
    const invoices = await fetch(`${portico.baseUrl}/v1/invoices?limit=1`, { headers })
    assert.equal(invoices.status, 403, 'the purchasing page cannot read invoices')
    const catalog = await fetch(`${portico.baseUrl}/v1/catalog?limit=1`, { headers })
    assert.equal(catalog.status, 403, 'nor the catalog it does not show')
  })

  test('an order in the address opens in the tracker; anything else is ignored', async () => {
    const open = await (await fetch(`${intranet.origin}/einkauf?bestellung=ord_01abc`)).text()
    assert.match(open, /<portico-order-tracker heading-level="2" order-id="ord_01abc">/)
    const hostile = await (
      await fetch(`${intranet.origin}/einkauf?bestellung=${encodeURIComponent('"><script>x')}`)
    ).text()
    assert.ok(!hostile.includes('<script>x'))
    assert.match(hostile, /<portico-order-tracker heading-level="2"><\/portico-order-tracker>/)
  })

  test('the ordering page lets the buyer see prices and credit and place orders', async () => {
    const html = await (await fetch(`${intranet.origin}/einkauf/bestellen`)).text()
    assert.ok(html.includes('<portico-quick-order'))
    const provider = providerAttributes(html)
    assert.equal(provider['data-session'], 'bestellen')
    const headers = {
      authorization: `Bearer ${provider['client-secret']}`,
      origin: intranet.origin,
    }
    const me = (await (await fetch(`${portico.baseUrl}/v1/me`, { headers })).json()) as {
      user: { email: string }
      permissions: string[]
    }
    assert.equal(me.user.email, 'einkauf@brandt-maschinenbau.de')
    assert.deepEqual([...me.permissions].sort(), [
      'catalog:read',
      'credit:read',
      'orders:read',
      'orders:write',
      'profile:read',
    ])
    const credit = await fetch(`${portico.baseUrl}/v1/credit`, { headers })
    assert.equal(credit.status, 200)
  })

  test('/portico-session mints the session of the page that asks', async () => {
    const response = await fetch(`${intranet.origin}/portico-session?fuer=bestellungen`)
    assert.equal(response.status, 200)
    const { clientSecret } = (await response.json()) as { clientSecret: string }
    const orders = await fetch(`${portico.baseUrl}/v1/orders?limit=1`, {
      headers: { authorization: `Bearer ${clientSecret}`, origin: intranet.origin },
    })
    assert.equal(orders.status, 200)
    assert.equal((await fetch(`${intranet.origin}/portico-session?fuer=admin`)).status, 404)
  })

  test('the CDN files and their German chunks are loadable as module scripts from the intranet origin', async () => {
    const load = async (path: string) => {
      const response = await fetch(`${portico.baseUrl}/cdn/${path}`, {
        headers: { origin: intranet.origin },
      })
      assert.equal(response.status, 200, path)
      assert.match(response.headers.get('content-type') ?? '', /javascript/, path)
      const allowed = response.headers.get('access-control-allow-origin')
      assert.ok(allowed === '*' || allowed === intranet.origin, path)
      return response.text()
    }
    await load('portico.js')
    await load('quick-order.js')
    const invoiceList = await load('invoice-list.js')
    // German, the intranet's language, arrives in chunks the file imports on demand.
    const german = [...invoiceList.matchAll(/"\.\/(chunks\/[\w-]+\.de-[\w-]+\.js)"/g)]
    assert.equal(german.length, 2, 'the invoice list’s German and the shared German')
    for (const [, chunk] of german) await load(chunk!)
  })
})

describe('the intranet explains a broken connection to Portico', () => {
  test('a wrong operator key gives a German error page, not a stack trace', async () => {
    const portico = await startTestServer()
    const intranet = await startIntranetServer({
      port: 0,
      porticoUrl: portico.baseUrl,
      operatorKey: 'sk_wrong_key',
      log: () => {},
    })
    try {
      const response = await fetch(`${intranet.origin}/`)
      assert.equal(response.status, 502)
      const html = await response.text()
      assert.match(html, /Zugangsschlüssel/)
      assert.match(html, /PORTICO_OPERATOR_KEY/)
      assert.ok(!html.includes('<portico-provider'))
      assert.equal((await fetch(`${intranet.origin}/portico-session`)).status, 502)
    } finally {
      await intranet.close()
      await portico.close()
    }
  })

  test('an unreachable Portico gives a German error page', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    const intranet = await startIntranetServer({
      port: 0,
      porticoUrl: 'http://127.0.0.1:9',
      operatorKey: 'sk_demo_portico_operator_key',
      log: () => {},
    })
    try {
      const response = await fetch(`${intranet.origin}/`)
      assert.equal(response.status, 503)
      assert.match(await response.text(), /Lieferantenportal nicht erreichbar/)
    } finally {
      await intranet.close()
    }
  })
})
