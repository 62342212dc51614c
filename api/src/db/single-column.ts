import type { CompiledQuery, QueryResult } from 'kysely'

/**
 * A query whose caller wants each row's one value, not a row object — a
 * list page of JSON texts, a set of IDs.
 *
 * better-sqlite3 builds every row object property by property through V8's
 * C++ API, which for a page of 51 one-column rows costs as much as SQLite's
 * whole index scan; asked for the values alone (`statement.pluck()`) it
 * hands back the strings it made anyway. The SQLite driver
 * (./group-commit.ts) answers a query marked here that way and marks its
 * result; any other driver ignores the mark and returns rows, which
 * {@link singleColumnValues} unwraps.
 */
// Marks kept beside the objects rather than on them: a query derived from a
// marked one (an EXPLAIN of it, a copy with other parameters) is a query of
// its own and must not inherit the mark.
const singleColumnQueries = new WeakSet<CompiledQuery>()
const valuesResults = new WeakSet<QueryResult<unknown>>()

/** `query`, marked as wanting each row's one value. */
export function asSingleColumn(query: CompiledQuery): CompiledQuery {
  singleColumnQueries.add(query)
  return query
}

/** Whether a driver may answer `query` with the values alone. */
export function wantsSingleColumn(query: CompiledQuery): boolean {
  return singleColumnQueries.has(query)
}

/** A driver's answer of values alone to a query marked {@link asSingleColumn}. */
export function valuesResult<R>(values: unknown[]): QueryResult<R> {
  const result: QueryResult<R> = { rows: values as R[] }
  valuesResults.add(result)
  return result
}

/** The values of a marked query's result, whichever way the driver answered it. */
export function singleColumnValues(result: QueryResult<unknown>): unknown[] {
  if (valuesResults.has(result)) return result.rows
  return result.rows.map((row) => {
    const values = Object.values(row as Record<string, unknown>)
    if (values.length !== 1) {
      throw new Error(`A single-column query returned ${values.length} columns`)
    }
    return values[0]
  })
}
