import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, type PorticoApp } from './app.js'
import { prepareDatabase } from './bootstrap.js'
import { openDatabase } from './db/connect.js'
import { loadConfig, type Config } from './config.js'
import type { Database } from './db/schema.js'
import type { Kysely } from 'kysely'
import type { Clock } from './lib/clock.js'
import { createLogger, type Logger } from './lib/logger.js'
import type { DocumentStore } from './connectors/storage/index.js'
import { createEventHub } from './events/create-event-hub.js'
import type { EventHub } from './events/event-hub.js'
import { serverOptions } from './http/server-options.js'
import { TEMPLATE_ENV, testDatabaseFromTemplate } from './testing/postgres.js'

/** Set by test/run-suite.ts: a folder holding the run's seeded SQLite template, `portico.db`. */
export const SQLITE_TEMPLATE_ENV = 'PORTICO_TEST_SQLITE_TEMPLATE'
/** Set by test/run-suite.ts: the document folder of the template's demo files, copied per app. */
export const DOCUMENTS_ENV = 'PORTICO_TEST_DOCUMENT_DIR'

/** A clock tests can move: `clock.advance(31 * 60_000)` expires an idle session. */
export function testClock(start = new Date()) {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms
    },
    set: (date: Date) => {
      now = date.getTime()
    },
  } satisfies Clock & Record<string, unknown>
}

export interface TestApp {
  app: PorticoApp
  /**
   * The whole database, as its owner sees it: for a test to set up and
   * inspect rows of any account. On PostgreSQL the owner role, which row-level
   * security does not bind; on SQLite the app's own handle.
   */
  db: Kysely<Database>
  /** The handle the app itself uses: on PostgreSQL the app role, bound by row-level security. */
  appDb: Kysely<Database>
  config: Config
  clock: ReturnType<typeof testClock>
  operatorKey: string
  eventHub: EventHub
  logger: Logger
  documents: DocumentStore
  close(): Promise<void>
}

/**
 * A Portico app on its own temporary database, migrated and seeded with the
 * demo data — what every in-process API test starts from. SQLite by
 * default. The suite runner (test/run-suite.ts) seeds one template per run
 * and each app gets a copy — of the SQLite file, or on PostgreSQL of the
 * template database — with a copy of the template's demo documents; without the
 * runner an app migrates and seeds its own.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-test-'))
  // A caller naming its own DATABASE_URL gets exactly that database.
  const pgTemplate = env.DATABASE_URL ? undefined : process.env[TEMPLATE_ENV]
  const sqliteTemplate = env.DATABASE_URL ? undefined : process.env[SQLITE_TEMPLATE_ENV]
  const postgres = pgTemplate ? await testDatabaseFromTemplate(pgTemplate) : undefined
  const sqlitePath = join(dir, 'portico.db')
  if (sqliteTemplate && !postgres) copyFileSync(join(sqliteTemplate, 'portico.db'), sqlitePath)
  // The template's demo documents, copied: a test may count or remove files.
  const templateDocuments = env.DATABASE_URL ? undefined : process.env[DOCUMENTS_ENV]
  const documentsDir = templateDocuments && join(dir, 'documents')
  if (templateDocuments && documentsDir)
    cpSync(templateDocuments, documentsDir, { recursive: true })
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: postgres?.appUrl ?? `file:${sqlitePath}`,
    ...(postgres && { DATABASE_MIGRATION_URL: postgres.ownerUrl }),
    ...(documentsDir && { PORTICO_DOCUMENT_DIR: documentsDir }),
    LOG_LEVEL: 'silent',
    ...env,
  })
  const clock = testClock()
  const database = await prepareDatabase(config, clock)
  const logger = createLogger(config.logLevel)
  const eventHub = createEventHub(database, config, logger)
  const app = createApp({
    db: database.db,
    config,
    clock,
    logger,
    eventHub,
    documents: database.documents,
  })
  const owner = postgres ? openDatabase(postgres.ownerUrl, { poolSize: 3 }) : undefined
  return {
    app,
    db: owner?.db ?? database.db,
    appDb: database.db,
    config,
    clock,
    operatorKey: config.demoOperatorKey,
    eventHub,
    logger,
    documents: database.documents,
    close: async () => {
      // Ends every open event stream and waits for the hub's last read.
      await eventHub.stop()
      await database.close()
      await owner?.close()
      await postgres?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A test app listening on a free loopback port, for browser and SDK tests. */
