import type { Middleware } from 'openapi-fetch'

/** Where the bearer credential comes from: a fixed string or a function asked per request. */
export type TokenSource =
  string | (() => string | undefined | null | Promise<string | undefined | null>)

/** Sets `Authorization: Bearer …` unless the call set its own. */
export function authMiddleware(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      if (request.headers.has('authorization')) return
      const value = typeof token === 'function' ? await token() : token
      if (value) request.headers.set('authorization', `Bearer ${value}`)
    },
  }
}

/**
 * A random UUID v4 from `crypto.getRandomValues` — available in every
 * browser context, unlike `crypto.randomUUID` (secure contexts only).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Gives every POST an `Idempotency-Key` unless the caller chose one, so a
 * retried request (by this client or by the user) never applies twice.
 */
export const idempotencyMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', newIdempotencyKey())
    }
  },
}
