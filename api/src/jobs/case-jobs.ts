import type { Kysely } from 'kysely'
import type { Config } from '../config.js'
import type { CaseConnector } from '../connectors/crm/case-connector.js'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { startCaseSync } from './case-sync.js'
import { startCrmReconcile } from './crm-reconcile.js'

/**
 * The background work of the case connector the configuration names: the
 * outbox delivery of changes the CRM accepted but does not have yet, and —
 * when cases are kept in Salesforce — the periodic reconcile of what agents
 * changed there. Resolves `stop` once both have finished what they were
 * doing, so the database may close after it.
 */
export function startCaseJobs(deps: {
  db: Kysely<Database>
  config: Pick<Config, 'crm' | 'outboxMaxAttempts' | 'businessHours' | 'caseSla'>
  connector: CaseConnector
  clock: Clock
  logger: Logger
}): () => Promise<void> {
  const { db, config, connector, clock, logger } = deps
  const stopSync = startCaseSync({
    db,
    connector,
    clock,
    logger,
    maxAttempts: config.outboxMaxAttempts,
  })
  const stopReconcile =
    config.crm.kind === 'salesforce'
      ? startCrmReconcile(
          {
            db,
            connector,
            sla: { businessHours: config.businessHours, caseSla: config.caseSla },
            clock,
            logger,
          },
          config.crm.reconcileMs,
        )
      : async () => {}
  return async function stopCaseJobs() {
    await Promise.all([stopSync(), stopReconcile()])
  }
}
