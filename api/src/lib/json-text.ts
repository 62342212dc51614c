declare const jsonOf: unique symbol

/**
 * JSON text known to encode a `T`: what the database serialised for a
 * response body (see `summaryText` in `modules/invoices/service.ts`). The brand keeps a plain string
 * from passing for it; the schema tests check the shape at run time.
 */
export type JsonText<T> = string & { readonly [jsonOf]: T }

/** Joins JSON texts of `T` into the JSON text of a `T[]`. */
export function jsonArrayText<T>(items: ReadonlyArray<JsonText<T>>): JsonText<T[]> {
  return `[${items.join(',')}]` as JsonText<T[]>
}

/** Parses JSON text back into its value (for the rare caller that needs it). */
export function parseJsonText<T>(text: JsonText<T>): T {
  return JSON.parse(text) as T
}
