import type { Kysely } from 'kysely'
import type { PorticoApp } from '../app.js'
import type { Config } from '../config.js'
import { createHttpErpConnector } from '../connectors/erp/http-erp.js'
import { createSimulatedErp } from '../connectors/erp/simulated-erp.js'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import { generateSecret } from '../lib/secrets.js'
import type { Logger } from '../lib/logger.js'
import { createApiKey } from '../modules/auth/api-keys.js'
import { ERP_CONSUMER } from '../db/outbox.js'
import { createOutboxWorker } from './outbox-worker.js'

/**
 * Connects the outbox to the configured ERP: the HTTP connector when
 * `PORTICO_ERP_URL` is set, else (by default) the simulated ERP, which also
 * plays the ERP's side by posting signed events back through the app.
 * Returns a function that stops it all.
 */
export async function startErpSync(deps: {
  app: PorticoApp
  db: Kysely<Database>
  config: Config
  clock: Clock
  logger: Logger
}): Promise<() => Promise<void>> {
  const { config, logger } = deps
  let simulator: ReturnType<typeof createSimulatedErp> | undefined
  let connector
  if (config.erpUrl) {
    connector = createHttpErpConnector({
      baseUrl: config.erpUrl,
      signingSecret: config.erpWebhookSecret,
    })
  } else if (config.erpSimulator) {
    // The simulator authenticates like any ERP: with an operator key of its own.
    const key = generateSecret('sk')
    await createApiKey(deps.db, { name: 'Simulated ERP', key, now: deps.clock.now() })
    simulator = createSimulatedErp({
      db: deps.db,
      clock: deps.clock,
      logger,
      secret: config.erpWebhookSecret,
      speed: config.erpSimulatorSpeed,
      send: async (body, headers) =>
        (
          await deps.app.request('/v1/integrations/erp/events', {
            method: 'POST',
            body,
            headers: { ...headers, authorization: `Bearer ${key}` },
          })
        ).status,
    })
    connector = simulator.connector
    simulator.start()
  } else {
    logger.info('no ERP configured: orders stay in the outbox until PORTICO_ERP_URL is set')
    return async () => {}
  }
  const worker = createOutboxWorker({
    db: deps.db,
    connector,
    consumer: ERP_CONSUMER,
    clock: deps.clock,
    logger,
    maxAttempts: config.outboxMaxAttempts,
  })
  worker.start()
  logger.info('ERP sync started', { connector: connector.name })
  return async () => {
    simulator?.stop()
    await worker.stop()
  }
}
