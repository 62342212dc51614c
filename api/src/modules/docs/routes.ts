import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import type { AppEnv } from '../../http/env.js'

/**
 * Interactive API reference at /docs, working offline: Scalar's browser
 * bundle is served from the installed package, never from a CDN — the
 * intranets Portico runs in often have no internet access.
 */
const scalarBrowserDir = join(
  dirname(fileURLToPath(import.meta.resolve('@scalar/api-reference'))),
  'browser',
)

/**
 * Nothing that would reach outside the intranet: no web fonts, no hosted
 * toolbar, AI agent, MCP generator or telemetry — the page works the same
 * with no internet at all.
 */
const SCALAR_CONFIGURATION = {
  withDefaultFonts: false,
  showDeveloperTools: 'never',
  showToolbar: 'never',
  telemetry: false,
  mcp: { disabled: true },
  agent: { disabled: true },
  hideClientButton: false,
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Portico API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/openapi.json" data-configuration='${JSON.stringify(SCALAR_CONFIGURATION)}'></script>
    <script src="/docs/assets/standalone.js"></script>
  </body>
</html>`

/** The docs need inline styles and eval-free scripts from our own origin only. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"

export function docsRoutes() {
  const app = new Hono<AppEnv>()
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP)
    return c.html(PAGE)
  })
  app.get('/docs/assets/:file{[a-z0-9.-]+\\.js}', async (c) => {
    try {
      const body = await readFile(join(scalarBrowserDir, c.req.param('file')))
      return c.body(body, 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=86400',
      })
    } catch {
      return c.notFound()
    }
  })
  return app
}
