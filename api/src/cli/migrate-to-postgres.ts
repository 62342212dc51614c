/**
 * `portico migrate-to-postgres`: copies the embedded SQLite database into an
 * empty PostgreSQL database, for the move to replicas.
 *
 *   pnpm --filter @portico/api migrate-to-postgres -- \
 *     --from file:./data/portico.db --to postgres://portico_owner@db.internal/portico
 *
 * `--to` is the owner role (it migrates the schema and writes every
 * account's rows). Stop the API first; start it again with DATABASE_URL (the
 * app role) and DATABASE_MIGRATION_URL (the owner) pointing at PostgreSQL.
 */
import { parseArgs } from 'node:util'
import { existsSync } from 'node:fs'
import { openDatabase, isPostgresUrl } from '../db/connect.js'
import { copySqliteToPostgres } from '../db/copy-to-postgres.js'

const usage =
  'Usage: migrate-to-postgres --from file:./data/portico.db --to postgres://owner@host/database'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const from = values.from ?? process.env.DATABASE_URL ?? 'file:./data/portico.db'
  const to = values.to
  if (!to || !isPostgresUrl(to) || isPostgresUrl(from)) {
    process.stderr.write(`${usage}\n`)
    return 64 // EX_USAGE
  }
  const sqlitePath = from.startsWith('file:') ? from.slice('file:'.length) : from
  if (!existsSync(sqlitePath)) {
    process.stderr.write(`No SQLite database at ${sqlitePath}\n`)
    return 66 // EX_NOINPUT
  }
  const source = openDatabase(from)
  const target = openDatabase(to, { poolSize: 2 })
  try {
    process.stdout.write(`Copying ${sqlitePath} → ${new URL(to).host}${new URL(to).pathname}\n`)
    const started = Date.now()
    const report = await copySqliteToPostgres({
      sqlitePath,
      source: source.db,
      target: target.db,
      log: (line) => process.stdout.write(`${line}\n`),
    })
    const rows = report.tables.reduce((sum, t) => sum + t.rows, 0)
    process.stdout.write(
      `Done: ${rows.toLocaleString('en')} rows in ${report.tables.length} tables, ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    )
    return 0
  } finally {
    await source.close()
    await target.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `migrate-to-postgres failed: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  },
)
