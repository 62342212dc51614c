import { z } from '@hono/zod-openapi'
import { encodeCursor } from '../lib/cursor.js'

/** `?limit=` of a cursor-paginated list: 1–100, 20 by default. */
export const PageLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .default(20)
  .openapi({ description: 'Page size, 1–100.' })

/** `?cursor=`: the `nextCursor` of the previous page. */
export const PageCursor = z.string().max(512).optional()

/** A page of a list: `{ data, nextCursor }`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() })
}

/** The `{id}` path parameter of a resource, with an example ID (its prefix tells the gates what it takes). */
export function idParams(example: string) {
  return z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, example }),
  })
}

/**
 * The page of a keyset query that fetched `limit + 1` rows: the first
 * `limit`, and a signed cursor at the last of them when another row
 * follows.
 */
export function keysetPage<R>(
  rows: R[],
  limit: number,
  cursor: { secret: string; filters: string; positionOf: (row: R) => unknown },
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    page,
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor(cursor.secret, cursor.positionOf(last), cursor.filters)
        : null,
  }
}
