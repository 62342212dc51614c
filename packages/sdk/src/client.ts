import createClient, { type Client } from 'openapi-fetch'
import type { PortalEvents } from './events.js'
import { lazyPortalEvents } from './lazy-events.js'
import { authMiddleware, idempotencyMiddleware } from './middleware.js'
import { retryingFetch, type RetryOptions } from './retry.js'
import type { paths } from './schema.js'

/**
 * The API's paths with the `Idempotency-Key` header made optional: the
 * client adds one to every POST, so callers pass it only to choose their own.
 */
export type PortalPaths = {
  [P in keyof paths]: {
    [M in keyof paths[P]]: paths[P][M] extends { parameters: { header: infer H } }
      ? Omit<paths[P][M], 'parameters'> & {
          parameters: Omit<paths[P][M]['parameters'], 'header'> & {
            header?: Omit<H, 'idempotency-key'> & { 'idempotency-key'?: string }
          }
        }
      : paths[P][M]
  }
}

/** The openapi-fetch client of the API's paths, plus live updates (`events.subscribe`). */
export type PortalClient = Client<PortalPaths> & { events: PortalEvents }

export interface PortalClientOptions {
  /** The Portico server, e.g. `https://portal.example.com` (no `/v1`). */
  baseUrl: string
  /** A session token (`pst_…`) or embed client secret (`pes_…`). */
  token?: string
  /** Asked before each request; use it when the credential can change (refresh, sign-in). */
  getToken?: () => string | undefined | null | Promise<string | undefined | null>
  /** A fetch implementation (tests, Node without global fetch, instrumentation). */
  fetch?: (request: Request) => Promise<Response>
  /**
   * Whether to send cookies. Default `same-origin`: the portal's own pages
   * authenticate with the session cookie; embedded pages use a token.
   */
  credentials?: RequestCredentials
  /** Retries for requests safe to repeat; `{ retries: 0 }` disables. */
  retry?: RetryOptions
}

/**
 * A typed client for the Portico API. Calls return `{ data, error, response }`
 * (errors are values); wrap a call in {@link unwrap} to get the data or a
 * thrown {@link PortalApiError}.
 *
 * @example
 * const portal = createPortalClient({ baseUrl: 'https://portal.example.com', token })
 * const page = await unwrap(portal.GET('/v1/invoices', { params: { query: { status: 'overdue' } } }))
 * portal.events.subscribe({ types: ['invoice.*'] }, (event) => console.log(event.type, event.subjectId))
 */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  if (!options.baseUrl)
    throw new TypeError(
      'createPortalClient: `baseUrl` is required, e.g. "https://portal.example.com".',
    )
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const credentials = options.credentials ?? 'same-origin'
  const client = createClient<PortalPaths>({
    baseUrl,
    credentials,
    fetch: retryingFetch(baseFetch, options.retry),
  })
  const token = options.getToken ?? options.token
  if (token) client.use(authMiddleware(token))
  client.use(idempotencyMiddleware)
  // The event stream reconnects by itself, so it skips the retrying fetch.
  return Object.assign(client, {
    events: lazyPortalEvents({ baseUrl, fetch: baseFetch, token, credentials }),
  })
}
