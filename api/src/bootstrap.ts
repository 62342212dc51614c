import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ConfigError, type Config } from './config.js'
import { openDocumentStore, type DocumentStore } from './connectors/storage/index.js'
import { openDatabase, type DatabaseHandle } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import { appRoleProblems, currentRole, grantAppRole } from './db/postgres-roles.js'
import { isEmpty, seedDemo } from './seed/demo.js'
import type { Clock } from './lib/clock.js'

/**
 * Opens the database and the document store, migrates, and (on an empty
 * database, when enabled) seeds — the start-up sequence. On PostgreSQL the
 * migrations and the seed run as the owner role (`DATABASE_MIGRATION_URL`),
 * which then grants the app role its table privileges; the API itself runs
 * as the app role, and refuses to start when that role would slip past
 * row-level security.
 */
export async function prepareDatabase(
  config: Config,
  clock: Clock,
): Promise<DatabaseHandle & { seeded: boolean; documents: DocumentStore }> {
  const handle = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize })
  try {
    const documents = await openDocumentStore(config)
    if (handle.dialect === 'sqlite') {
      await migrateToLatest(handle.db)
      const seeded = await seedIfEmpty(handle, documents, config, clock)
      return { ...handle, seeded, documents }
    }
    const appRole = await currentRole(handle.db)
    const owner = openDatabase(config.databaseMigrationUrl ?? config.databaseUrl, { poolSize: 2 })
    let seeded = false
    try {
      await migrateToLatest(owner.db)
      if ((await currentRole(owner.db)) !== appRole) await grantAppRole(owner.db, appRole)
      seeded = await seedIfEmpty(owner, documents, config, clock)
    } finally {
      await owner.close()
    }
    const problems = await appRoleProblems(handle.db)
    if (problems.length > 0) {
      throw new ConfigError(
        `DATABASE_URL connects as "${appRole}", which row-level security would not bind: ${problems.join('; ')}.\n` +
          'Connect the API as a role that owns nothing and has neither SUPERUSER nor BYPASSRLS, and set ' +
          'DATABASE_MIGRATION_URL to the owner role (see "Running on PostgreSQL" in the README).',
      )
    }
    return { ...handle, seeded, documents }
  } catch (error) {
    await handle.close()
    throw error
  }
}

async function seedIfEmpty(
  handle: DatabaseHandle,
  documents: DocumentStore,
  config: Config,
  clock: Clock,
) {
  if (!config.seedDemo || !(await isEmpty(handle.db))) return false
  await seedDemo(handle.db, {
    operatorKey: config.demoOperatorKey,
    now: clock.now(),
    documents,
    config,
  })
  return true
}

/** Where the repository keeps a built front end, when running from a checkout. */
export function repositoryPath(relative: string): string | undefined {
  const path = fileURLToPath(new URL(`../../${relative}`, import.meta.url))
  return existsSync(path) ? path : undefined
}
