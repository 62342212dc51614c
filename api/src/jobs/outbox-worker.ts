import type { Kysely } from 'kysely'
import { PermanentDeliveryError, type ErpConnector } from '../connectors/erp/erp-connector.js'
import { isPostgres } from '../db/dialect.js'
import type { Database } from '../db/schema.js'
import { withPurpose } from '../db/scope.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'

export interface OutboxWorkerOptions {
  db: Kysely<Database>
  connector: ErpConnector
  consumer: string
  clock: Clock
  logger: Logger
  /** Attempts before a delivery is dead-lettered (visible to the operator). */
  maxAttempts: number
  /** A claim expires after this long: a worker killed mid-delivery is retried by the next. */
  claimTtlMs?: number
  pollMs?: number
  batchSize?: number
}

/** Back-off after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 10 min, ±25 % jitter. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(1000 * 2 ** (attempt - 1), 10 * 60 * 1000)
  return Math.round(base * (0.75 + Math.random() / 2))
}

/**
 * Delivers outbox rows to a system of record, at least once, in the order
 * their events were written per subject (an order's cancellation never
 * overtakes its placement). A row is claimed for `claimTtlMs`; success marks
 * it delivered, a failure schedules a retry with back-off, and after
 * `maxAttempts` — or a permanent refusal — it is dead-lettered with the
 * reason, for the operator to see.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, connector, consumer, clock, logger } = options
  const claimTtlMs = options.claimTtlMs ?? 60_000
  const batchSize = options.batchSize ?? 20

  /** Records the outcome of a delivery, in the worker's purpose. */
  const settle = (fn: (db: Kysely<Database>) => Promise<unknown>) => withPurpose(db, 'outbox', fn)

  /**
   * Claims the next delivery due, of any tenant (the `outbox` purpose), just
   * before it is attempted. The claim sets `claimed_until` under a condition
   * that re-checks it, so only one worker ever wins a row. On PostgreSQL the
   * candidate is read `FOR UPDATE SKIP LOCKED` in the claiming transaction:
   * workers on other replicas pass over a row being claimed instead of
   * queueing behind it.
   */
  async function claimNext() {
    const now = clock.now()
    const at = now.toISOString()
    return withPurpose(db, 'outbox', async (db) => {
      let query = db
        .selectFrom('outbox_deliveries as d')
        .innerJoin('events as e', 'e.id', 'd.event_id')
        .select([
          'd.event_id',
          'd.attempts',
          'e.type',
          'e.account_id',
          'e.subject_id',
          'e.data',
          'e.created_at',
          'e.seq',
        ])
        .where('d.consumer', '=', consumer)
        .where('d.state', '=', 'pending')
        .where('d.next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<', at)]))
        // Only the earliest undelivered event of each subject: per-order order.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('outbox_deliveries as d2')
                .innerJoin('events as e2', 'e2.id', 'd2.event_id')
                .select('d2.event_id')
                .whereRef('e2.subject_id', '=', 'e.subject_id')
                .whereRef('e2.seq', '<', 'e.seq')
                .where('d2.consumer', '=', consumer)
                .where('d2.state', '=', 'pending'),
            ),
          ),
        )
        .orderBy('e.seq')
        .limit(1)

      if (isPostgres(db)) query = query.forUpdate('d').skipLocked()
      const [row] = await query.execute()
      if (!row) return undefined
      const result = await db
        .updateTable('outbox_deliveries')
        .set({ claimed_until: new Date(now.getTime() + claimTtlMs).toISOString() })
        .where('event_id', '=', row.event_id)
        .where('consumer', '=', consumer)
        .where('state', '=', 'pending')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .executeTakeFirst()
      // Lost to another worker (SQLite; PostgreSQL skipped it): try the next.
      return Number(result.numUpdatedRows) > 0 ? row : null
    })
  }

  /** Claims and delivers what is due now; returns how many rows it attempted. */
  async function runOnce(): Promise<number> {
    let attempted = 0
    for (let tried = 0; tried < batchSize; tried++) {
      const row = await claimNext()
      if (row === undefined) break
      if (row === null) continue
      attempted++
      const attempt = Number(row.attempts) + 1
      try {
        await connector.deliver({
          id: row.event_id,
          type: row.type,
          accountId: row.account_id,
          subjectId: row.subject_id,
          data: JSON.parse(row.data) as Record<string, unknown>,
          createdAt: row.created_at,
        })
        await settle((db) =>
          db
            .updateTable('outbox_deliveries')
            .set({
              state: 'delivered',
              attempts: attempt,
              delivered_at: clock.now().toISOString(),
              claimed_until: null,
              last_error: null,
            })
            .where('event_id', '=', row.event_id)
            .where('consumer', '=', consumer)
            .execute(),
        )
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        const dead = error instanceof PermanentDeliveryError || attempt >= options.maxAttempts
        await settle((db) =>
          db
            .updateTable('outbox_deliveries')
            .set({
              state: dead ? 'dead' : 'pending',
              attempts: attempt,
              last_error: reason.slice(0, 1000),
              claimed_until: null,
              next_attempt_at: new Date(
                clock.now().getTime() + retryDelayMs(attempt),
              ).toISOString(),
            })
            .where('event_id', '=', row.event_id)
            .where('consumer', '=', consumer)
            .execute(),
        )
        ;(dead ? logger.error : logger.info)(
          dead ? 'outbox delivery dead-lettered' : 'outbox delivery failed, will retry',
          {
            consumer,
            eventId: row.event_id,
            type: row.type,
            attempt,
            reason,
          },
        )
      }
    }
    return attempted
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  return {
    runOnce,
    start() {
      stopped = false
      const tick = () => {
        let attempted = 0
        running = runOnce()
          .then((n) => (attempted = n))
          .catch((error) => logger.error('outbox worker failed', { consumer, error }))
          .finally(() => {
            // A full batch means more is waiting: go on at once.
            if (!stopped)
              timer = setTimeout(tick, attempted >= batchSize ? 0 : (options.pollMs ?? 500))
          })
      }
      tick()
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>
