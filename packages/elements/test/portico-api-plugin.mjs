// A @web/dev-server plugin that runs the real Portico API next to the test
// pages, the way an intranet runs Portico next to its own server:
//
// - serverStart: starts the API on a free port with a temporary, seeded
//   SQLite database (`startTestServer` from @portico/api/testing);
// - GET /__portico/embed-session?email=…: the "intranet server" endpoint. It
//   calls POST /v1/embed-sessions with the operator key — which never reaches
//   the browser — and hands the page the client secret, bound to the test
//   page's own origin. `permissions=a,b` narrows the secret; `expired=1`
//   returns a secret whose lifetime has run out (the API's clock is moved
//   past it, and a fresh session keeps the origin bound, as a busy intranet's
//   would);
// - POST /__portico/erp-event: the "ERP". It signs the event in the body
//   (`{ type, data, id?, occurredAt? }`) per Standard Webhooks with the API's
//   ERP secret and delivers it to POST /v1/integrations/erp/events, so a test
//   can confirm, ship or reject an order and watch the page follow;
// - POST /__portico/sandbox-page: the customer on the sandbox provider's
//   hosted page. It presses `action` (pay, decline, abandon) on the page at
//   `redirectUrl` — a form post, as a browser sends it — and answers where
//   the page sends the customer back to (`{ status, location }`);
// - POST /__portico/erp-document: the ERP uploading a document
//   (`{ accountId, title, type, orderId?, invoiceId?, fileName }`) — a small
//   PDF — to POST /v1/integrations/erp/documents; answers the API's body;
// - POST /__portico/case-agent: a support agent. It answers a case
//   (`{ caseId, body }`) or moves it on (`{ caseId, status }`) through the
//   operator's integration routes, as the CRM would, and answers the API's
//   status and body;
// - GET /__portico/follow?url=…: follows a download link as a browser's
//   navigation would (no CORS involved) and answers its status and headers;
// - serverStop: stops the API and removes its database.
import { Buffer } from 'node:buffer'
import { randomUUID } from 'node:crypto'
import { tsImport } from 'tsx/esm/api'

const DEFAULT_EMAIL = 'ap@cascadefab.com'

/** @returns {import('@web/dev-server-core').Plugin} */
export function porticoApiPlugin() {
  /** @type {Awaited<ReturnType<typeof import('@portico/api/testing').startTestServer>> | undefined} */
  let api
  /** @type {typeof import('@portico/api/testing').sendErpEvent | undefined} */
  let sendErpEvent
  /** @type {typeof import('@portico/api/testing').uploadErpDocument | undefined} */
  let uploadErpDocument

  async function mintEmbedSession(email, origin, permissions) {
    const response = await fetch(new URL('/v1/embed-sessions', api.baseUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${api.operatorKey}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        email,
        allowedOrigins: [origin],
        ttlSeconds: 900,
        ...(permissions ? { permissions } : {}),
      }),
    })
    const body = await response.json()
    if (response.status !== 201) {
      throw new Error(
        `POST /v1/embed-sessions answered ${response.status}: ${JSON.stringify(body)}`,
      )
    }
    return body
  }

  /** Signs and delivers the ERP event in the request body; answers with the API's status and body. */
  async function deliverErpEvent(context) {
    let body = ''
    for await (const chunk of context.req) body += chunk
    const { id = `erp_evt_${randomUUID()}`, ...event } = JSON.parse(body)
    const response = await sendErpEvent(api, { id, ...event })
    context.status = response.status
    return { type: 'json', body: await response.text() }
  }

  /** Uploads a small PDF as the ERP would; answers with the API's status and body. */
  async function uploadDocument(context) {
    let body = ''
    for await (const chunk of context.req) body += chunk
    const { fileName = 'document.pdf', ...fields } = JSON.parse(body)
    const content = Buffer.from(
      `%PDF-1.7\n1 0 obj << >> endobj\n% ${fields.title}\ntrailer << >>\n%%EOF\n`,
      'utf8',
    )
    const response = await uploadErpDocument(
      api,
      { erpDocumentId: `erp-doc-${randomUUID()}`, ...fields },
      { name: fileName, type: 'application/pdf', content },
    )
    context.status = response.status
    return { type: 'json', body: await response.text() }
  }

  /** Presses a button on the sandbox's hosted page; answers the page's status and redirect. */
  async function actOnSandboxPage(context) {
    let body = ''
    for await (const chunk of context.req) body += chunk
    const { redirectUrl, action } = JSON.parse(body)
    const page = new URL(new URL(redirectUrl).pathname, api.baseUrl)
    const response = await fetch(page, {
      method: 'POST',
      body: new URLSearchParams({ action }),
      redirect: 'manual',
    })
    return {
      type: 'json',
      body: JSON.stringify({ status: response.status, location: response.headers.get('location') }),
    }
  }

  /** Comments on or moves a case as an agent; answers with the API's status and body. */
  async function actAsAgent(context) {
    let body = ''
    for await (const chunk of context.req) body += chunk
    const { caseId, body: comment, status, authorName = 'Dewi (Support)' } = JSON.parse(body)
    const path = comment === undefined ? 'status' : 'comments'
    const response = await fetch(
      new URL(`/v1/integrations/cases/${encodeURIComponent(caseId)}/${path}`, api.baseUrl),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${api.operatorKey}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(
          comment === undefined ? { status, authorName } : { body: comment, authorName },
        ),
      },
    )
    context.status = response.status
    return { type: 'json', body: await response.text() }
  }

  return {
    name: 'portico-api',

    async serverStart() {
      // The API is TypeScript run by tsx; load it through tsx without
      // registering a loader for the whole test runner.
      const testing = await tsImport('@portico/api/testing', import.meta.url)
      api = await testing.startTestServer({})
      sendErpEvent = testing.sendErpEvent
      uploadErpDocument = testing.uploadErpDocument
    },

    async serverStop() {
      await api?.close()
      api = undefined
    },

    async serve(context) {
      if (context.path === '/__portico/erp-event' && context.method === 'POST') {
        return deliverErpEvent(context)
      }
      if (context.path === '/__portico/erp-document' && context.method === 'POST') {
        return uploadDocument(context)
      }
      if (context.path === '/__portico/sandbox-page' && context.method === 'POST') {
        return actOnSandboxPage(context)
      }
      if (context.path === '/__portico/case-agent' && context.method === 'POST') {
        return actAsAgent(context)
      }
      if (context.path === '/__portico/follow') {
        const response = await fetch(context.query.url)
        const bytes = (await response.arrayBuffer()).byteLength
        return {
          type: 'json',
          body: JSON.stringify({
            status: response.status,
            contentType: response.headers.get('content-type'),
            disposition: response.headers.get('content-disposition'),
            bytes,
          }),
        }
      }
      if (context.path !== '/__portico/embed-session') return undefined
      const { email = DEFAULT_EMAIL, permissions, expired } = context.query
      try {
        const session = await mintEmbedSession(email, context.origin, permissions?.split(','))
        if (expired) {
          api.clock.advance(16 * 60_000)
          await mintEmbedSession(email, context.origin)
        }
        return {
          type: 'json',
          body: JSON.stringify({
            baseUrl: api.baseUrl,
            clientSecret: session.clientSecret,
            user: session.user,
          }),
        }
      } catch (error) {
        context.status = 502
        return { type: 'json', body: JSON.stringify({ error: String(error) }) }
      }
    },
  }
}
