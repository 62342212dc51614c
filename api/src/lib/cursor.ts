import { safeEqual, sign } from './secrets.js'

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
}

/**
 * Opaque keyset-pagination cursors: base64url JSON + an HMAC over it and over
 * the list's filters. A client can neither forge a position nor reuse a
 * cursor with different filters; both are rejected as a bad `cursor`.
 */
export function encodeCursor(secret: string, position: unknown, filters: string): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url')
  return `${body}.${sign(secret, `${body}|${filters}`).slice(0, 22)}`
}

/** @throws InvalidCursorError when the cursor is malformed, tampered or from other filters. */
export function decodeCursor(secret: string, cursor: string, filters: string): unknown {
  const [body, signature, extra] = cursor.split('.')
  if (!body || !signature || extra !== undefined) throw new InvalidCursorError('malformed')
  if (!safeEqual(signature, sign(secret, `${body}|${filters}`).slice(0, 22))) {
    throw new InvalidCursorError('signature mismatch')
  }
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError('malformed')
  }
}
