import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromeLauncher } from '@web/test-runner'
import { porticoApiPlugin } from './test/portico-api-plugin.mjs'

// Debian's Chromium; the launcher downloads nothing. As root it needs --no-sandbox.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'src/**/*.test.ts',
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    porticoApiPlugin(),
  ],
  // One page at a time: a test that expires a session moves the API's clock
  // for every page talking to it.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  // Lit says it is in dev mode on every page; its dev-mode warnings still show.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'wtr-chromium-'))}`,
        ],
      },
    }),
  ],
}
