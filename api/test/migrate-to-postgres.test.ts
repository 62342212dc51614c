import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createApp } from '../src/app.js'
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/connect.js'
import { createEventHub } from '../src/events/create-event-hub.js'
import { createLogger } from '../src/lib/logger.js'
import { createTestApp, signIn, testClock, type TestApp } from '../src/testing.js'
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  TEMPLATE_ENV,
  TEST_APP_ROLE,
  TEST_OWNER_ROLE,
  uniqueDatabaseName,
} from '../src/testing/postgres.js'

const onPostgres = Boolean(process.env[TEMPLATE_ENV])
const API_DIR = fileURLToPath(new URL('../', import.meta.url))

describe('migrate-to-postgres', { skip: !onPostgres && 'SQLite run' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-migrate-'))
  const sqliteUrl = `file:${join(dir, 'portico.db')}`
  const target = uniqueDatabaseName(`${process.env[TEMPLATE_ENV] ?? 'portico_test_'}_copy_`)
  let source: TestApp
  let copied: Awaited<ReturnType<typeof prepareDatabase>> | undefined
  let token: string

  /** The command as an operator runs it. */
  const migrateToPostgres = () =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/migrate-to-postgres.ts',
        '--from',
        sqliteUrl,
        '--to',
        databaseUrl(TEST_OWNER_ROLE, target),
      ],
      { cwd: API_DIR, encoding: 'utf8' },
    )

  before(async () => {
    source = await createTestApp({ DATABASE_URL: sqliteUrl })
    ;({ token } = await signIn(source.app, 'einkauf@brandt-maschinenbau.de'))
    // Some ordering too, so orders, their lines, events and the outbox travel.
    const catalog = (await (
      await source.app.request('/v1/catalog?limit=2', {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { data: Array<{ id: string; minOrderQuantity: number }> }
    const placed = await source.app.request('/v1/orders', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'migrate-1',
      },
      body: JSON.stringify({
        lines: catalog.data.map((p) => ({ productId: p.id, quantity: p.minOrderQuantity })),
      }),
    })
    assert.equal(placed.status, 201)
    await createDatabase(target)
  })
  after(async () => {
    await copied?.close()
    await source?.close()
    await dropDatabase(target)
    rmSync(dir, { recursive: true, force: true })
  })

  test('copies every row; the API on PostgreSQL answers as it did on SQLite', async () => {
    const run = migrateToPostgres()
    assert.equal(run.status, 0, run.stderr + run.stdout)
    assert.match(run.stdout, /Done: [\d,]+ rows in \d+ tables/)

    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORTICO_SEED_DEMO: 'false',
      DATABASE_URL: databaseUrl(TEST_APP_ROLE, target),
      DATABASE_MIGRATION_URL: databaseUrl(TEST_OWNER_ROLE, target),
    })
    const clock = testClock(source.clock.now())
    copied = await prepareDatabase(config, clock)
    const logger = createLogger('silent')
    const pgApp = createApp({
      db: copied.db,
      config,
      clock,
      logger,
      eventHub: createEventHub(copied, config, logger),
      documents: copied.documents,
    })

    // The session travelled too: the same token works on both.
    const headers = { authorization: `Bearer ${token}` }
    for (const path of ['/v1/me', '/v1/invoices?limit=20', '/v1/orders', '/v1/credit']) {
      const before = await (await source.app.request(path, { headers })).text()
      const response = await pgApp.request(path, { headers })
      assert.equal(response.status, 200, path)
      const after = await response.text()
      assert.deepEqual(JSON.parse(after), JSON.parse(before), path)
      // The invoice page is written by the database: the same bytes on both.
      if (path.startsWith('/v1/invoices')) assert.equal(after, before)
    }

    // A new event gets a seq after the copied ones.
    const max = await source.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow()
    const login = await pgApp.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ap@cascadefab.com', password: 'portico-demo' }),
    })
    assert.equal(login.status, 200)
    const owner = openDatabase(databaseUrl(TEST_OWNER_ROLE, target), { poolSize: 1 })
    try {
      const { rows } = await sql<{ seq: number }>`select max(seq) as seq from events`.execute(
        owner.db,
      )
      assert.ok(Number(rows[0]!.seq) > Number(max.seq))
    } finally {
      await owner.close()
    }
  })

  test('refuses to copy into a database that already holds data', () => {
    const run = migrateToPostgres()
    assert.equal(run.status, 1)
    assert.match(run.stderr, /not empty/)
  })
})
