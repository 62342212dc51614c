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
const SINGLE_COLUMN = Symbol('portico.singleColumn')
const ANSWERED_AS_VALUES = Symbol('portico.answeredAsValues')

/** `query`, marked as wanting each row's one value. */
export function asSingleColumn(query: CompiledQuery): CompiledQuery {
  return Object.assign(query, { [SINGLE_COLUMN]: true })
}

/** Whether a driver may answer `query` with the values alone. */
export function wantsSingleColumn(query: CompiledQuery): boolean {
  return SINGLE_COLUMN in query
}

/** A driver's answer of values alone to a query marked {@link asSingleColumn}. */
export function valuesResult<R>(values: unknown[]): QueryResult<R> {
  return Object.assign({ rows: values as R[] }, { [ANSWERED_AS_VALUES]: true })
}

/** The values of a marked query's result, whichever way the driver answered it. */
export function singleColumnValues(result: QueryResult<unknown>): unknown[] {
  if (ANSWERED_AS_VALUES in result) return result.rows
  return result.rows.map((row) => {
    const values = Object.values(row as Record<string, unknown>)
    if (values.length !== 1) {
      throw new Error(`A single-column query returned ${values.length} columns`)
    }
    return values[0]
  })
}
