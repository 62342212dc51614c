import type { PorticoApp } from '../../src/app.js'
import { listOperations, operations, type Operation } from './spec.js'

/** Portico IDs: a lowercase prefix, `_`, 26 Crockford base32 characters. */
export const ID_PATTERN = /\b[a-z]+_[0-9a-hjkmnp-tv-z]{26}\b/g

/** Every Portico ID inside a JSON text. */
export function idsIn(text: string): string[] {
  return text.match(ID_PATTERN) ?? []
}

/**
 * Everything an account can see through every list endpoint of the spec,
 * paged to the end: the IDs found anywhere in the bodies.
 */
export async function harvestIds(
  app: PorticoApp,
  headers: Record<string, string>,
): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const op of listOperations()) {
    const limitParam = op.parameters.find((p) => p.name === 'limit')
    const limit = limitParam?.schema.maximum ?? 100
    let cursor: string | null = null
    let pages = 0
    do {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })
      const response = await app.request(`${op.path}?${query}`, { headers })
      if (response.status !== 200)
        throw new Error(`${op.name} answered ${response.status} while harvesting`)
      const text = await response.text()
      for (const id of idsIn(text)) ids.add(id)
      cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor
      if (++pages > 10_000) throw new Error(`${op.name} never ends`)
    } while (cursor)
  }
  return ids
}

/** The ID prefix a path parameter expects, from its documented example (`inv_…` → `inv`). */
export function expectedPrefix(op: Operation, param: string): string | undefined {
  const example = op.parameters.find((p) => p.name === param)?.schema.example
  return typeof example === 'string' ? /^([a-z]+)_/.exec(example)?.[1] : undefined
}

/** Known IDs per path parameter of an operation, matched by prefix. */
export function idsForParams(op: Operation, ids: Iterable<string>): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    const prefix = expectedPrefix(op, param.name)
    result[param.name] = [...ids].filter((id) => !prefix || id.startsWith(`${prefix}_`))
  }
  return result
}

/**
 * Download links minted, through every `…/download-link` operation, for a few
 * of the IDs a user can see: the tokens `GET /v1/downloads/{token}` takes,
 * so the gates reach real downloads too. Bound to the session in `headers`.
 */
export async function harvestDownloadTokens(
  app: PorticoApp,
  headers: Record<string, string>,
  ids: Iterable<string>,
): Promise<string[]> {
  const tokens: string[] = []
  const mint = async (path: string) => {
    const response = await app.request(path, { method: 'POST', headers })
    if (response.status !== 200) return response.status
    const { url } = (await response.json()) as { url: string }
    tokens.push(url.slice(url.lastIndexOf('/') + 1))
    return 200
  }
  for (const op of operations()) {
    if (op.method !== 'POST' || !op.path.endsWith('/download-link')) continue
    const known = idsForParams(op, ids)
    const params = Object.keys(known)
    if (params.length === 1) {
      for (const id of (known.id ?? []).slice(0, 3)) {
        const status = await mint(op.path.replace('{id}', id))
        if (status !== 200)
          throw new Error(`${op.name} answered ${status} for ${id} while harvesting`)
      }
      continue
    }
    // A file of a parent (`/v1/cases/{id}/attachments/{attachmentId}/…`): the
    // lists show the IDs but not which parent each child is of, so every pair
    // is tried and those that belong together (200) kept.
    let pairs: Array<Record<string, string>> = [{}]
    for (const param of params)
      pairs = pairs.flatMap((pair) => (known[param] ?? []).map((id) => ({ ...pair, [param]: id })))
    let minted = 0
    for (const pair of pairs) {
      if (minted === 3) break
      const path = params.reduce((p, param) => p.replace(`{${param}}`, pair[param]!), op.path)
      if ((await mint(path)) === 200) minted++
    }
  }
  return tokens
}
