import { sql, type CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely'
import { isPostgres } from '../db/dialect.js'
import type { Database } from '../db/schema.js'

/** Records the SQL a service runs, so its plan can be asked for as it is. */
export function queryRecorder(db: Kysely<Database>, into: CompiledQuery[]): KyselyPlugin {
  return {
    transformQuery(args) {
      into.push(db.getExecutor().compileQuery(args.node, args.queryId))
      return args.node
    },
    transformResult: async (args) => args.result,
  }
}

/**
 * The plan of a query on this dialect. PostgreSQL is told to avoid
 * sequential scans: on a demo-sized table it would rightly prefer one, and
 * the question is whether an index serves the query at the sizes it is for.
 */
export async function planOf(db: Kysely<Database>, query: CompiledQuery): Promise<string> {
  if (!isPostgres(db)) {
    const result = await db.executeQuery<{ detail: string }>({
      ...query,
      sql: `explain query plan ${query.sql}`,
    })
    return result.rows.map((r) => r.detail).join('\n')
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx)
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>({
      ...query,
      sql: `explain ${query.sql}`,
    })
    return result.rows.map((r) => r['QUERY PLAN']).join('\n')
  })
}

/**
 * `db`, recording each compiled query run through `db.executeQuery` — what a
 * prepared query (db/prepared-query.ts) runs, which a plugin never sees: it
 * is compiled once, not per execution.
 */
export function recordingExecutions(db: Kysely<Database>, into: CompiledQuery[]): Kysely<Database> {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'executeQuery') {
        return (query: CompiledQuery) => {
          into.push(query)
          return target.executeQuery(query)
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
