import { chromium, type Browser } from 'playwright-core'

/**
 * Headless Chromium as the shell's browser suite and its screenshots launch
 * it: Debian's build (or `CHROME_PATH`), nothing fetched, nothing synced.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
