import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { resolveApiKey } from '../modules/auth/api-keys.js'
import { resolveSessionToken } from '../modules/auth/service.js'
import { isOriginBound, resolveEmbedSecret } from '../modules/embed/service.js'
import type { AppEnv } from './env.js'
import type { Permission } from './permissions.js'
import { ApiError } from './problem.js'

/** Who may call a route: anyone, the operator (API key), or a user holding a permission. */
export type Access = 'public' | 'operator' | Permission

export const SESSION_COOKIE = 'portico_session'

const unauthenticated = (detail = 'A valid credential is required.') =>
  new ApiError(401, 'unauthenticated', detail, { headers: { 'WWW-Authenticate': 'Bearer' } })

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? ''
}

/**
 * Authenticates the request for one route and checks its permission.
 * Credentials, in order: `Authorization: Bearer` (session token `pst_`,
 * embed secret `pes_`, operator key `sk_`), then the portal session cookie.
 * The tenant comes from the credential only — never from the URL or body.
 */
export function authorize(access: Access) {
  return createMiddleware<AppEnv>(async function authorizeRequest(c, next) {
    if (access === 'public') return next()
    const { db, clock } = c.get('deps')
    const header = bearerToken(c.req.header('authorization'))
    const now = clock.now()

    if (access === 'operator') {
      if (!header?.startsWith('sk_')) throw unauthenticated('An operator API key is required.')
      const operator = await resolveApiKey(db, header)
      if (!operator) throw unauthenticated('The API key is invalid or revoked.')
      c.set('principal', operator)
      return next()
    }

    const credential = header ?? getCookie(c, SESSION_COOKIE)
    if (!credential) throw unauthenticated()
    if (credential.startsWith('pst_')) {
      const principal = await resolveSessionToken(db, credential, now)
      if (!principal) throw unauthenticated('The session has expired or was signed out.')
      c.set('principal', principal)
    } else if (credential.startsWith('pes_')) {
      const origin = c.req.header('origin')
      const result = await resolveEmbedSecret(db, credential, origin, now)
      if (!result.ok) {
        // Let a page on a bound origin read the 401 (and re-mint its secret)
        // even when the secret itself is unknown — the preflight's rule.
        const readable =
          result.corsOrigin ??
          (origin && (await isOriginBound(db, origin, now)) ? origin : undefined)
        c.set('corsOrigin', readable)
        throw unauthenticated('The embed session has expired or is not valid from this origin.')
      }
      c.set('corsOrigin', result.origin)
      c.set('principal', result.principal)
    } else {
      throw unauthenticated()
    }
    const principal = c.get('principal')
    if (principal.kind !== 'user' || !principal.permissions.has(access)) {
      throw new ApiError(403, 'forbidden', `This action needs the ${access} permission.`)
    }
    return next()
  })
}

/** The signed-in user; only call behind `authorize(<permission>)`. */
export function requireUser(principal: AppEnv['Variables']['principal']) {
  if (principal?.kind !== 'user') throw unauthenticated()
  return principal
}
