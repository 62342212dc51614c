import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { prepareDatabase, repositoryPath } from './bootstrap.js'
import { ConfigError, loadConfig } from './config.js'
import { serverOptions } from './http/server-options.js'
import { caseConnectorFor } from './connectors/crm/connectors.js'
import { startCaseSla } from './jobs/case-sla.js'
import { startCaseJobs } from './jobs/case-jobs.js'
import { startErpSync } from './jobs/erp-sync.js'
import { startHousekeeping } from './jobs/housekeeping.js'
import { startRenewalReminders } from './jobs/renewal-reminders.js'
import { systemClock } from './lib/clock.js'
import { createLogger } from './lib/logger.js'
import { createEventHub } from './events/create-event-hub.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-data.js'

async function main() {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const clock = systemClock
  const database = await prepareDatabase(config, clock)
  const eventHub = createEventHub(database, config, logger)
  // One connector for the API and the jobs: they share its session and cache.
  const caseConnector = caseConnectorFor(config, { logger, documents: database.documents })
  const app = createApp({
    caseConnector,
    db: database.db,
    config: {
      ...config,
      shellDir: config.shellDir ?? repositoryPath('examples/shell/dist'),
      cdnDir: config.cdnDir ?? repositoryPath('packages/elements/dist/cdn'),
    },
    clock,
    logger,
    eventHub,
    documents: database.documents,
  })
  const stopHousekeeping = startHousekeeping({ db: database.db, clock, logger })
  const stopReminders = startRenewalReminders({ db: database.db, clock, logger })
  const stopCaseSla = startCaseSla(
    { db: database.db, clock, logger },
    config.caseSlaCheckSeconds * 1000,
  )
  const stopCaseJobs = startCaseJobs({
    db: database.db,
    config,
    connector: caseConnector,
    clock,
    logger,
  })
  const stopErpSync = await startErpSync({ app, db: database.db, config, clock, logger })

  const server = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      serverOptions: serverOptions(config),
    },
    (info) => {
      const url = `http://localhost:${info.port}`
      const logins = DEMO_ACCOUNTS.map(
        (a) => `    ${a.users[0]!.email.padEnd(36)} ${a.name} (${a.currency}, ${a.locale})`,
      ).join('\n')
      process.stdout.write(
        `\nPortico is running at ${url}\n` +
          `  portal     ${url}/\n  API        ${url}/v1\n  API docs   ${url}/docs\n  OpenAPI    ${url}/openapi.json\n` +
          (config.seedDemo
            ? `\n  Demo logins (password "${DEMO_PASSWORD}"; more users in the README):\n${logins}\n` +
              `  Demo operator key: ${config.demoOperatorKey}\n`
            : '') +
          (database.seeded ? '  (demo data seeded into a new database)\n' : '') +
          '\n',
      )
    },
  )
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal })
    stopHousekeeping()
    stopReminders()
    stopCaseSla()
    const caseJobsStopped = stopCaseJobs()
    void stopErpSync()
    // Open event streams end now (their clients resume with Last-Event-ID), so
    // the server can close; the database closes after the hub's last read and
    // the case jobs' last write.
    const hubStopped = eventHub.stop()
    server.close(() => {
      Promise.all([hubStopped, caseJobsStopped])
        .then(() => database.close())
        .finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(78) // EX_CONFIG
  }
  process.stderr.write(
    `Portico failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
