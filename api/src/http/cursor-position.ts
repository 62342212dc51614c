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

/** A position of two strings `{ k, i }` — a sort key and the row's ID — the shape most lists use. */
export function isKeyPosition(value: unknown): value is { k: string; i: string } {
  const p = value as { k?: unknown; i?: unknown } | null
  return typeof p === 'object' && p !== null && typeof p.k === 'string' && typeof p.i === 'string'
}
