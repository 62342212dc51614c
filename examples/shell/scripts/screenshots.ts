/**
 * Looks at the portal (and the intranet example) the way a person would:
 * signs in with a real browser and saves a PNG of every main view — and
 * goes through a whole order: search, quantities, review, place, then the
 * tracker following the simulated ERP live — and pays two invoices through the
 * sandbox provider's page (one in part), declines another, and comes back to
 * the outcome the webhook recorded.
 *
 *   PORTICO_ERP_SIMULATOR_SPEED=20 pnpm start   # Portico on :8787, orders move in ~12 s
 *   pnpm example:intranet                       # the intranet on :8788 (optional)
 *   pnpm --filter shell screenshots             # → examples/shell/screenshots/*.png
 *
 * Env: PORTICO_URL, INTRANET_URL, CHROME_PATH, OUT_DIR. Not part of the tests.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../test/chromium.js'
import { axeViolations } from '../test/axe.js'

const porticoUrl = process.env.PORTICO_URL ?? 'http://localhost:8787'
const intranetUrl = process.env.INTRANET_URL ?? 'http://localhost:8788'
const outDir = process.env.OUT_DIR ?? join(import.meta.dirname, '..', 'screenshots')
const password = 'portico-demo'

mkdirSync(outDir, { recursive: true })

const problems: string[] = []

/** Audits the page for accessibility (WCAG 2.1 A/AA) and records every violation. */
async function audit(page: Page, name: string) {
  for (const v of await axeViolations(page))
    problems.push(`[${name}] axe ${v.impact} ${v.id}: ${v.targets.join(', ')}`)
}

