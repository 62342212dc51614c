// Screenshots every story of the built Storybook in every theme (and each
// component's first story in every locale and a phone-sized column), and runs
// axe-core on each, so a person can look at the states and a contrast problem
// in a theme shows up here.
//
//   pnpm --filter storybook build-storybook && pnpm --filter storybook screenshots
//   STORIES=order-tracker pnpm --filter storybook screenshots   # one component
//
// Writes storybook/screenshots/<component>--<story>--<theme>[--<locale>].png;
// exits 1 on any axe violation.
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
/** `Elements/Order tracker` → `portico-order-tracker`. */
const tagOf = (story) =>
  `portico-${story.title.replace(/^.*\//, '').toLowerCase().replace(/\s+/g, '-')}`
const only = process.env.STORIES
const stories = Object.values(entries).filter(
  (entry) => entry.type === 'story' && (!only || tagOf(entry).includes(only)),
)

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 1000, height: 620 } })
page.on('pageerror', (error) => console.error(`  page error: ${error.message}`))

let violations = 0
async function shoot(story, theme, locale, suffix = '') {
  const tag = tagOf(story)
  const name = `${tag.replace(/^portico-/, '')}--${story.id.replace(/^.*--/, '')}--${theme}${locale === 'en' ? '' : `--${locale}`}${suffix}`
  await page.goto(
    `${base}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme};locale:${locale}`,
  )
  const element = page.locator(tag)
  await element.waitFor()
  // Wait for an answer (the Loading stories never get one) and for any steps
  // the story takes (typing quantities, opening a dialog).
  await page
    .waitForFunction(
      (tag) => {
        const el = document.querySelector(tag)
        const state = el?.controller.catalog?.state ?? el?.controller.state
        // The quick order asks for the role, then for the credit position.
        const credit = el?.controller.credit
        const roleOrCredit =
          credit &&
          state === 'ready' &&
          (credit.state === 'loading' ||
            (el.controller.permissions === null && credit.state === 'idle'))
        return (
          !['idle', 'loading'].includes(state) &&
          !roleOrCredit &&
          !document.querySelector('[data-story-pending]')
        )
      },
      tag,
      { timeout: 3000 },
    )
    .catch(() => {})
  if (story.id.endsWith('load-more')) {
    await element.locator('[part="load-more"]').click()
    await page.waitForFunction(
      (tag) => document.querySelector(tag).controller.items.length > 20,
      tag,
    )
  }
  // A live story: let the fake ERP take a few steps.
  if (story.id.endsWith('--live')) await page.waitForTimeout(8000)
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(out, `${name}.png`) })

  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(
    (tag) => window.axe.run(document.querySelector(tag), { resultTypes: ['violations'] }),
    tag,
  )
  for (const violation of result.violations) {
    violations++
    console.error(`  axe ${name}: ${violation.id} — ${violation.help}`)
    for (const node of violation.nodes.slice(0, 3))
      console.error(`      ${node.failureSummary?.split('\n').join(' ')}`)
  }
  console.log(`  ${name}.png`)
}

const themesFor = (story) => (story.id.endsWith('--live') ? ['light'] : themes)
for (const story of stories) for (const theme of themesFor(story)) await shoot(story, theme, 'en')
// Each component's first story, in every language.
const firsts = [...new Map(stories.map((story) => [tagOf(story), story])).values()].map((last) =>
  stories.find((story) => tagOf(story) === tagOf(last)),
)
for (const first of firsts)
  for (const locale of locales.slice(1))
    for (const theme of themes) await shoot(first, theme, locale)

// A phone-sized column: rows become cards, the order summary goes under the products.
await page.setViewportSize({ width: 390, height: 760 })
for (const first of firsts) for (const theme of themes) await shoot(first, theme, 'en', '--narrow')

await browser.close()
server.close()
console.log(violations ? `${violations} axe violation(s)` : 'No axe violations.')
process.exit(violations ? 1 : 0)
