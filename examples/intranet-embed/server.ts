/**
 * "Brandt Maschinenbau GmbH — Intranet": third-party pages that embed
 * Portico's components through embed sessions — the supplier's invoices for
 * accounts payable, its orders (live) and reordering for purchasing.
 *
 * The operator key stays here, on the server. For each page view (and every
 * refresh) it mints a short-lived client secret for the signed-in employee,
 * bound to this intranet's origin; the browser only ever sees that secret.
 *
 *   PORT=8788 PORTICO_URL=http://localhost:8787 node --import tsx server.ts
 */
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { EmbedSessionError, mintEmbedSession, type EmbedSession } from './src/embed-session.js'
import {
  errorPage,
  invoicesPage,
  notFoundPage,
  orderingPage,
  ordersPage,
  type Employee,
} from './src/pages.js'

export interface IntranetOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number
  /** Where Portico runs (its API and its `/cdn/portico.js`). */
  porticoUrl: string
  operatorKey: string
  /** This intranet's origin as browsers see it; default `http://localhost:<port>`. */
  publicOrigin?: string | undefined
  /** Lifetime of each client secret, 60–900 s (default 900). */
  ttlSeconds?: number | undefined
  /** Where failures to reach Portico are reported (default: stderr). */
  log?: (message: string) => void
}

/** The signed-in employee. A real intranet takes this from its single sign-on. */
export const employee: Employee = {
  name: 'Katrin Vogel',
  email: 'ap@brandt-maschinenbau.de',
  department: 'Kreditorenbuchhaltung',
}

/**
 * The buyer, whom the purchasing pages show. (In this demo each department's
 * pages are seen as that department's employee; a real intranet knows who is
 * signed in.)
 */
export const buyer: Employee = {
  name: 'Lena Hoffmann',
  email: 'einkauf@brandt-maschinenbau.de',
  department: 'Einkauf',
}

/**
 * Each page's embed session: whose it is, and only the permissions its
 * widgets need. `/portico-session?fuer=<name>` mints the same again.
 */
const EMBEDS = {
  // <portico-invoice-list>
  rechnungen: { employee, permissions: ['invoices:read'] },
  // <portico-order-list> + <portico-order-tracker>: read, follow live, cancel.
  bestellungen: { employee: buyer, permissions: ['orders:read', 'orders:write', 'events:read'] },
  // <portico-quick-order>: the role (profile), prices, credit, placing.
  bestellen: {
    employee: buyer,
    permissions: ['profile:read', 'catalog:read', 'credit:read', 'orders:read', 'orders:write'],
  },
} as const satisfies Record<string, { employee: Employee; permissions: readonly string[] }>

type EmbedName = keyof typeof EMBEDS

const ASSETS: Record<string, string> = {
  '/assets/intranet.css': 'text/css; charset=utf-8',
  '/assets/portico-session.js': 'text/javascript; charset=utf-8',
  '/assets/invoice-selection.js': 'text/javascript; charset=utf-8',
  '/assets/order-selection.js': 'text/javascript; charset=utf-8',
  '/assets/portico-fallback.js': 'text/javascript; charset=utf-8',
  '/assets/favicon.svg': 'image/svg+xml',
}

/**
 * The page's own policy: scripts from here and from Portico's CDN, API calls
 * to here and to Portico. Embedding needs nothing looser.
 */
