import { randomUUID } from 'node:crypto'

/** What the intranet needs from Portico to show its widgets. */
export interface EmbedSession {
  /** `pes_…`: valid only from the origins it is bound to, for at most 15 minutes. */
  clientSecret: string
  expiresAt: string
  /** Seconds until the browser should fetch a new secret (a minute before expiry). */
  refreshInSeconds: number
}

export interface MintOptions {
  porticoUrl: string
  /** The operator API key (`sk_…`). It stays on this server; browsers never see it. */
  operatorKey: string
  /** The Portico user the signed-in employee is. */
  email: string
  /** This intranet's origin, e.g. `https://intranet.brandt-maschinenbau.de`. */
  origin: string
  ttlSeconds?: number | undefined
  /** What the page's widgets need, and no more (default: the invoice list's `invoices:read`). */
  permissions?: readonly string[]
  timeoutMs?: number
}

/**
 * Why no secret could be minted:
 * - `unreachable`: Portico did not answer (down, wrong `PORTICO_URL`, timeout)
 *   or asked to slow down (429) — worth retrying later;
 * - `unauthorized`: Portico refused the operator key;
 * - `rejected`: Portico refused the request (unknown user, bad origin, …).
 */
export class EmbedSessionError extends Error {
  override name = 'EmbedSessionError'
  readonly kind: 'unreachable' | 'unauthorized' | 'rejected'
  readonly status: number | undefined

  constructor(
    kind: EmbedSessionError['kind'],
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.kind = kind
    this.status = options.status
  }
}

/** Refresh this long before expiry, so a slow network never meets an expired secret. */
const REFRESH_MARGIN_SECONDS = 60

/**
 * Mints an embed session: `POST /v1/embed-sessions` with the operator key,
 * for one user, bound to this page's origin and narrowed to what the page's
 * widgets need.
 */
export async function mintEmbedSession({
  porticoUrl,
  operatorKey,
  email,
  origin,
  ttlSeconds = 900,
  permissions = ['invoices:read'],
  timeoutMs = 5_000,
}: MintOptions): Promise<EmbedSession> {
  let response: Response
  try {
    response = await fetch(new URL('/v1/embed-sessions', porticoUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${operatorKey}`,
        'content-type': 'application/json',
        // A retried mint (ours, or a proxy's) must not create a second session.
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        email,
        allowedOrigins: [origin],
        ttlSeconds,
        permissions,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (cause) {
    throw new EmbedSessionError('unreachable', `Portico at ${porticoUrl} did not answer.`, {
      cause,
    })
  }

  const body = (await response.json().catch(() => undefined)) as
    { clientSecret?: string; expiresAt?: string; detail?: string } | undefined
  if (response.status === 401) {
    throw new EmbedSessionError('unauthorized', body?.detail ?? 'The operator key was refused.', {
      status: 401,
    })
  }
  if (response.status === 429 || response.status >= 500) {
    throw new EmbedSessionError('unreachable', `Portico answered ${response.status}.`, {
      status: response.status,
    })
  }
  if (!response.ok || !body?.clientSecret || !body.expiresAt) {
    throw new EmbedSessionError(
      'rejected',
      body?.detail ?? `Portico answered ${response.status}.`,
      {
        status: response.status,
      },
    )
  }
  const lifetime = Math.round((Date.parse(body.expiresAt) - Date.now()) / 1000)
  return {
    clientSecret: body.clientSecret,
    expiresAt: body.expiresAt,
    refreshInSeconds: Math.max(30, Math.min(ttlSeconds, lifetime) - REFRESH_MARGIN_SECONDS),
  }
}
