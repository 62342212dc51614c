import { settle, type RequestError } from '../request-error.js'

/**
 * Asks the API for a signed download link (`POST …/download-link`) and
 * makes it absolute: the link is a path on the API's server, which may be
 * another origin than the page. Resolves with the URL (valid for minutes)
 * or a {@link RequestError}.
 */
export async function signedLink(
  call: () => Promise<{ data?: { url: string }; error?: unknown; response: Response }>,
): Promise<{ url: string } | { error: RequestError }> {
  let response: Response | undefined
  const outcome = await settle(async () => {
    const result = await call()
    response = result.response
    return result
  })
  if ('error' in outcome) return outcome
  const base = response?.url || globalThis.location?.href
  return { url: base ? new URL(outcome.data.url, base).href : outcome.data.url }
}
