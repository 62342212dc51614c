/**
 * What tells the {@link EventHub} to look for new events. The hub reads the
 * events table (the source of truth) whenever its trigger fires; a trigger
 * only decides *when*.
 *
 * SQLite has no change notification, least of all across processes, so the
 * embedded default is {@link pollingTrigger}. A PostgreSQL dialect would
 * `LISTEN portico_events` on a dedicated connection, have writers
 * `NOTIFY portico_events` after commit, call `wake` on each notification, and
 * keep a slow poll as a safety net for a lost connection.
 */
export interface WakeTrigger {
  /** Starts firing `wake`; called when the first stream subscribes. */
  start(wake: () => void): void
  /** Stops firing; called when the last stream leaves and on shutdown. */
  stop(): void
}

/**
 * Fires every `intervalMs`. On SQLite in WAL mode the hub's read is one
 * primary-key range scan that usually finds nothing: ~50 cheap queries a
 * second, and only while someone is listening.
 */
export function pollingTrigger(intervalMs: number): WakeTrigger {
  let timer: ReturnType<typeof setInterval> | undefined
  return {
    start(wake) {
      clearInterval(timer)
      timer = setInterval(wake, intervalMs)
      // Open sockets keep a server alive; the poll alone must not keep a test run alive.
      timer.unref()
    },
    stop() {
      clearInterval(timer)
      timer = undefined
    },
  }
}
