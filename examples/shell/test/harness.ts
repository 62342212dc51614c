/**
 * The shell in a real browser, for the browser suite: the API on a free
 * port with its own seeded database serving the built shell (dist/, which
 * the root test script builds first), and one headless Chromium. Each page
 * records its errors, so a test can assert that nothing went wrong.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startTestServer } from '@portico/api/testing'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { launchChromium } from './chromium.js'

export const DEMO_PASSWORD = 'portico-demo'

const shellDir = fileURLToPath(new URL('../dist', import.meta.url))

export type Portico = Awaited<ReturnType<typeof startTestServer>>

export interface WatchedPage {
  page: Page
  /** Page errors, and console errors and warnings, as they happened. */
  problems: string[]
}

export interface Shell {
  portico: Portico
  browser: Browser
  /** A page in a fresh browser context (its own cookies), signed out. */
  newPage(options?: BrowserContextOptions): Promise<WatchedPage>
  close(): Promise<void>
}

export async function startShell(): Promise<Shell> {
  if (!existsSync(`${shellDir}/index.html`))
    throw new Error(`${shellDir} has no index.html: run \`pnpm --filter shell build\` first`)
  const portico = await startTestServer({ env: { PORTICO_SHELL_DIR: shellDir } })
  const browser = await launchChromium().catch(async (error: unknown) => {
    await portico.close()
    throw error
  })
  return {
    portico,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: 'en-US',
        baseURL: portico.baseUrl,
        ...options,
      })
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`)
      })
      return { page, problems }
    },
    async close() {
      await browser.close()
      await portico.close()
    },
  }
}

/** Signs in through the login page, as a person would, and waits for the dashboard. */
export async function signInThroughLoginPage(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await page.locator('portico-invoice-list').locator('tbody tr').first().waitFor()
}
