import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Config } from './config.js'
import { openDocumentStore, type DocumentStore } from './connectors/storage/index.js'
import { openDatabase, type DatabaseHandle } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import { isEmpty, seedDemo } from './seed/demo.js'
import type { Clock } from './lib/clock.js'

/**
 * Opens the database and the document store, migrates, and (on an empty
 * database, when enabled) seeds — the start-up sequence.
 */
export async function prepareDatabase(
  config: Config,
  clock: Clock,
): Promise<DatabaseHandle & { seeded: boolean; documents: DocumentStore }> {
  const handle = openDatabase(config.databaseUrl)
  const documents = await openDocumentStore(config)
  await migrateToLatest(handle.db)
  let seeded = false
  if (config.seedDemo && (await isEmpty(handle.db))) {
    await seedDemo(handle.db, {
      operatorKey: config.demoOperatorKey,
      now: clock.now(),
      documents,
      config,
    })
    seeded = true
  }
  return { ...handle, seeded, documents }
}

/** Where the repository keeps a built front end, when running from a checkout. */
export function repositoryPath(relative: string): string | undefined {
  const path = fileURLToPath(new URL(`../../${relative}`, import.meta.url))
  return existsSync(path) ? path : undefined
}
