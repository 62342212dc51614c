import { OpenAPIHono } from '@hono/zod-openapi'
import { serveStatic } from '@hono/node-server/serve-static'
import { createMiddleware } from 'hono/factory'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { caseConnectorFor } from './connectors/crm/connectors.js'
import { paymentProviderFor } from './connectors/payments/providers.js'
import { SandboxPaymentProvider } from './connectors/payments/sandbox.js'
import { sandboxPageRoutes } from './connectors/payments/sandbox-page.js'
import { requestBodyLimit } from './http/body-limit.js'
import { embedCors } from './http/cors.js'
import type { AppDeps, AppEnv } from './http/env.js'
import { ApiError, handleError, problemJson } from './http/problem.js'
import { validationHook } from './http/validation.js'
import { newId } from './lib/ids.js'
import { authRoutes } from './modules/auth/routes.js'
import { docsRoutes } from './modules/docs/routes.js'
import { embedRoutes } from './modules/embed/routes.js'
import { eventRoutes } from './modules/events/routes.js'
import { invoiceRoutes } from './modules/invoices/routes.js'
import { createPriceCache } from './modules/catalog/price-cache.js'
import { catalogRoutes } from './modules/catalog/routes.js'
import { creditRoutes } from './modules/credit/routes.js'
import { orderRoutes } from './modules/orders/routes.js'
import { erpEventRoutes } from './modules/integrations/erp-events.routes.js'
import { salesforceEventRoutes } from './modules/integrations/salesforce-events.routes.js'
import { erpDocumentRoutes } from './modules/integrations/erp-documents.routes.js'
import { documentRoutes } from './modules/documents/routes.js'
import { contractRoutes } from './modules/contracts/routes.js'
import { notificationRoutes } from './modules/notifications/routes.js'
import { operatorRoutes } from './modules/operator/routes.js'
import { paymentRoutes } from './modules/payments/routes.js'
import { paymentWebhookRoutes } from './modules/payments/webhooks.routes.js'
import { caseRoutes } from './modules/cases/routes.js'
import { activityRoutes } from './modules/activity/routes.js'
import { caseAgentRoutes } from './modules/integrations/case-agent.routes.js'
import { OPENAPI_INFO, registerSecuritySchemes } from './spec/document.js'

export type { AppDeps, AppEnv } from './http/env.js'

/** The shell app may load scripts and styles from its own origin only. */
const SHELL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

/** Routes that stream their request body and limit it themselves. */
const STREAMED_UPLOADS = [
  /^\/v1\/integrations\/erp\/documents$/,
  /^\/v1\/cases\/[^/]+\/attachments$/,
]
const isStreamedUpload = (path: string) => STREAMED_UPLOADS.some((route) => route.test(path))

/**
 * Builds the Portico HTTP application. Performs no I/O: every dependency —
 * database, configuration, clock, logger — is passed in, so tests build as
 * many apps as they like, each on its own database.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const prices = createPriceCache()
  const paymentProvider = deps.paymentProvider ?? paymentProviderFor(deps.config)
  const caseConnector = deps.caseConnector ?? caseConnectorFor(deps.config, deps)

  app.use(
    createMiddleware<AppEnv>(async function injectDeps(c, next) {
      c.set('deps', deps)
      c.set('db', deps.db)
      c.set('prices', prices)
      c.set('paymentProvider', paymentProvider)
      c.set('caseConnector', caseConnector)
      c.set('logger', deps.logger)
      await next()
    }),
  )
  app.use(requestId({ generator: () => newId('req') }))
  app.use(
    secureHeaders({
      // The API serves JSON; pages set their own policy below.
      contentSecurityPolicy: undefined,
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  )
  app.use('/v1/*', embedCors())
  const limitBody = requestBodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: (c) =>
      problemJson(
        c,
        new ApiError(
          413,
          'payload_too_large',
          `The request body is larger than ${deps.config.bodyLimitBytes.toLocaleString('en')} bytes.`,
        ),
      ),
  })
  // Reading a GET's (absent) body would still build a full Request object on
  // every list call: limit only what can carry one. Streamed uploads count
  // their own bytes against their limits (the counting limit would buffer a
  // body sent without Content-Length).
  app.use('/v1/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || isStreamedUpload(c.req.path)
      ? next()
      : limitBody(c, next),
  )
  app.use('/v1/*', async (c, next) => {
    await next()
    // Set on the finished response: c.header() here would rebuild it and push
    // every response onto node-server's slower streaming path.
    // A route that chose its own (downloads: `private, no-store`) keeps it.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
    // A successful write has committed its events: let open streams read them
    // now rather than at the hub's next tick.
    if (c.req.method !== 'GET' && c.res.status < 400) c.get('deps').eventHub.wake()
  })

  app.route('/', authRoutes())
  app.route('/', embedRoutes())
  app.route('/', invoiceRoutes())
  app.route('/', eventRoutes())
  app.route('/', catalogRoutes())
  app.route('/', creditRoutes())
  app.route('/', orderRoutes())
  app.route('/', erpEventRoutes())
  app.route('/', salesforceEventRoutes())
  app.route('/', erpDocumentRoutes())
  app.route('/', documentRoutes())
  app.route('/', contractRoutes())
  app.route('/', notificationRoutes())
  app.route('/', operatorRoutes())
  app.route('/', paymentRoutes())
  app.route('/', paymentWebhookRoutes())
  app.route('/', caseRoutes())
  app.route('/', caseAgentRoutes())
  app.route('/', activityRoutes())
  if (paymentProvider instanceof SandboxPaymentProvider) {
    // The sandbox's hosted page reports back like any provider: a signed
    // webhook to the public endpoint.
    app.route(
      '/',
      sandboxPageRoutes({
        provider: paymentProvider,
        deliver: async ({ body, headers }) =>
          app.request('/v1/webhooks/payments/sandbox', { method: 'POST', body, headers }),
      }),
    )
  }

  registerSecuritySchemes(app)
  app.doc31('/openapi.json', OPENAPI_INFO)
  app.route('/', docsRoutes())

  if (deps.config.cdnDir) {
    // The bundle is public code, loaded by `<script type="module">` from any
    // host page — a CORS fetch — and carries no credentials.
    app.use('/cdn/*', async (c, next) => {
      await next()
      c.res.headers.set('Access-Control-Allow-Origin', '*')
      c.res.headers.set('Cache-Control', 'public, max-age=300')
    })
    app.use(
      '/cdn/*',
      serveStatic({ root: deps.config.cdnDir, rewriteRequestPath: (p) => p.replace(/^\/cdn/, '') }),
    )
  }
  if (deps.config.shellDir) {
    const shellDir = deps.config.shellDir
    app.use('*', async (c, next) => {
      await next()
      if (c.res.headers.get('content-type')?.startsWith('text/html')) {
        c.res.headers.set('Content-Security-Policy', SHELL_CSP)
      }
    })
    app.use('*', serveStatic({ root: shellDir }))
    // Client-side routes (/invoices/inv_…) all load the shell's index.html.
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/v1/') || c.req.path.includes('.')) return next()
      return serveStatic({ root: shellDir, path: 'index.html' })(c, next)
    })
  }

  app.notFound((c) =>
    problemJson(c, new ApiError(404, 'route_not_found', `No route ${c.req.method} ${c.req.path}.`)),
  )
  app.onError(handleError)
  return app
}

export type PorticoApp = ReturnType<typeof createApp>
