/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by the
 * UTF-16 code units of their names, no whitespace, strings and numbers as
 * ECMAScript's JSON.stringify writes them (which is what JCS specifies). The
 * same value gives the same bytes on every machine — what a hash chain needs.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8785
 * @throws TypeError for values JSON cannot hold exactly (NaN, Infinity, undefined, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not representable in JSON: ${value}`)
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    // Default sort compares UTF-16 code units, as JCS §3.2.3 requires.
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  throw new TypeError(`not representable in JSON: ${typeof value}`)
}
