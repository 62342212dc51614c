import type { EmbedSession } from './embed-session.js'

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** The signed-in intranet employee (in a real intranet: from its own single sign-on). */
export interface Employee {
  name: string
  email: string
  department: string
}

const NAV = [
  ['Startseite', '/start'],
  ['Aktuelles', '/aktuelles'],
  ['Personal', '/personal'],
  ['Einkauf', '/einkauf'],
  ['Buchhaltung', '/'],
  ['IT-Service', '/it-service'],
  ['Kantine', '/kantine'],
] as const

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
}

/** The intranet's frame: header, navigation, main, footer — in German, in Brandt's colours. */
function layout(options: {
  title: string
  employee: Employee
  current: string
  main: string
  head?: string
  scripts?: string[]
}): string {
  const { employee } = options
  const nav = NAV.map(
    ([label, href]) =>
      `<li><a href="${href}"${href === options.current ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('')
  // Scripts of the page, each a module: Portico's bundle first.
  const scripts = (options.scripts ?? [])
    .map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`)
    .join('\n  ')
  return `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(options.title)} – Brandt Intranet</title>
  <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/assets/intranet.css">
  ${options.head ?? ''}${scripts}
</head>
<body>
  <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
  <header class="topbar">
    <div class="topbar-inner">
      <a class="logo" href="/">
        <span class="logo-mark" aria-hidden="true">B</span>
        <span class="logo-text"><strong>BRANDT</strong> Maschinenbau</span>
        <span class="logo-intranet">Intranet</span>
      </a>
      <p class="employee">
        <span class="avatar" aria-hidden="true">${escapeHtml(initials(employee.name))}</span>
        <span><span class="employee-name">${escapeHtml(employee.name)}</span>
        <span class="employee-dept">${escapeHtml(employee.department)}</span></span>
      </p>
    </div>
  </header>
  <nav class="mainnav" aria-label="Bereiche">
    <ul>${nav}</ul>
  </nav>
  <main id="inhalt" tabindex="-1">
${options.main}
  </main>
  <footer class="footer">
    <p>© ${new Date().getFullYear()} Brandt Maschinenbau GmbH · Industriestraße 14 · 73430 Aalen</p>
    <p>Nur für den internen Gebrauch</p>
  </footer>
</body>
</html>
`
}

/**
 * The accounts-payable page: supplier invoices, live from the supplier's
 * Portico through `<portico-provider>` + `<portico-invoice-list>`, themed in
 * Brandt's colours through the Portico tokens (see intranet.css).
 */
export function invoicesPage(options: {
  employee: Employee
  porticoUrl: string
  session: EmbedSession
}): string {
  const { employee, session } = options
  const portico = options.porticoUrl.replace(/\/+$/, '')
  return layout({
    title: 'Lieferantenrechnungen',
    employee,
    current: '/',
    head: `<script type="module" src="${escapeHtml(portico)}/cdn/invoice-list.js"></script>
  <script type="module" src="/assets/portico-session.js"></script>
  <script type="module" src="/assets/invoice-selection.js"></script>
  <script type="module" src="/assets/portico-fallback.js"></script>`,
    main: `    <ol class="breadcrumb" aria-label="Sie sind hier">
      <li><a href="/start">Startseite</a></li>
      <li><a href="/">Buchhaltung</a></li>
      <li aria-current="page">Lieferantenrechnungen</li>
    </ol>
    <h1>Lieferantenrechnungen</h1>
    <p class="lead">Alle Rechnungen unseres Lieferanten – live aus seinem Kundenportal. Sie sind
      automatisch über Ihr Intranet-Konto angemeldet.</p>
    <div class="columns">
      <section class="card portico-embed" aria-labelledby="rechnungen-titel">
        <portico-provider
          id="portico"
          base-url="${escapeHtml(portico)}"
          client-secret="${escapeHtml(session.clientSecret)}"
          locale="de"
          data-refresh-in="${session.refreshInSeconds}"
        >
          <portico-invoice-list page-size="15">
            <h2 slot="header" id="rechnungen-titel">Rechnungen</h2>
          </portico-invoice-list>
        </portico-provider>
      </section>
      <aside class="sidebar" aria-label="Zur Buchhaltung">
        <section class="card" aria-labelledby="auswahl-titel">
          <h2 id="auswahl-titel">Ausgewählte Rechnung</h2>
          <div id="auswahl" aria-live="polite">
            <p class="hint">Wählen Sie eine Rechnungsnummer, um die Eckdaten hier zu sehen.</p>
          </div>
        </section>
        <section class="card" aria-labelledby="zahlungslauf-titel">
          <h2 id="zahlungslauf-titel">Zahlungsläufe</h2>
          <p>Dienstags und donnerstags. Freigaben bitte bis 12:00 Uhr am Vortag.</p>
          <p>Fragen: Kreditorenbuchhaltung, Durchwahl&nbsp;-214</p>
        </section>
      </aside>
    </div>`,
  })
}

/** A page for a state the employee cannot fix, with what to tell IT. */
export function errorPage(options: {
  employee: Employee
  title: string
  message: string
  detail: string
}): string {
  return layout({
    title: options.title,
    employee: options.employee,
    current: '/',
    main: `    <div class="card error" role="alert">
      <h1>${escapeHtml(options.title)}</h1>
      <p>${escapeHtml(options.message)}</p>
      <p class="error-detail">Technische Angabe für die IT: ${escapeHtml(options.detail)}</p>
      <p><a class="button" href="/">Erneut versuchen</a></p>
    </div>`,
  })
}

