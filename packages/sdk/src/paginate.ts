import type { PortalClient, PortalPaths } from './client.js'
import { unwrap } from './unwrap.js'

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never

/** Paths whose GET returns a cursor page `{ data, nextCursor }`. */
export type ListPath = {
  [P in keyof PortalPaths]: PortalPaths[P] extends { get: { responses: { 200: infer R } } }
    ? JsonOf<R> extends { data: unknown[]; nextCursor: string | null }
      ? P
      : never
    : never
}[keyof PortalPaths]

type ListQuery<P extends ListPath> = PortalPaths[P] extends {
  get: { parameters: { query?: infer Q } }
}
  ? Omit<NonNullable<Q>, 'cursor'>
  : never

export type ListItem<P extends ListPath> = PortalPaths[P] extends {
  get: { responses: { 200: infer R } }
}
  ? JsonOf<R> extends { data: Array<infer T> }
    ? T
    : never
  : never

/**
 * Every item of a cursor-paginated list, fetching pages as you iterate.
 * Stop early with `break`; pass `signal` to abort a page in flight.
 *
 * @example
 * for await (const invoice of paginate(portal, '/v1/invoices', { query: { status: 'overdue' } })) { … }
 */
export async function* paginate<P extends ListPath>(
  client: PortalClient,
  path: P,
  options: { query?: ListQuery<P>; signal?: AbortSignal } = {},
): AsyncGenerator<ListItem<P>, void, undefined> {
  let cursor: string | undefined
  do {
    const query = { ...options.query, ...(cursor ? { cursor } : {}) }
    // The generic path defeats openapi-fetch's per-path inference; the types above restore it.
    type Page = { data: ListItem<P>[]; nextCursor: string | null }
    const get = client.GET as (
      path: string,
      init: unknown,
    ) => Promise<{ data?: Page; error?: unknown; response: Response }>
    const page = await unwrap(get(path, { params: { query }, signal: options.signal }))
    yield* page.data
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}
