/**
 * Runs the API test suite on one dialect: `node --import tsx
 * test/run-suite.ts <sqlite|postgres> <test files…>` (the package's `test`
 * script runs both, SQLite first).
 *
 * It migrates and seeds one template for the run — a SQLite file, or on
 * PostgreSQL a template database (as the owner role, creating the test roles
 * if the server lacks them) — with its demo documents in a folder of the
 * run, then runs every test file with the template named in the
 * environment: each test app works on its own copy (on PostgreSQL as the
 * app role that row-level security binds), instead of migrating and seeding
 * its own. Everything of the run is removed afterwards, whatever happened.
 *
 * PostgreSQL must be reachable at `PORTICO_TEST_PG_ADMIN_URL` (default
 * postgres://postgres@127.0.0.1:5432/postgres, a superuser). When it is not,
 * the run fails and says why; `PORTICO_TEST_SKIP_POSTGRES=1` skips it on a
 * machine without PostgreSQL, with a warning nobody can miss.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config.js'
import { prepareDatabase } from '../src/bootstrap.js'
import { systemClock } from '../src/lib/clock.js'
import { DOCUMENTS_ENV, SQLITE_TEMPLATE_ENV } from '../src/testing.js'
import {
  adminUrl,
  createDatabase,
  databaseUrl,
  dropDatabasesLike,
  ensureTestRoles,
  postgresReachable,
  TEMPLATE_ENV,
  TEST_APP_ROLE,
  TEST_OWNER_ROLE,
  uniqueDatabaseName,
} from '../src/testing/postgres.js'

const banner = (lines: string[]) => {
  const width = Math.max(...lines.map((l) => l.length)) + 4
  const rule = '!'.repeat(width)
  process.stderr.write(
    `\n${rule}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${rule}\n\n`,
  )
}

async function main(dialect: string | undefined, files: string[]): Promise<number> {
  if (dialect === 'sqlite') return runOnSqlite(files)
  if (dialect !== 'postgres') {
    process.stderr.write('Usage: run-suite.ts <sqlite|postgres> <test files…>\n')
    return 64
  }
  if (process.env.PORTICO_TEST_SKIP_POSTGRES === '1') {
    banner([
      'PostgreSQL tests SKIPPED (PORTICO_TEST_SKIP_POSTGRES=1).',
      'Only the SQLite run was checked; row-level security and replicas were not.',
    ])
    return 0
  }
  const reachable = await postgresReachable()
  if (!reachable.ok) {
    banner([
      `PostgreSQL is not reachable at ${adminUrl()}: ${reachable.reason}`,
      'The API suite must also pass on PostgreSQL. Start it, e.g.',
      '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      'or point PORTICO_TEST_PG_ADMIN_URL at a superuser connection.',
      '(PORTICO_TEST_SKIP_POSTGRES=1 skips this run on a machine without it.)',
    ])
    return 1
  }

  await ensureTestRoles()
  const template = uniqueDatabaseName('portico_test_')
  const documents = mkdtempSync(join(tmpdir(), 'portico-test-documents-'))
  try {
    await createDatabase(template)
    const database = await prepareDatabase(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl(TEST_APP_ROLE, template),
        DATABASE_MIGRATION_URL: databaseUrl(TEST_OWNER_ROLE, template),
        PORTICO_DOCUMENT_DIR: documents,
      }),
      systemClock,
    )
    await database.close()
    process.stdout.write(`# PostgreSQL run on ${adminUrl()}, template database ${template}\n`)
    return await runTests(files, { [TEMPLATE_ENV]: template, [DOCUMENTS_ENV]: documents })
  } finally {
    // The template and every copy a test app made (or left behind on a crash).
    await dropDatabasesLike(template)
    rmSync(documents, { recursive: true, force: true })
  }
}

async function runOnSqlite(files: string[]): Promise<number> {
  const template = mkdtempSync(join(tmpdir(), 'portico-test-template-'))
  const documents = join(template, 'documents')
  try {
    const database = await prepareDatabase(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: `file:${join(template, 'portico.db')}`,
        PORTICO_DOCUMENT_DIR: documents,
      }),
      systemClock,
    )
    // Closing checkpoints the WAL: the template is one file to copy.
    await database.close()
    process.stdout.write(`# SQLite run, template ${template}\n`)
    return await runTests(files, { [SQLITE_TEMPLATE_ENV]: template, [DOCUMENTS_ENV]: documents })
  } finally {
    rmSync(template, { recursive: true, force: true })
  }
}

function runTests(files: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...files], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
}

main(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `PostgreSQL test run failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exit(1)
  },
)
