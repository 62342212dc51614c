import { createPortalClient, PortalApiError, unwrap, type Schemas } from '@portico/sdk'
import { currentPath, currentRoute, navigate } from './router.js'

/** Who is signed in: the parts of `GET /v1/me` (and of the login answer) the shell shows. */
export type Profile = Pick<Schemas['Me'], 'user' | 'account'>

/** Routes whose 401 means "wrong password" or "already signed out", not "session expired". */
const AUTH_PATHS = new Set(['/v1/auth/login', '/v1/auth/logout'])

/**
 * Sends a person whose session ended (idle timeout, signed out in another
 * tab, revoked) to the sign-in page, remembering where they were.
 */
function redirectToLogin() {
  profile = undefined
  if (currentRoute().name === 'login') return
  navigate(`/login?next=${encodeURIComponent(currentPath())}`, { replace: true })
}

/**
 * The one API client of the shell. Same origin as the API, so the session
 * is the HttpOnly `portico_session` cookie: no token is ever held in script
 * or storage. Every 401 outside sign-in/out — from the shell's own calls
 * or from an element that uses this client — leads to the sign-in page.
 */
export const portal = createPortalClient({
  baseUrl: location.origin,
  credentials: 'same-origin',
  async fetch(request) {
    const response = await fetch(request)
    if (response.status === 401 && !AUTH_PATHS.has(new URL(request.url).pathname)) redirectToLogin()
    return response
  },
})

let profile: Profile | undefined

/** The signed-in user, fetched once per page load (or taken from the sign-in answer). */
export async function loadProfile(): Promise<Profile> {
  profile ??= await unwrap(portal.GET('/v1/me'))
  return profile
}

/** The outcome of a sign-in attempt, with what a person needs to be told. */
export type SignInResult =
  | { ok: true; profile: Profile }
  | { ok: false; error: PortalApiError; retryAfterSeconds: number | undefined }

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let result
  try {
    result = await portal.POST('/v1/auth/login', { body: { email, password } })
  } catch (cause) {
    return { ok: false, error: PortalApiError.network(cause), retryAfterSeconds: undefined }
  }
  if (result.data) {
    // The answer also carries the token; the cookie already holds it, so it is dropped here.
    profile = { user: result.data.user, account: result.data.account }
    return { ok: true, profile }
  }
  const retryAfter = Number(result.response.headers.get('retry-after'))
  return {
    ok: false,
    error: PortalApiError.fromResponse(result.response, result.error),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  }
}

/** Revokes the session on the server (which also clears the cookie). */
export async function signOut(): Promise<void> {
  try {
    await portal.POST('/v1/auth/logout')
  } finally {
    profile = undefined
  }
}
