// Screenshots every story of the built Storybook in every theme (and the
// loaded story in every locale), and runs axe-core on each, so a person can
// look at the states and a contrast problem in a theme shows up here.
//
//   pnpm --filter storybook build-storybook && pnpm --filter storybook screenshots
//
// Writes storybook/screenshots/<story>--<theme>[--<locale>].png; exits 1 on
// any axe violation.
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'

const root = new URL('../storybook-static/', import.meta.url).pathname
const out = new URL('../screenshots/', import.meta.url).pathname
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
const themes = ['light', 'dark', 'acme']
const locales = ['en', 'de', 'fr', 'it', 'id']

if (!existsSync(join(root, 'index.json'))) {
  console.error('No storybook-static/: run `pnpm build-storybook` first.')
  process.exit(1)
}
mkdirSync(out, { recursive: true })

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  )
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
  if (!file.startsWith(root) || !existsSync(file)) return response.writeHead(404).end()
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(response)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}`

const { entries } = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'))
const stories = Object.values(entries).filter((entry) => entry.type === 'story')

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 1000, height: 620 } })
page.on('pageerror', (error) => console.error(`  page error: ${error.message}`))

let violations = 0
async function shoot(story, theme, locale, suffix = '') {
  const name = `${story.id.replace(/^.*--/, '')}--${theme}${locale === 'en' ? '' : `--${locale}`}${suffix}`
  await page.goto(
    `${base}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme};locale:${locale}`,
  )
  const list = page.locator('portico-invoice-list')
  await list.waitFor()
  // Wait for an answer (the Loading story never gets one).
  await page
    .waitForFunction(
      () =>
        !['idle', 'loading'].includes(
          document.querySelector('portico-invoice-list')?.controller.state,
        ),
      null,
      { timeout: 3000 },
    )
    .catch(() => {})
  if (story.id.endsWith('load-more')) {
    await list.locator('[part="load-more"]').click()
    await page.waitForFunction(
      () => document.querySelector('portico-invoice-list').controller.items.length > 20,
    )
  }
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(out, `${name}.png`) })

  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(() =>
    window.axe.run(document.querySelector('portico-invoice-list'), { resultTypes: ['violations'] }),
  )
  for (const violation of result.violations) {
    violations++
    console.error(`  axe ${name}: ${violation.id} — ${violation.help}`)
    for (const node of violation.nodes.slice(0, 3))
      console.error(`      ${node.failureSummary?.split('\n').join(' ')}`)
  }
  console.log(`  ${name}.png`)
}

for (const story of stories) for (const theme of themes) await shoot(story, theme, 'en')
const loaded = stories.find((story) => story.id.endsWith('--loaded'))
for (const locale of locales.slice(1))
  for (const theme of themes) await shoot(loaded, theme, locale)

// A phone-sized column: the filter wraps, the table scrolls sideways.
await page.setViewportSize({ width: 390, height: 700 })
for (const theme of themes) await shoot(loaded, theme, 'en', '--narrow')

await browser.close()
server.close()
console.log(violations ? `${violations} axe violation(s)` : 'No axe violations.')
process.exit(violations ? 1 : 0)
