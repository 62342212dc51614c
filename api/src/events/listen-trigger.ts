import pg from 'pg'
import type { Logger } from '../lib/logger.js'
import type { WakeTrigger } from './wake-trigger.js'

export interface ListenTriggerOptions {
  /** A connection of its own: LISTEN holds it for as long as streams are open. */
  connectionString: string
  channel: string
  /**
   * The safety net: read this often even without a notification (a
   * notification sent while the listener was reconnecting is lost; the
   * events table is not). Default 1 s.
   */
  fallbackPollMs?: number
  logger: Logger
}

/**
 * Wakes the event hub on PostgreSQL's `NOTIFY`: appendEvent queues one on
 * the channel in every transaction that writes an event, and PostgreSQL
 * delivers it to every listening replica on COMMIT — a commit on any replica
 * reaches the streams on all of them within a round trip. The hub still reads
 * the events table (the source of truth), so a lost notification costs at
 * most one fallback interval, never an event.
 */
export function listenTrigger(options: ListenTriggerOptions): WakeTrigger {
  const fallbackMs = options.fallbackPollMs ?? 1_000
  let client: pg.Client | undefined
  let fallback: ReturnType<typeof setInterval> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  let running = false

  async function connect(wake: () => void, attempt: number): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString })
    client = next
    const reconnect = () => {
      if (!running || client !== next) return
      client = undefined
      next.end().catch(() => {})
      // Back off to 5 s while the database is away; the fallback poll keeps reading.
      retry = setTimeout(() => void connect(wake, attempt + 1), Math.min(5_000, 100 * 2 ** attempt))
      retry.unref()
    }
    next.on('notification', () => wake())
    next.on('error', (error) => {
      options.logger.error('event hub: LISTEN connection failed', { error })
      reconnect()
    })
    next.on('end', reconnect)
    try {
      await next.connect()
      await next.query(`LISTEN ${pg.escapeIdentifier(options.channel)}`)
      if (!running || client !== next) {
        await next.end()
        return
      }
      // Whatever was committed while the listener was down.
      wake()
      attempt = 0
    } catch (error) {
      options.logger.error('event hub: could not LISTEN', { error })
      reconnect()
    }
  }

  return {
    start(wake) {
      running = true
      fallback = setInterval(wake, fallbackMs)
      fallback.unref()
      void connect(wake, 0)
    },
    stop() {
      running = false
      clearInterval(fallback)
      clearTimeout(retry)
      const current = client
      client = undefined
      current?.end().catch(() => {})
    },
  }
}
