import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../http/env.js'
import { minorUnitDigits } from '../../lib/money.js'
import type { SandboxAction, SandboxCheckout, SandboxPaymentProvider } from './sandbox.js'

const MESSAGES = {
  en: {
    title: 'Sandbox payment',
    notice: 'Test mode: no money moves.',
    heading: 'Pay {amount}',
    for: 'For',
    invoice: 'Invoice {number}',
    pay: 'Pay',
    decline: 'Decline',
    abandon: 'Cancel and go back',
    expired: 'This payment link has expired. Go back to the portal and start the payment again.',
    invalid: 'This payment link is not valid.',
    failed: 'The portal could not be told about this payment. Please try again.',
  },
  de: {
    title: 'Sandbox-Zahlung',
    notice: 'Testmodus: Es fließt kein Geld.',
    heading: '{amount} bezahlen',
    for: 'Für',
    invoice: 'Rechnung {number}',
    pay: 'Bezahlen',
    decline: 'Ablehnen',
    abandon: 'Abbrechen und zurück',
    expired: 'Dieser Zahlungslink ist abgelaufen. Starten Sie die Zahlung im Portal neu.',
    invalid: 'Dieser Zahlungslink ist ungültig.',
    failed: 'Das Portal konnte über diese Zahlung nicht informiert werden. Bitte erneut versuchen.',
  },
  fr: {
    title: 'Paiement sandbox',
    notice: 'Mode test : aucun argent ne circule.',
    heading: 'Payer {amount}',
    for: 'Pour',
    invoice: 'Facture {number}',
    pay: 'Payer',
    decline: 'Refuser',
    abandon: 'Annuler et revenir',
    expired: 'Ce lien de paiement a expiré. Revenez au portail et recommencez le paiement.',
    invalid: 'Ce lien de paiement n’est pas valide.',
    failed: 'Le portail n’a pas pu être informé de ce paiement. Veuillez réessayer.',
  },
  it: {
    title: 'Pagamento sandbox',
    notice: 'Modalità di prova: nessun movimento di denaro.',
    heading: 'Paga {amount}',
    for: 'Per',
    invoice: 'Fattura {number}',
    pay: 'Paga',
    decline: 'Rifiuta',
    abandon: 'Annulla e torna indietro',
    expired: 'Questo link di pagamento è scaduto. Torna al portale e ricomincia il pagamento.',
    invalid: 'Questo link di pagamento non è valido.',
    failed: 'Non è stato possibile avvisare il portale di questo pagamento. Riprova.',
  },
  id: {
    title: 'Pembayaran sandbox',
    notice: 'Mode uji: tidak ada uang yang berpindah.',
    heading: 'Bayar {amount}',
    for: 'Untuk',
    invoice: 'Faktur {number}',
    pay: 'Bayar',
    decline: 'Tolak',
    abandon: 'Batal dan kembali',
    expired:
      'Tautan pembayaran ini sudah kedaluwarsa. Kembali ke portal dan mulai pembayaran lagi.',
    invalid: 'Tautan pembayaran ini tidak valid.',
    failed: 'Portal tidak dapat diberi tahu tentang pembayaran ini. Silakan coba lagi.',
  },
} as const

type Language = keyof typeof MESSAGES
type Messages = (typeof MESSAGES)[Language]

function languageOf(locale: string | undefined): Language {
  const language = (locale ?? 'en').slice(0, 2).toLowerCase()
  return language in MESSAGES ? (language as Language) : 'en'
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )
}

function money(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    amount / 10 ** minorUnitDigits(currency),
  )
}

/** Tokens only; the page has no script at all. */
const STYLE = `
  :root { color-scheme: light dark; --accent: #1d4ed8; }
  body { font-family: system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { max-width: 28rem; padding: 2rem; border: 1px solid GrayText; border-radius: 0.75rem; }
  .notice { font-weight: 600; margin: 0 0 1rem; }
  ul { padding-left: 1.25rem; }
  form { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: 0.6rem 1.1rem; border-radius: 0.5rem; border: 1px solid GrayText; background: ButtonFace; color: ButtonText; cursor: pointer; }
  button[value=pay] { background: var(--accent); border-color: var(--accent); color: #fff; }
  button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
`

