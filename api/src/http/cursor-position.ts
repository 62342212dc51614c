import { decodeCursor, InvalidCursorError } from '../lib/cursor.js'
import { invalidField } from './problem.js'

/**
 * The keyset position a list's `cursor` query parameter carries, or
 * undefined on the first page. A cursor that is forged, malformed, of
 * another shape, or issued for other filters is a 400 naming `query.cursor`.
 */
export function cursorPosition<T>(
  secret: string,
  cursor: string | undefined,
  filters: string,
  isPosition: (value: unknown) => value is T,
): T | undefined {
  if (!cursor) return undefined
  try {
    const decoded = decodeCursor(secret, cursor, filters)
    if (!isPosition(decoded)) throw new InvalidCursorError('shape')
    return decoded
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw invalidField(
        'query.cursor',
        'The cursor is invalid, tampered with, or belongs to other filters',
        'invalid_cursor',
      )
    }
    throw error
  }
}

/** A keyset position of two strings, `{ [a]: string, [b]: string }`. */
export function isStringPair<A extends string, B extends string>(a: A, b: B) {
  return (value: unknown): value is Record<A | B, string> => {
    const v = value as Record<string, unknown> | null
    return (
      typeof v === 'object' && v !== null && typeof v[a] === 'string' && typeof v[b] === 'string'
    )
  }
}

/** `{ k, i }` — a sort key and the row's ID — the shape most lists use. */
export const isKeyPosition = isStringPair('k', 'i')
