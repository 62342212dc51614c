/**
 * The shell app in a real browser, against the real API: case text holding
 * markup stays text on every page that shows it, the main pages pass axe,
 * and a case can be raised from the UI end to end. One server and one
 * browser for the whole suite; every wait is on an element, never a delay.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe.js'
import { agentComment, portalUser } from './cases-api.js'
import { signInThroughLoginPage, startShell, type Shell } from './harness.js'
import { pageContent } from './page-content.js'

const CUSTOMER = 'buyer@cascadefab.com'

const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = '<script>window.__pwned=1</script>'
const BOLD = '<b>bold</b>'
const HOSTILE = `${IMG} ${SCRIPT} ${BOLD}`

/** The page shows each string literally, made no element of it, and ran none of it. */
async function assertInert(page: Page, literals: string[], where: string) {
  const content = await pageContent(page)
  assert.deepEqual(content.injected, [], `${where}: case text became elements`)
  assert.equal(content.pwned, undefined, `${where}: case text ran as script`)
  for (const literal of literals)
    assert.ok(content.text.includes(literal), `${where}: shows ${JSON.stringify(literal)} as text`)
}

describe('the shell in a browser', () => {
  let shell: Shell

  before(async () => {
    shell = await startShell()
  })

  after(async () => {
    await shell?.close()
  })

  test('case text holding markup is stored as given and shown as text on every page', async () => {
    // The shell's CSP would stop an inline handler on its own; this page goes
    // without it, so only the rendering stands between the text and a script.
    const { page, problems } = await shell.newPage({ bypassCSP: true })
    const customer = await portalUser(shell.portico, CUSTOMER)
    const subject = `Crushed pallet ${HOSTILE}`
    const description = `Two cartons were crushed.\n${HOSTILE}\nPlease advise.`
    const raised = await customer.raiseCase({ subject, description, category: 'quality' })
    await customer.comment(raised.id, `Photos follow ${HOSTILE}`)
    // The server's clock stands still in tests: the answer comes a minute later.
    shell.portico.clock.advance(60_000)
    await agentComment(shell.portico, raised.id, `We quote you: ${HOSTILE}`, `${BOLD} Support`)

    const stored = await customer.getCase(raised.id)
    assert.equal(stored.subject, subject)
    assert.equal(stored.description, description)
    assert.deepEqual(
      stored.comments.map((c) => c.body),
      [`Photos follow ${HOSTILE}`, `We quote you: ${HOSTILE}`],
    )

    await signInThroughLoginPage(page, CUSTOMER)

    await page.goto('/cases')
    const list = page.locator('portico-case-list')
    await list.locator('tbody tr').filter({ hasText: raised.number }).waitFor()
    await assertInert(page, [subject], '/cases')

    await page.goto(`/cases/${raised.id}`)
    const detail = page.locator('portico-case-detail')
    await detail.locator('[part~="comment"]').nth(1).waitFor()
    await assertInert(
      page,
      [subject, description, `Photos follow ${HOSTILE}`, `We quote you: ${HOSTILE}`, BOLD],
      `/cases/${raised.id}`,
    )

    // An answer arriving live, while the page is open, goes through the same rendering.
    await detail.locator('[part~="live"]').waitFor()
    shell.portico.clock.advance(60_000)
    await agentComment(shell.portico, raised.id, `Live ${HOSTILE}`, 'Dewi (Support)')
    await detail
      .locator('[part~="comment"]')
      .filter({ hasText: `Live ${IMG}` })
      .waitFor()
    await assertInert(page, [`Live ${HOSTILE}`], `/cases/${raised.id} (live)`)

    await page.goto('/activity')
    const feed = page.locator('portico-activity-feed')
    await feed.getByText(raised.number).first().waitFor()
    await assertInert(page, [IMG, SCRIPT, BOLD], '/activity')

    assert.deepEqual(problems, [])
  })

  test('the main pages have no serious or critical accessibility problems', async () => {
    const { page, problems } = await shell.newPage()
    const customer = await portalUser(shell.portico, CUSTOMER)
    const raised = await customer.raiseCase({
      subject: 'Certificate of analysis missing',
      description: 'The delivery came without its certificate.',
      category: 'question',
    })
    // Every page is audited before the test fails, so one run names them all.
    const failures: Record<string, string> = {}
    const audit = async (name: string) => {
      const blocking = (await axeViolations(page)).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      )
      if (blocking.length > 0) failures[name] = describeViolations(blocking)
    }

    await page.goto('/login')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await audit('login')

    await signInThroughLoginPage(page, CUSTOMER)
    await audit('dashboard')

    await page.goto('/cases')
    await page.locator('portico-case-list').locator('tbody tr').first().waitFor()
    await audit('cases')

    await page.goto(`/cases/${raised.id}`)
    await page.locator('portico-case-detail').locator('[part~="reply"]').waitFor()
    await audit('case')

    await page.goto('/cases/new')
    await page.locator('portico-case-form').locator('form').waitFor()
    await audit('new case')

    await page.goto('/activity')
    await page.locator('portico-activity-feed').getByText(raised.number).first().waitFor()
    await audit('activity')

    assert.deepEqual(failures, {})
    assert.deepEqual(problems, [])
  })

  test('a case raised in the form opens on its own page and is in the list', async () => {
    const { page, problems } = await shell.newPage()
    await signInThroughLoginPage(page, CUSTOMER)
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click()
    await page.getByRole('link', { name: 'Report a problem' }).click()
    await page.waitForURL((url) => url.pathname === '/cases/new')

    const form = page.locator('portico-case-form')
    await form.getByLabel('Category').selectOption('delivery')
    await form.getByLabel('Subject').fill('Order arrived without the pallet labels')
    await form.getByLabel('Description').fill('None of the six pallets carried a label.')
    await form.getByRole('button', { name: 'Submit case' }).click()

    await page.waitForURL(/\/cases\/case_/)
    const detail = page.locator('portico-case-detail')
    await detail
      .locator('.subject')
      .filter({ hasText: 'Order arrived without the pallet labels' })
      .waitFor()
    await detail.getByText('None of the six pallets carried a label.').waitFor()
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)

    await page.getByRole('link', { name: 'All cases' }).click()
    await page.waitForURL((url) => url.pathname === '/cases')
    const row = page
      .locator('portico-case-list')
      .locator('tbody tr')
      .filter({ hasText: 'Order arrived without the pallet labels' })
    await row.waitFor()

    const stored = await (await portalUser(shell.portico, CUSTOMER)).getCase(caseId)
    assert.equal(stored.subject, 'Order arrived without the pallet labels')
    assert.equal(stored.description, 'None of the six pallets carried a label.')
    assert.equal(stored.category, 'delivery')
    assert.deepEqual(problems, [])
  })
})