function watch(page: Page, name: string) {
  page.on('console', (message) => {
    // The wrong password (401) and the unknown invoice (404) are requested on purpose.
    if (/Failed to load resource.*\b(401|404)\b/.test(message.text())) return
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`[${name}] console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`[${name}] page error: ${error.message}`))
}

/** Saves a PNG of the page and audits it for accessibility. */
async function shot(page: Page, file: string, fullPage = true) {
  const path = join(outDir, file)
  await page.screenshot({ path, fullPage })
  console.log(`  ${path}`)
  await audit(page, file)
}

async function newPage(browser: Browser, name: string, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US', colorScheme: 'light' })
  const page = await context.newPage()
  watch(page, name)
  return page
}

async function signIn(page: Page, email: string) {
  await page.goto(`${porticoUrl}/login`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${porticoUrl}/`)
  await invoiceTable(page)
}

/** Waits until the invoice list shows rows (its table lives in a shadow root). */
async function invoiceTable(page: Page) {
  await page.locator('portico-invoice-list').locator('tbody tr').first().waitFor()
}

/** Waits until the invoice page shows the invoice, its payments and documents. */
async function invoiceDetail(page: Page) {
  const detail = page.locator('portico-invoice-detail')
  await detail.locator('[part~="lines"]').waitFor()
  await detail.locator('[part~="documents"] :is(ul, p)').first().waitFor()
}

/**
 * Pays through the whole flow: the first two invoices of the pay page (the
 * second in part), confirmation, the sandbox's hosted page (`action`), back.
 * Returns the outcome the page ends on.
 */
async function payTwoInvoices(page: Page, prefix: string, action: 'pay' | 'decline' | 'abandon') {
  await page.goto(`${porticoUrl}/`)
  await invoiceTable(page)
  await page.getByRole('link', { name: 'Pay invoices' }).click()
  const pay = page.locator('portico-pay-invoices')
  await pay.locator('[part~="checkbox"]').first().waitFor()
  await pay.locator('[part~="checkbox"]').nth(0).check()
  await pay.locator('[part~="checkbox"]').nth(1).check()
  const partial = pay.locator('[part~="amount-input"]').nth(1)
  await partial.fill('0')
  await partial.blur()
  await pay.getByText('The amount must be more than zero.').waitFor()
  await shot(page, `${prefix}-invalid.png`)
  await partial.fill('250')
  await partial.blur()
  await shot(page, `${prefix}-select.png`)
  await pay.getByRole('button', { name: 'Review payment' }).click()
  await pay.locator('[part~="confirmation"]').waitFor()
  await shot(page, `${prefix}-confirm.png`)
  await pay.locator('[part~="pay-button"]').click()
  await page.waitForURL(/\/sandbox\/pay\//)
  await shot(page, `${prefix}-sandbox.png`)
  await page.locator(`button[value=${action}]`).click()
  await page.waitForURL(/\/pay\?payment=/)
  const outcome = pay.locator('[part~="outcome"]:not(.outcome--processing)')
  await outcome.waitFor({ timeout: 15_000 })
  await shot(page, `${prefix}-${action}.png`)
  return outcome.getAttribute('class')
}

const browser = await launchChromium()

try {
  console.log('Portal:')
  const en = await newPage(browser, 'portal en')
  await en.goto(`${porticoUrl}/login`)
  await en.getByRole('heading', { name: 'Sign in' }).waitFor()
  await en.getByText('Demo sign-ins').click()
  await shot(en, 'login.png')

  await en.getByLabel('Email').fill('ap@cascadefab.com')
  await en.getByLabel('Password', { exact: true }).fill('not-the-password')
  await en.getByRole('button', { name: 'Sign in', exact: true }).click()
  await en.getByRole('alert').filter({ hasText: 'incorrect' }).waitFor()
  await shot(en, 'login-error.png')

  await signIn(en, 'ap@cascadefab.com')
  await shot(en, 'dashboard-en.png')

  await en
    .locator('portico-invoice-list')
    .getByRole('button')
    .filter({ hasText: 'CF-' })
    .first()
    .click()
  await en.waitForURL(/\/invoices\//)
  await invoiceDetail(en)
  await shot(en, 'invoice-en.png')

  await en.goto(`${porticoUrl}/invoices/inv_does_not_exist`)
  await en.getByText('This invoice doesn’t exist, or it belongs to another account.').waitFor()
  await shot(en, 'invoice-not-found.png')
  await en.goto(`${porticoUrl}/no/such/page`)
  await en.getByRole('heading', { name: 'Page not found' }).waitFor()
  await shot(en, 'not-found.png')

  const de = await newPage(browser, 'portal de')
  await signIn(de, 'ap@brandt-maschinenbau.de')
  await de.getByRole('heading', { name: 'Rechnungen' }).waitFor()
  await shot(de, 'dashboard-de.png')
  await de
    .locator('portico-invoice-list')
    .getByRole('button')
    .filter({ hasText: 'RE-' })
    .first()
    .click()
  await invoiceDetail(de)
  await shot(de, 'invoice-de.png')

  const phone = await newPage(browser, 'portal phone', { width: 390, height: 844 })
  await signIn(phone, 'compta@atelier-durand.fr')
  await shot(phone, 'dashboard-fr-phone.png')
  await phone
    .locator('portico-invoice-list')
    .getByRole('button')
    .filter({ hasText: 'FA-' })
    .first()
    .click()
  await invoiceDetail(phone)
  await shot(phone, 'invoice-fr-phone.png')

  console.log('Paying:')
  const ap = await newPage(browser, 'portal paying')
  await signIn(ap, 'ap@cascadefab.com')
  if (!(await payTwoInvoices(ap, 'pay-en', 'pay'))?.includes('succeeded'))
    problems.push('[paying] the paid payment did not end as received')
  if (!(await payTwoInvoices(ap, 'pay-declined-en', 'decline'))?.includes('failed'))
    problems.push('[paying] the declined payment did not end as declined')
  await ap.locator('portico-pay-invoices').getByRole('button', { name: 'Try again' }).click()
  await ap.locator('portico-pay-invoices').locator('[part~="amount-input"]').first().waitFor()
  await shot(ap, 'pay-try-again-en.png')
  await ap.goto(`${porticoUrl}/`)
  await invoiceTable(ap)
  await shot(ap, 'dashboard-after-payments-en.png')

  console.log('Ordering:')
  const buyer = await newPage(browser, 'portal buyer')
  await signIn(buyer, 'buyer@cascadefab.com')
  await buyer.getByRole('navigation').getByRole('link', { name: 'Quick order' }).click()
  const quickOrder = buyer.locator('portico-quick-order')
  await quickOrder.locator('[part="product"]').first().waitFor()
  await quickOrder.locator('[part="credit"]').waitFor()
  await shot(buyer, 'quick-order-en.png')

  const bars = quickOrder.getByLabel('Quantity of Aluminum 6061 bar, 1 in × 12 ft (bar)')
  await bars.fill('15')
  await quickOrder.getByText('Order in steps of 10 bar.').waitFor()
  await quickOrder.getByLabel('Quantity of LTL freight (shipment)').fill('2')
  await shot(buyer, 'quick-order-invalid.png', false)
  await bars.fill('120')
  await quickOrder.getByLabel('Quantity of Stainless 304 sheet, 4×8 ft, 16 ga (sheet)').fill('10')
  await shot(buyer, 'quick-order-cart.png', false)

  await quickOrder.getByRole('button', { name: 'Review order' }).click()
  await quickOrder.getByLabel(/Your PO number/).fill('PO-SHELL-1042')
  await quickOrder.getByLabel(/Note for your supplier/).fill('Dock 3, mornings only.')
  await shot(buyer, 'quick-order-review.png')
  await quickOrder.getByRole('button', { name: 'Place order' }).click()
  await quickOrder.getByRole('heading', { name: /^Order ORD-.* placed$/ }).waitFor()
  await shot(buyer, 'quick-order-placed.png')

  await quickOrder.getByRole('button', { name: 'View order' }).click()
  await buyer.waitForURL(/\/orders\/ord_/)
  const tracker = buyer.locator('portico-order-tracker')
  await tracker.locator('[part~="timeline"]').waitFor()
  await shot(buyer, 'order-placed-en.png')
  // The simulated ERP confirms, makes, ships and delivers it; the page follows live.
  await tracker
    .locator('[part~="status-badge"]')
    .filter({ hasText: /Shipped|Delivered/ })
    .waitFor({ timeout: 60_000 })
    .catch(() => problems.push('[ordering] the order did not move within 60 s (simulator speed?)'))
  await shot(buyer, 'order-live-en.png')

  await buyer.getByRole('link', { name: 'All orders' }).click()
  await buyer.locator('portico-order-list').locator('tbody tr').first().waitFor()
  await shot(buyer, 'orders-en.png')

  const viewer = await newPage(browser, 'portal viewer')
  await signIn(viewer, 'viewer@cascadefab.com')
  await viewer.goto(`${porticoUrl}/order`)
  await viewer.locator('portico-quick-order').locator('[part="banner"]').waitFor()
  await shot(viewer, 'quick-order-viewer.png', false)

  const einkauf = await newPage(browser, 'portal de buyer', { width: 390, height: 844 })
  await signIn(einkauf, 'einkauf@brandt-maschinenbau.de')
  await einkauf.goto(`${porticoUrl}/orders`)
  await einkauf.locator('portico-order-list').locator('tbody tr').first().waitFor()
  await shot(einkauf, 'orders-de-phone.png')
  await einkauf.locator('portico-order-list').locator('[part="order-number"]').nth(2).click()
  await einkauf.locator('portico-order-tracker').locator('[part~="timeline"]').waitFor()
  await shot(einkauf, 'order-de-phone.png')
  await einkauf.goto(`${porticoUrl}/order`)
  await einkauf.locator('portico-quick-order').locator('[part="product"]').first().waitFor()
  await shot(einkauf, 'quick-order-de-phone.png')

  console.log('Intranet:')
  const intranet = await newPage(browser, 'intranet')
  const response = await intranet.goto(intranetUrl).catch(() => undefined)
  if (response) {
    const rows = await invoiceTable(intranet).then(
      () => true,
      () => false,
    )
    await shot(intranet, 'intranet.png')
    if (rows) {
      await intranet
        .locator('portico-invoice-list')
        .getByRole('button')
        .filter({ hasText: 'RE-' })
        .first()
        .click()
      await intranet.locator('#auswahl dl').waitFor()
      await shot(intranet, 'intranet-selected.png', false)
    } else {
      problems.push('[intranet] the invoice list shows no rows')
    }

    // Purchasing: Brandt's buyer follows the supplier orders and reorders.
    const orders = await newPage(browser, 'intranet orders')
    await orders.goto(`${intranetUrl}/einkauf`)
    const list = orders.locator('portico-order-list')
    await list.locator('tbody tr').first().waitFor()
    await list.locator('[part="order-number"]').nth(1).click()
    await orders.locator('portico-order-tracker').locator('[part~="timeline"]').waitFor()
    await shot(orders, 'intranet-orders.png')
    await orders.goto(`${intranetUrl}/einkauf/bestellen`)
    await orders.locator('portico-quick-order').locator('[part="product"]').first().waitFor()
    await orders.locator('portico-quick-order').locator('[part="credit"]').waitFor()
    await shot(orders, 'intranet-ordering.png')
  } else {
    console.log(`  (skipped: nothing answers at ${intranetUrl})`)
  }
} finally {
  await browser.close()
}

if (problems.length) {
  console.log('\nProblems seen in the browser:')
  for (const problem of problems) console.log(`  ${problem}`)
  process.exitCode = 1
}
