import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Bearer credential prefixes: session token, embed client secret, operator key. */
export type SecretPrefix = 'pst' | 'pes' | 'sk'

/** A fresh bearer credential: prefix + 256 random bits, base64url. */
export function generateSecret(prefix: SecretPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/**
 * SHA-256 of a credential, as stored at rest. A fast hash is right here (unlike
 * passwords): the input has 256 bits of entropy, so there is nothing to brute-force.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** HMAC-SHA256 of `data` under `key`, base64url. */
export function sign(key: string, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url')
}

/** Constant-time comparison of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
