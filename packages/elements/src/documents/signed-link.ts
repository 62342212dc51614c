import { settle, type RequestError } from '../request-error.js'

/** A signed download link as the API answers it. */
export interface SignedLink {
  /** Absolute: resolved against the API's server, which need not be this page's. */
  url: string
  /** When the server says it ends (the server's clock). */
  expiresAt: string
}

/** One request for a link: `POST /v1/documents/{id}/download-link` or the invoice PDF's. */
export type MintRequest = () => Promise<{
  data?: { url: string; expiresAt: string }
  error?: unknown
  response: Response
}>

/**
 * How long a link lives, as the API documents it. Its `expiresAt` is the
 * server's clock; the reader's may be minutes off either way, so the age of a
 * link is measured on this page's own clock from when it was asked for.
 */
const LINK_LIFETIME_MS = 5 * 60_000

/** A link this close to its end is minted again: the navigation still has to reach the server. */
const EXPIRY_MARGIN_MS = 15_000

/** Why no usable link came back: the request failed, or the link was stale even when asked again. */
export type MintOutcome = { link: SignedLink } | { error: RequestError } | { expired: true }

/**
 * Asks for a signed link, the one way every element does it. A link that is
 * already (nearly) expired when it arrives — the tab was suspended while the
 * request was out — is asked for once more; a second stale one is `expired`
 * rather than a loop. `now` is a monotonic clock (a test moves it).
 */
export async function mintSignedLink(
  request: MintRequest,
  now: () => number = () => performance.now(),
): Promise<MintOutcome> {
  let outcome = await mintOnce(request, now)
  if ('link' in outcome && stale(outcome, now)) outcome = await mintOnce(request, now)
  if ('error' in outcome) return { error: outcome.error }
  if (stale(outcome, now)) return { expired: true }
  return { link: outcome.link }
}

function stale(minted: { askedAt: number }, now: () => number): boolean {
  return now() - minted.askedAt >= LINK_LIFETIME_MS - EXPIRY_MARGIN_MS
}

async function mintOnce(request: MintRequest, now: () => number) {
  const askedAt = now()
  let requestUrl = ''
  const outcome = await settle(async () => {
    const result = await request()
    requestUrl = result.response.url
    return result
  })
  if ('error' in outcome) return outcome
  const base = requestUrl || globalThis.location?.href
  const url = base ? new URL(outcome.data.url, base).href : outcome.data.url
  return { askedAt, link: { url, expiresAt: outcome.data.expiresAt } }
}

/**
 * A signed link's URL, or why there is none: {@link mintSignedLink} for a
 * caller that only follows the link. A link still stale when asked for again
 * answers as the API answers a dead link (403).
 */
export async function signedLink(
  request: MintRequest,
): Promise<{ url: string } | { error: RequestError }> {
  const outcome = await mintSignedLink(request)
  if ('error' in outcome) return outcome
  if ('expired' in outcome) return { error: { status: 403 } }
  return { url: outcome.link.url }
}