function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)}</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`
}

function checkoutPage(checkout: SandboxCheckout, m: Messages, language: Language): string {
  const amount = money(checkout.amount, checkout.currency, checkout.locale)
  const lines = checkout.lines
    .map(
      (line) =>
        `<li>${escapeHtml(m.invoice.replace('{number}', line.number))}: ${escapeHtml(money(line.amount, checkout.currency, checkout.locale))}</li>`,
    )
    .join('')
  return page(
    language,
    m.title,
    `<p class="notice" role="note">${escapeHtml(m.notice)}</p>
      <h1>${escapeHtml(m.heading.replace('{amount}', amount))}</h1>
      <h2>${escapeHtml(m.for)}</h2>
      <ul>${lines}</ul>
      <form method="post">
        <button type="submit" name="action" value="pay">${escapeHtml(m.pay)}</button>
        <button type="submit" name="action" value="decline">${escapeHtml(m.decline)}</button>
        <button type="submit" name="action" value="abandon">${escapeHtml(m.abandon)}</button>
      </form>`,
  )
}

function messagePage(language: Language, text: string): string {
  const m = MESSAGES[language]
  return page(
    language,
    m.title,
    `<h1>${escapeHtml(m.title)}</h1><p role="alert">${escapeHtml(text)}</p>`,
  )
}

/**
 * No scripts, styles of its own, and a form that may post only here — and,
 * since browsers apply `form-action` to the redirect that answers the post,
 * lead on to the payment's (validated) return origin.
 */
function csp(returnOrigin?: string): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `form-action 'self'${returnOrigin ? ` ${returnOrigin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ')
}

const ACTIONS: readonly SandboxAction[] = ['pay', 'decline', 'abandon']

/**
 * The sandbox provider's hosted payment page, `/sandbox/pay/{token}`: shows
 * the checkout its signed link carries (in the customer's language) with Pay,
 * Decline and Cancel. A choice is sent to the portal as the provider's signed
 * webhook — through `deliver`, the same endpoint any provider calls — and
 * the customer is sent back to the payment's return URL with `payment` and
 * `status` added. Only ever served with the sandbox provider configured.
 */
export function sandboxPageRoutes(options: {
  provider: SandboxPaymentProvider
  deliver(webhook: { body: string; headers: Record<string, string> }): Promise<Response>
}) {
  const app = new Hono<AppEnv>()
  app.use('/sandbox/*', bodyLimit({ maxSize: 16 * 1024 }))

  function open(c: { req: { param(name: 'token'): string } }, now: Date) {
    const checkout = options.provider.openCheckout(c.req.param('token'))
    if (!checkout) return { error: 404 as const, language: 'en' as Language }
    const language = languageOf(checkout.locale)
    if (checkout.expiresAt <= now.getTime()) return { error: 410 as const, language }
    return { checkout, language }
  }

  app.get('/sandbox/pay/:token', (c) => {
    const opened = open(c, c.get('deps').clock.now())
    c.header('Cache-Control', 'no-store')
    if (!opened.checkout) {
      c.header('Content-Security-Policy', csp())
      const m = MESSAGES[opened.language]
      return c.html(
        messagePage(opened.language, opened.error === 410 ? m.expired : m.invalid),
        opened.error,
      )
    }
    c.header('Content-Security-Policy', csp(new URL(opened.checkout.returnUrl).origin))
    return c.html(checkoutPage(opened.checkout, MESSAGES[opened.language], opened.language))
  })

  app.post('/sandbox/pay/:token', async (c) => {
    const opened = open(c, c.get('deps').clock.now())
    c.header('Cache-Control', 'no-store')
    c.header('Content-Security-Policy', csp())
    if (!opened.checkout) {
      const m = MESSAGES[opened.language]
      return c.html(
        messagePage(opened.language, opened.error === 410 ? m.expired : m.invalid),
        opened.error,
      )
    }
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const action = ACTIONS.find((a) => a === form.action)
    if (!action) return c.html(messagePage(opened.language, MESSAGES[opened.language].invalid), 400)
    // Signed with the real time: the receiving end refuses webhooks more than 5 minutes off.
    const response = await options.deliver(
      options.provider.outcomeWebhook(opened.checkout, action, new Date()),
    )
    if (response.status !== 200) {
      c.get('logger').error('sandbox payment webhook refused', { status: response.status })
      return c.html(messagePage(opened.language, MESSAGES[opened.language].failed), 502)
    }
    const result = (await response.json()) as { paymentId: string; status: string }
    const back = new URL(opened.checkout.returnUrl)
    back.searchParams.set('payment', result.paymentId)
    back.searchParams.set('status', result.status)
    return c.redirect(back.toString(), 303)
  })
  return app
}