function contentSecurityPolicy(porticoOrigin: string) {
  return [
    "default-src 'self'",
    `script-src 'self' ${porticoOrigin}`,
    `connect-src 'self' ${porticoOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...headers,
  })
  res.end(body)
}

/** What the employee reads when no secret could be minted, and the status to answer with. */
function describeFailure(error: EmbedSessionError, porticoUrl: string) {
  switch (error.kind) {
    case 'unreachable':
      return {
        status: 503,
        title: 'Lieferantenportal nicht erreichbar',
        message:
          'Das Kundenportal unseres Lieferanten antwortet gerade nicht. Bitte versuchen Sie es in ein paar Minuten erneut.',
        detail: `${error.message} (PORTICO_URL=${porticoUrl})`,
      }
    case 'unauthorized':
      return {
        status: 502,
        title: 'Anbindung an das Lieferantenportal gestört',
        message:
          'Das Lieferantenportal hat den Zugangsschlüssel des Intranets abgelehnt. Bitte melden Sie das dem IT-Service (Durchwahl -100).',
        detail: `Operator-Schlüssel abgelehnt (401): ${error.message} Bitte PORTICO_OPERATOR_KEY prüfen.`,
      }
    case 'rejected':
      return {
        status: 502,
        title: 'Anbindung an das Lieferantenportal gestört',
        message: 'Das Lieferantenportal hat die Anfrage des Intranets abgelehnt.',
        detail: `${error.status ?? ''} ${error.message}`.trim(),
      }
  }
}

/** Starts the intranet; resolves once it listens. */
export async function startIntranetServer(options: IntranetOptions) {
  const porticoUrl = options.porticoUrl.replace(/\/+$/, '')
  const porticoOrigin = new URL(porticoUrl).origin
  let origin = options.publicOrigin
  const log = options.log ?? ((message: string) => console.error(message))

  const mint = (name: EmbedName) =>
    mintEmbedSession({
      porticoUrl,
      operatorKey: options.operatorKey,
      email: EMBEDS[name].employee.email,
      origin: origin!,
      ttlSeconds: options.ttlSeconds,
      permissions: EMBEDS[name].permissions,
    })

  /** A page with Portico widgets, or the German error page when no secret could be minted. */
  async function embedPage(
    res: ServerResponse,
    name: EmbedName,
    render: (session: EmbedSession) => string,
  ) {
    const headers = {
      'content-security-policy': contentSecurityPolicy(porticoOrigin),
      'cache-control': 'no-store',
    }
    try {
      return send(res, 200, 'text/html; charset=utf-8', render(await mint(name)), headers)
    } catch (error) {
      if (!(error instanceof EmbedSessionError)) throw error
      const { status, ...text } = describeFailure(error, porticoUrl)
      log(`intranet: no embed session: ${error.kind}: ${error.message}`)
      return send(
        res,
        status,
        'text/html; charset=utf-8',
        errorPage({ employee: EMBEDS[name].employee, ...text }),
        headers,
      )
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://intranet')
    const path = url.pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { allow: 'GET' })
    }

    if (path === '/') {
      return embedPage(res, 'rechnungen', (session) =>
        invoicesPage({ employee, porticoUrl, session }),
      )
    }

    if (path === '/einkauf') {
      // Only something shaped like an order ID reaches the page (and it is escaped there).
      const requested = url.searchParams.get('bestellung') ?? ''
      const orderId = /^ord_[A-Za-z0-9]{1,60}$/.test(requested) ? requested : undefined
      return embedPage(res, 'bestellungen', (session) =>
        ordersPage({ employee: buyer, porticoUrl, session, orderId }),
      )
    }

    if (path === '/einkauf/bestellen') {
      return embedPage(res, 'bestellen', (session) =>
        orderingPage({ employee: buyer, porticoUrl, session }),
      )
    }

    // The page's script asks for a fresh secret shortly before the current one expires.
    if (path === '/portico-session') {
      const name = url.searchParams.get('fuer') ?? 'rechnungen'
      if (!Object.hasOwn(EMBEDS, name)) {
        return send(res, 404, 'application/json', JSON.stringify({ error: 'unknown_embed' }))
      }
      try {
        return send(res, 200, 'application/json', JSON.stringify(await mint(name as EmbedName)), {
          'cache-control': 'no-store',
        })
      } catch (error) {
        if (!(error instanceof EmbedSessionError)) throw error
        return send(res, 502, 'application/json', JSON.stringify({ error: error.kind }), {
          'cache-control': 'no-store',
        })
      }
    }

    const contentType = ASSETS[path]
    if (contentType) {
      const file = new URL(`./public/${path.slice('/assets/'.length)}`, import.meta.url)
      return send(res, 200, contentType, await readFile(file, 'utf8'), {
        'cache-control': 'no-cache',
      })
    }

    return send(res, 404, 'text/html; charset=utf-8', notFoundPage(employee, path), {
      'content-security-policy': contentSecurityPolicy(porticoOrigin),
    })
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(
        `intranet: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Interner Fehler')
      else res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port, resolve))
  const { port } = server.address() as AddressInfo
  origin ??= `http://localhost:${port}`

  return {
    /** The origin secrets are bound to (open the intranet there). */
    origin,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function main() {
  const intranet = await startIntranetServer({
    port: Number(process.env.PORT ?? 8788),
    porticoUrl: process.env.PORTICO_URL ?? 'http://localhost:8787',
    operatorKey: process.env.PORTICO_OPERATOR_KEY ?? 'sk_demo_portico_operator_key',
    publicOrigin: process.env.PUBLIC_ORIGIN,
    ttlSeconds: process.env.EMBED_TTL_SECONDS ? Number(process.env.EMBED_TTL_SECONDS) : undefined,
  })
  process.stdout.write(
    `\nBrandt Maschinenbau — Intranet is running at ${intranet.origin}/\n` +
      `  embedding Portico from ${process.env.PORTICO_URL ?? 'http://localhost:8787'}\n\n`,
  )
  const stop = () => void intranet.close().finally(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
