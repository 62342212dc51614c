import type { Config } from '../config.js'
import type { DatabaseHandle } from '../db/connect.js'
import { EVENTS_CHANNEL } from '../db/events.js'
import type { Logger } from '../lib/logger.js'
import { EventHub } from './event-hub.js'
import { listenTrigger } from './listen-trigger.js'
import { pollingTrigger } from './wake-trigger.js'

/**
 * The event hub for a database: on SQLite it polls (`PORTICO_EVENTS_POLL_MS`);
 * on PostgreSQL it wakes on `LISTEN`, with a slow poll as the safety net.
 */
export function createEventHub(database: DatabaseHandle, config: Config, logger: Logger): EventHub {
  const trigger =
    database.dialect === 'postgres'
      ? listenTrigger({ connectionString: database.url, channel: EVENTS_CHANNEL, logger })
      : pollingTrigger(config.eventsPollMs)
  return new EventHub({ db: database.db, logger, trigger })
}
