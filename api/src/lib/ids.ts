import { randomFillSync } from 'node:crypto'

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz'

/** The prefixes IDs carry, so a stray ID in a log says what it names. */
export type IdPrefix =
  | 'req'
  | 'acct'
  | 'user'
  | 'sess'
  | 'key'
  | 'emb'
  | 'inv'
  | 'invl'
  | 'evt'
  | 'prod'
  | 'pl'
  | 'ord'
  | 'ordl'
  | 'otl'
  | 'shp'
  | 'doc'
  | 'ctr'
  | 'ctri'
  | 'ntf'
  | 'pay'
  | 'case'
  | 'cmt'
  | 'catt'

/**
 * Records every account may legitimately see by the same ID: the catalog's
 * products (their *prices* are per account). The tenant-isolation gate does
 * not count these as leaks.
 */
export const SHARED_ID_PREFIXES: readonly IdPrefix[] = ['prod']

/**
 * Random bytes drawn from a pool refilled 4 KB at a time: one system call
 * per ~400 IDs instead of one per ID (every request gets a request ID).
 * The bytes are the same CSPRNG output either way and each is used once.
 */
const pool = Buffer.alloc(4096)
let poolOffset = pool.length

function randomBytesFromPool(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const bytes = pool.subarray(poolOffset, poolOffset + size)
  poolOffset += size
  return bytes
}

/**
 * An opaque, unguessable, roughly time-ordered ID: `inv_` + 10 characters of
 * millisecond timestamp + 16 characters (80 bits) of randomness, Crockford
 * base32 — the ULID layout, lower-cased and prefixed like Stripe's IDs.
 */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = randomBytesFromPool(10)
  let random = ''
  // 80 bits → 16 base32 characters, 5 bits at a time.
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      random += CROCKFORD[(buffer >> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return `${prefix}_${time}${random}`
}

/** Whether `value` is shaped like an ID with this prefix (cheap pre-check before a lookup). */
export function isId(prefix: IdPrefix, value: string): boolean {
  return value.length === prefix.length + 27 && value.startsWith(`${prefix}_`)
}
