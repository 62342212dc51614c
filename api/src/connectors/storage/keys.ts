import { randomBytes } from 'node:crypto'

/**
 * A new object key: `2026/11/<32 random hex>`. Random, so nothing about a
 * document (its name, its account) can be read from the store's listing, and
 * spread over month folders so no directory grows without bound.
 */
export function newObjectKey(now = new Date()): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`
  return `${month}/${randomBytes(16).toString('hex')}`
}

/** Keys this module made; anything else (`../x`, an absolute path) is refused before it reaches a path. */
export const OBJECT_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}$/
