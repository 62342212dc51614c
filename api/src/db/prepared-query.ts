import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely'
import type { Database } from './schema.js'
import { asSingleColumn, singleColumnValues } from './single-column.js'

/** The row type of a query: what `SELECT` (or `RETURNING`) gives back. */
type RowOf<Q> = Q extends Compilable<infer R> ? R : never

/** A named parameter of a prepared query: stands in for its value while the query is built. */
class Placeholder {
  constructor(readonly name: string) {}
}

/** Hands out placeholders while a prepared query is built; typed as the values they stand for. */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K]

interface Template {
  sql: string
  query: CompiledQuery['query']
  /** Per position: the parameter it takes, or the constant the builder put there. */
  slots: Array<{ param: string } | { value: unknown }>
  /** How many columns a SELECT names (0 for anything else): `values()` takes one. */
  columns: number
}

/**
 * A query built with Kysely once and compiled once per dialect, then run
 * again and again with fresh parameters.
 *
 * Building and compiling a Kysely query costs more than SQLite needs to run
 * an indexed one (tens of µs of object churn per query, every request): the
 * hot paths (the session lookup, the invoice list, the credit check) build
 * theirs once. The builder receives a `param` function; each `param('x')`
 * is a placeholder Kysely compiles to a bound parameter like any value, and
 * `execute(db, { x })` fills it.
 *
 * The shape must not depend on the values: one template per variant (a
 * filter present or absent is two prepared queries), and no arrays that
 * expand to a list of parameters.
 *
 * The template is cached per dialect adapter, which a database handle shares
 * with all its transactions, so a query prepared once runs on either.
 *
 * @example
 * ```ts
 * const userById = preparedQuery<{ id: string }>()((db, param) =>
 *   db.selectFrom('users').select(['id', 'email']).where('id', '=', param('id')),
 * )
 * const rows = await userById.execute(trx, { id: 'usr_…' })
 * ```
 */
export function preparedQuery<P extends Record<string, unknown>>() {
  return function prepare<Q extends Compilable<unknown>>(
    build: (db: Kysely<Database>, param: Param<P>) => Q,
  ) {
    const templates = new WeakMap<DialectAdapter, Template>()

    function templateFor(db: Kysely<Database>): Template {
      const adapter = db.getExecutor().adapter
      let template = templates.get(adapter)
      if (!template) {
        const param = ((name: string) => new Placeholder(name)) as unknown as Param<P>
        const compiled = build(db, param).compile()
        template = {
          sql: compiled.sql,
          query: compiled.query,
          slots: compiled.parameters.map((value) =>
            value instanceof Placeholder ? { param: value.name } : { value },
          ),
          columns:
            compiled.query.kind === 'SelectQueryNode'
              ? (compiled.query.selections?.length ?? 0)
              : 0,
        }
        templates.set(adapter, template)
      }
      return template
    }

    function compiledFor(
      db: Kysely<Database>,
      params: P,
      template: Template = templateFor(db),
    ): CompiledQuery {
      return {
        sql: template.sql,
        query: template.query,
        // Plugins key per-execution state on this object: a fresh one per run.
        queryId: { queryId: template.sql },
        parameters: template.slots.map((slot) =>
          'param' in slot ? params[slot.param] : slot.value,
        ),
      }
    }

    return {
      /** The compiled SQL, for EXPLAIN and for tests. */
      sql: (db: Kysely<Database>) => templateFor(db).sql,

      /** Runs the query on `db` (a handle or a transaction) and returns its rows. */
      async execute(db: Kysely<Database>, params: P): Promise<Array<RowOf<Q>>> {
        const result = await db.executeQuery(compiledFor(db, params))
        return result.rows as Array<RowOf<Q>>
      },

      /**
       * Runs a query that selects one column and returns each row's value
       * of it: on SQLite without building a row object per row
       * (./single-column.ts).
       */
      async values(db: Kysely<Database>, params: P): Promise<Array<RowOf<Q>[keyof RowOf<Q>]>> {
        const template = templateFor(db)
        if (template.columns !== 1) {
          throw new Error(
            `values() needs one column; the query selects ${template.columns} columns`,
          )
        }
        const result = await db.executeQuery(asSingleColumn(compiledFor(db, params, template)))
        return singleColumnValues(result) as Array<RowOf<Q>[keyof RowOf<Q>]>
      },

      /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
      async run(db: Kysely<Database>, params: P): Promise<number> {
        const result = await db.executeQuery(compiledFor(db, params))
        return Number(result.numAffectedRows ?? 0n)
      },
    }
  }
}

/**
 * A prepared INSERT of one whole row of `table`, each column bound to the
 * row's value of the same name: `insertOrder.run(trx, order)`. `columns`
 * names every column (`satisfies` in the type makes the compiler check that
 * none is missing), so the statement's shape never depends on which fields
 * a row happens to carry. Rows of a variable count go in one at a time —
 * SQLite runs a prepared single-row INSERT in a few µs, less than building
 * a multi-row one.
 */
export function preparedInsert<T extends keyof Database & string>(
  table: T,
  columns: Record<keyof Database[T] & string, true>,
) {
  const names = Object.keys(columns)
  const query = preparedQuery<Record<string, unknown>>()((db, param) =>
    db
      .insertInto(table)
      .values(Object.fromEntries(names.map((name) => [name, param(name)])) as never),
  )
  return {
    sql: query.sql,
    /** Inserts `row`; resolves to the number of rows inserted. */
    run: (db: Kysely<Database>, row: Database[T]) =>
      query.run(db, row as unknown as Record<string, unknown>),
  }
}