/** Every other intranet page: not part of this example. */
export function notFoundPage(employee: Employee, path: string): string {
  return layout({
    title: 'Seite nicht gefunden',
    employee,
    current: path,
    main: `    <div class="card">
      <h1>Seite nicht gefunden</h1>
      <p>Diese Seite gehört nicht zu diesem Beispiel. Die Lieferantenrechnungen finden Sie unter
        <a href="/">Buchhaltung</a>.</p>
    </div>`,
  })
}

/** The `<portico-provider>` of a page, with the secret and what `/portico-session` refreshes. */
function provider(options: {
  porticoUrl: string
  session: EmbedSession
  /** Which embed session `/portico-session?fuer=…` mints again (see server.ts). */
  sessionFor: string
  content: string
}): string {
  return `<portico-provider
          base-url="${escapeHtml(options.porticoUrl)}"
          client-secret="${escapeHtml(options.session.clientSecret)}"
          locale="de"
          data-session="${escapeHtml(options.sessionFor)}"
          data-refresh-in="${options.session.refreshInSeconds}"
        >
${options.content}
        </portico-provider>`
}

/**
 * The purchasing page: the supplier orders of Brandt, live from the
 * supplier's Portico — `<portico-order-list>` and, for the order picked
 * (`?bestellung=ord_…`), `<portico-order-tracker>`, which follows it as the
 * supplier confirms, ships and delivers.
 */
export function ordersPage(options: {
  employee: Employee
  porticoUrl: string
  session: EmbedSession
  /** An order to open straight away (already checked to look like an order ID). */
  orderId: string | undefined
}): string {
  const { employee, session, orderId } = options
  const portico = options.porticoUrl.replace(/\/+$/, '')
  return layout({
    title: 'Bestellungen beim Lieferanten',
    employee,
    current: '/einkauf',
    scripts: [
      `${portico}/cdn/portico.js`,
      '/assets/portico-session.js',
      '/assets/order-selection.js',
      '/assets/portico-fallback.js',
    ],
    main: `    <ol class="breadcrumb" aria-label="Sie sind hier">
      <li><a href="/start">Startseite</a></li>
      <li><a href="/einkauf">Einkauf</a></li>
      <li aria-current="page">Bestellungen beim Lieferanten</li>
    </ol>
    <div class="page-head">
      <h1>Bestellungen beim Lieferanten</h1>
      <a class="button" href="/einkauf/bestellen">Neue Bestellung</a>
    </div>
    <p class="lead">Ihre Bestellungen im Kundenportal des Lieferanten – mit Status, Sendungen und
      Sendungsnummern, live aktualisiert.</p>
    <div class="stack">
      <section class="card portico-embed" aria-labelledby="bestellungen-titel">
        ${provider({
          porticoUrl: portico,
          session,
          sessionFor: 'bestellungen',
          content: `          <portico-order-list page-size="10">
            <h2 slot="header" id="bestellungen-titel">Bestellungen</h2>
          </portico-order-list>
          <div id="bestellung" class="order-detail"${orderId ? '' : ' hidden'}>
            <portico-order-tracker heading-level="2"${orderId ? ` order-id="${escapeHtml(orderId)}"` : ''}></portico-order-tracker>
          </div>`,
        })}
      </section>
      <p class="hint" id="bestellung-hinweis"${orderId ? ' hidden' : ''}>Wählen Sie eine Bestellnummer, um Verlauf, Sendungen und Positionen zu sehen.</p>
    </div>`,
  })
}

/**
 * Reordering: `<portico-quick-order>` at Brandt's contracted prices, within
 * its credit limit. "Bestellung ansehen" afterwards opens it on the
 * purchasing page.
 */
export function orderingPage(options: {
  employee: Employee
  porticoUrl: string
  session: EmbedSession
}): string {
  const { employee, session } = options
  const portico = options.porticoUrl.replace(/\/+$/, '')
  return layout({
    title: 'Beim Lieferanten bestellen',
    employee,
    current: '/einkauf',
    scripts: [
      `${portico}/cdn/quick-order.js`,
      '/assets/portico-session.js',
      '/assets/order-selection.js',
      '/assets/portico-fallback.js',
    ],
    main: `    <ol class="breadcrumb" aria-label="Sie sind hier">
      <li><a href="/start">Startseite</a></li>
      <li><a href="/einkauf">Einkauf</a></li>
      <li aria-current="page">Beim Lieferanten bestellen</li>
    </ol>
    <h1>Beim Lieferanten bestellen</h1>
    <p class="lead">Zu unseren Vertragspreisen, direkt im Kundenportal des Lieferanten. Bitte
      geben Sie unsere Bestellnummer aus dem ERP an.</p>
    <section class="card portico-embed" aria-labelledby="bestellen-titel">
      ${provider({
        porticoUrl: portico,
        session,
        sessionFor: 'bestellen',
        content: `          <portico-quick-order page-size="20">
            <h2 slot="header" id="bestellen-titel">Artikel</h2>
          </portico-quick-order>`,
      })}
    </section>`,
  })
}