export async function startTestServer(
  options: { port?: number; env?: Record<string, string> } = {},
) {
  const test = await createTestApp(options.env)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: test.app.fetch,
        port: options.port ?? 0,
        hostname: '127.0.0.1',
        serverOptions: serverOptions(test.config),
      },
      () => resolve(s),
    )
  })
  const { port } = server.address() as AddressInfo
  return {
    ...test,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      // Event streams hold their connections open: end them first, and cut
      // off a client that does not read its stream's end.
      await test.eventHub.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      const cutOff = setTimeout(() => (server as HttpServer).closeAllConnections(), 1_000)
      await closed
      clearTimeout(cutOff)
      await test.close()
    },
  }
}

/** Signs in a demo user in process and returns their `Authorization` header. */
export async function signIn(app: PorticoApp, email: string, password = 'portico-demo') {
  const response = await app.request('/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as { token: string; account: { id: string } }
  return {
    token: body.token,
    accountId: body.account.id,
    headers: { authorization: `Bearer ${body.token}` },
  }
}

/** The body of a problem response without its per-request `requestId`, for byte-for-byte comparisons. */
export async function problemWithoutRequestId(response: Response): Promise<string> {
  const problem = (await response.json()) as Record<string, unknown>
  delete problem.requestId
  return JSON.stringify(problem)
}

/** Posts an ERP event to the app, signed the way a real ERP signs it (Standard Webhooks). */
export async function sendErpEvent(
  test: Pick<TestApp, 'app' | 'config' | 'operatorKey'>,
  event: { id: string; type: string; occurredAt?: string; data: Record<string, unknown> },
  options: { secret?: string; signedAt?: Date } = {},
) {
  const { Webhook } = await import('standardwebhooks')
  const body = JSON.stringify({ occurredAt: new Date().toISOString(), ...event })
  const signedAt = options.signedAt ?? new Date()
  return test.app.request('/v1/integrations/erp/events', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${test.operatorKey}`,
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
      'webhook-signature': new Webhook(options.secret ?? test.config.erpWebhookSecret).sign(
        event.id,
        signedAt,
        body,
      ),
    },
    body,
  })
}

/**
 * A fresh portal session for a user, written straight to the database: as
 * real as one from POST /v1/auth/login, without paying scrypt — so a test can
 * hand every request its own session.
 */
export async function openSession(db: Kysely<Database>, email: string, now: Date): Promise<string> {
  const { newId } = await import('./lib/ids.js')
  const { generateSecret, hashSecret } = await import('./lib/secrets.js')
  const user = await db
    .selectFrom('users')
    .select(['id', 'account_id'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  const token = generateSecret('pst')
  await db
    .insertInto('sessions')
    .values({
      id: newId('sess'),
      token_hash: hashSecret(token),
      user_id: user.id,
      account_id: user.account_id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
      revoked_at: null,
    })
    .execute()
  return token
}

/** A file to upload: its name, declared type and bytes. */
export interface UploadFile {
  name: string
  type?: string
  content: Uint8Array | string
}

/**
 * Uploads a document the way the ERP does: `multipart/form-data` to
 * POST /v1/integrations/erp/documents with the operator key, the fields
 * first and the file last.
 */
export async function uploadErpDocument(
  test: Pick<TestApp, 'app' | 'operatorKey'>,
  fields: Record<string, string>,
  file: UploadFile,
) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append(
    'file',
    new Blob([file.content as Uint8Array<ArrayBuffer> | string], {
      type: file.type ?? 'application/octet-stream',
    }),
    file.name,
  )
  return test.app.request('/v1/integrations/erp/documents', {
    method: 'POST',
    headers: { authorization: `Bearer ${test.operatorKey}` },
    body: form,
  })
}
