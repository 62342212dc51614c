/**
 * Runs the API test suite against PostgreSQL: `node --import tsx
 * test/run-on-postgres.ts <test files…>` (the package's `test` script does,
 * after the SQLite run).
 *
 * It creates the test roles if the server lacks them, migrates and seeds one
 * template database for the run (as the owner role), runs every test file
 * with `PORTICO_TEST_PG_TEMPLATE` set — each test app then works on its own
 * copy, as the app role that row-level security binds — and drops every
 * database of the run afterwards, whatever happened.
 *
 * PostgreSQL must be reachable at `PORTICO_TEST_PG_ADMIN_URL` (default
 * postgres://postgres@127.0.0.1:5432/postgres, a superuser). When it is not,
 * the run fails and says why; `PORTICO_TEST_SKIP_POSTGRES=1` skips it on a
 * machine without PostgreSQL, with a warning nobody can miss.
 */
import { spawn } from 'node:child_process'
import { loadConfig } from '../src/config.js'
import { prepareDatabase } from '../src/bootstrap.js'
import { systemClock } from '../src/lib/clock.js'
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

async function main(files: string[]): Promise<number> {
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
  try {
    await createDatabase(template)
    const database = await prepareDatabase(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl(TEST_APP_ROLE, template),
        DATABASE_MIGRATION_URL: databaseUrl(TEST_OWNER_ROLE, template),
      }),
      systemClock,
    )
    await database.close()
    process.stdout.write(`# PostgreSQL run on ${adminUrl()}, template database ${template}\n`)

    const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...files], {
      stdio: 'inherit',
      env: { ...process.env, [TEMPLATE_ENV]: template },
    })
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
  } finally {
    // The template and every copy a test app made (or left behind on a crash).
    await dropDatabasesLike(template)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `PostgreSQL test run failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exit(1)
  },
)
