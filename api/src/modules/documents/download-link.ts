import { safeEqual, sign } from '../../lib/secrets.js'
import type { UserPrincipal } from '../../http/principal.js'

/** A download link is good for 5 minutes: long enough to click, short if it leaks (a log, a Referer). */
export const DOWNLOAD_LINK_TTL_MS = 5 * 60 * 1000

/** What a link says, and what its signature covers. */
export interface DownloadClaim {
  /** The document (`doc_…`) or invoice (`inv_…`, its rendered PDF). */
  subjectId: string
  accountId: string
  userId: string
  /** The session or embed session that minted it: it must still be live when the link is used. */
  credentialId: string
  via: UserPrincipal['via']
  /** Unix milliseconds. */
  expiresAt: number
}

export type LinkCheck =
  { ok: true; claim: DownloadClaim } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' }

const PURPOSE = 'document-download'

function signature(secret: string, body: string): string {
  // Domain-separated from every other value signed with the server secret (cursors).
  return sign(secret, `${PURPOSE}|${body}`)
}

/** The link's token: base64url JSON of the claim, a dot, its HMAC-SHA256. */
export function signDownloadToken(secret: string, claim: DownloadClaim): string {
  const body = Buffer.from(
    JSON.stringify([
      claim.subjectId,
      claim.accountId,
      claim.userId,
      claim.credentialId,
      claim.via,
      claim.expiresAt,
    ]),
  ).toString('base64url')
  return `${body}.${signature(secret, body)}`
}

/** Checks a token's signature in constant time, then its expiry against `now`. */
export function checkDownloadToken(secret: string, token: string, now: Date): LinkCheck {
  const [body, mac, extra] = token.split('.')
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' }
  if (!safeEqual(mac, signature(secret, body))) return { ok: false, reason: 'tampered' }
  let fields: unknown
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!Array.isArray(fields) || fields.length !== 6) return { ok: false, reason: 'malformed' }
  const [subjectId, accountId, userId, credentialId, via, expiresAt] = fields as unknown[]
  if (
    typeof subjectId !== 'string' ||
    typeof accountId !== 'string' ||
    typeof userId !== 'string' ||
    typeof credentialId !== 'string' ||
    (via !== 'session' && via !== 'embed') ||
    typeof expiresAt !== 'number'
  )
    return { ok: false, reason: 'malformed' }
  // A signed expiry further out than any link we mint (allowing a minute of
  // clock skew between replicas) is as suspicious as a past one.
  if (expiresAt <= now.getTime() || expiresAt > now.getTime() + DOWNLOAD_LINK_TTL_MS + 60_000)
    return { ok: false, reason: 'expired' }
  return { ok: true, claim: { subjectId, accountId, userId, credentialId, via, expiresAt } }
}
