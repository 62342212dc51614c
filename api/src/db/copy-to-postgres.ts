import SQLite from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { migrateToLatest } from './migrate.js'
import type { Database } from './schema.js'

export interface CopyReport {
  /** Rows copied per table, in the order they were copied. */
  tables: Array<{ table: string; rows: number }>
}

/** Tables the migrator keeps for itself: the target has its own. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])
/** Tables the target's triggers fill as the rows they sum arrive: copied too, they would count twice. */
const DERIVED_TABLES = new Set(['account_exposure'])
const BATCH_ROWS = 500

/**
 * Copies an embedded SQLite database into an empty PostgreSQL one — the move
 * from one machine to replicas. Both are first brought to the latest
 * migration (the same migrations make the same schema on both); then every
 * table is copied in foreign-key order, in one PostgreSQL transaction (all
 * or nothing), generated columns left to PostgreSQL, and the events
 * sequence moved past the copied seqs. Row counts are checked before
 * COMMIT. Run it as the owner role with the API stopped.
 *
 * @throws when the target already holds data, or a count does not match.
 */
export async function copySqliteToPostgres(options: {
  sqlitePath: string
  source: Kysely<Database>
  target: Kysely<Database>
  log?: (line: string) => void
}): Promise<CopyReport> {
  const log = options.log ?? (() => {})
  await migrateToLatest(options.source)
  await migrateToLatest(options.target)

  const sqlite = new SQLite(options.sqlitePath, { readonly: true, fileMustExist: true })
  try {
    const tables = tablesInForeignKeyOrder(sqlite)
    const report: CopyReport = { tables: [] }
    await options.target.transaction().execute(async (trx) => {
      for (const table of tables) {
        const { rows } = await sql<{
          n: number
        }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)
        if (Number(rows[0]!.n) > 0) {
          throw new Error(
            `The target database is not empty: ${table} has rows. Copy into a new database.`,
          )
        }
      }
      for (const table of tables) {
        const columns = storedColumns(sqlite, table)
        const select = sqlite.prepare(
          `select ${columns.map(quote).join(', ')} from ${quote(table)}`,
        )
        let copied = 0
        let batch: Array<Record<string, unknown>> = []
        const flush = async () => {
          if (batch.length === 0) return
          await trx
            .insertInto(table as keyof Database)
            .values(batch as never)
            .execute()
          copied += batch.length
          batch = []
        }
        for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
          batch.push(row)
          if (batch.length === BATCH_ROWS) await flush()
        }
        await flush()
        const { rows } = await sql<{
          n: number
        }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)
        if (Number(rows[0]!.n) !== copied) {
          throw new Error(`${table}: copied ${copied} rows but the target counts ${rows[0]!.n}`)
        }
        report.tables.push({ table, rows: copied })
        log(`  ${table.padEnd(28)} ${String(copied).padStart(9)} rows`)
      }
      await checkExposure(sqlite, trx)
      // bigserial columns: the next value follows the copied ones.
      const { rows: serials } = await sql<{ table: string; column: string; sequence: string }>`
        select c.table_name as table, c.column_name as column,
          pg_get_serial_sequence(c.table_name, c.column_name) as sequence
        from information_schema.columns c
        where c.table_schema = 'public' and pg_get_serial_sequence(c.table_name, c.column_name) is not null`.execute(
        trx,
      )
      for (const { table, column, sequence } of serials) {
        await sql`select setval(${sequence}, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        )
      }
    })
    return report
  } finally {
    sqlite.close()
  }
}

/** The exposure the target's triggers summed from the copied rows must be the source's. */
async function checkExposure(sqlite: SQLite.Database, trx: Kysely<Database>): Promise<void> {
  const figures = (
    rows: Array<{ account_id: string; open_invoices: number; uninvoiced_orders: number }>,
  ) =>
    rows
      .map((r) => `${r.account_id} ${Number(r.open_invoices)} ${Number(r.uninvoiced_orders)}`)
      .sort()
  const source = sqlite
    .prepare('select account_id, open_invoices, uninvoiced_orders from account_exposure')
    .all() as Array<{ account_id: string; open_invoices: number; uninvoiced_orders: number }>
  const target = await trx
    .selectFrom('account_exposure')
    .select(['account_id', 'open_invoices', 'uninvoiced_orders'])
    .execute()
  const [expected, actual] = [figures(source), figures(target)]
  const differs =
    expected.find((line, i) => line !== actual[i]) ?? expected.length !== actual.length
  if (differs)
    throw new Error(`account_exposure: the copy sums to other figures than the source (${differs})`)
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Every application table, each after the tables it references. */
function tablesInForeignKeyOrder(sqlite: SQLite.Database): string[] {
  const names = (
    sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as Array<{ name: string }>
  )
    .map((r) => r.name)
    .filter((name) => !MIGRATOR_TABLES.has(name) && !DERIVED_TABLES.has(name))
  const references = new Map(
    names.map((name) => [
      name,
      (sqlite.pragma(`foreign_key_list(${quote(name)})`) as Array<{ table: string }>)
        .map((fk) => fk.table)
        .filter((t) => t !== name),
    ]),
  )
  const ordered: string[] = []
  const visiting = new Set<string>()
  const visit = (name: string) => {
    if (ordered.includes(name)) return
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}`)
    visiting.add(name)
    for (const parent of references.get(name) ?? []) visit(parent)
    visiting.delete(name)
    ordered.push(name)
  }
  for (const name of names.sort()) visit(name)
  return ordered
}

/** A table's columns without the generated ones (PostgreSQL computes those itself). */
function storedColumns(sqlite: SQLite.Database, table: string): string[] {
  // table_xinfo marks generated columns hidden = 2 (virtual) or 3 (stored).
  return (sqlite.pragma(`table_xinfo(${quote(table)})`) as Array<{ name: string; hidden: number }>)
    .filter((c) => c.hidden === 0)
    .map((c) => c.name)
}
