import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { withPurpose } from '../db/scope.js'
import type { Logger } from '../lib/logger.js'
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent } from './stored-event.js'
import { pollingTrigger, type WakeTrigger } from './wake-trigger.js'

/** What a stream gives the hub to receive its account's events. */
export interface HubListener {
  /**
   * One new event of the listener's account, in seq order. Called
   * synchronously from the hub's read: queue it and return, never block.
   */
  deliver(event: StoredEvent): void
  /** The hub is stopping (the app is shutting down): end the stream. */
  close(): void
}

export interface HubSubscription {
  /**
   * The hub's position once the listener had joined: every event with a
   * higher seq reaches the listener. Events up to it are the caller's to
   * replay from the table if it wants them; the listener may also receive a
   * few of those, so a stream drops what it has already sent.
   */
  position: number
  /** Leaves the hub; the last listener to leave stops the polling. Idempotent. */
  unsubscribe(): void
}

export interface EventHubOptions {
  db: Kysely<Database>
  logger: Logger
  /** When to look for new events. Default: {@link pollingTrigger} every `pollMs`. */
  trigger?: WakeTrigger
  /** Poll interval of the default trigger, in ms (default 20). */
  pollMs?: number
  /** Rows per read (default 500); a full batch is followed by another read at once. */
  batchSize?: number
}

type State = 'idle' | 'starting' | 'running' | 'stopped'

/**
 * Delivers committed events to the open event streams of one process. It
 * tails the events table — the transactional outbox, so the source of truth —
 * with a single query, `WHERE seq > :position ORDER BY seq LIMIT 500`, each
 * time its {@link WakeTrigger} fires, and fans the rows out in memory by
 * account. It reads only while a stream is subscribed, and because it reads
 * the table rather than listening to writers, it also sees rows that other
 * processes commit to the same database.
 *
 * Gap-free on both dialects: rows become visible in seq order. SQLite has a
 * single writer, which holds the write lock from its INSERT to its COMMIT.
 * PostgreSQL assigns a bigserial at INSERT and could commit out of order, so
 * appendEvent takes a transaction-scoped advisory lock before it draws the
 * seq (db/events.ts): no seq becomes visible before a lower one. Reading
 * every tenant's rows, the hub opens the `event-fanout` purpose, which
 * row-level security lets read `events` and nothing else.
 *
 * @example
 * const hub = new EventHub({ db, logger })
 * const { position, unsubscribe } = await hub.subscribe(accountId, { deliver, close })
 */
export class EventHub {
  readonly #db: Kysely<Database>
  readonly #logger: Logger
  readonly #trigger: WakeTrigger
  readonly #batchSize: number
  readonly #listeners = new Map<string, Set<HubListener>>()
  #listenerCount = 0
  #state: State = 'idle'
  /** Bumped whenever polling starts or stops, so a read that straddles the change is discarded. */
  #generation = 0
  /** The highest seq read (and delivered) in the current generation. */
  #position = 0
  #starting: Promise<void> | undefined
  #reading: Promise<void> | undefined
  #readAgain = false
  #failing = false

  constructor(options: EventHubOptions) {
    this.#db = options.db
    this.#logger = options.logger
    this.#trigger = options.trigger ?? pollingTrigger(options.pollMs ?? 20)
    this.#batchSize = options.batchSize ?? 500
  }

  /** Listeners currently subscribed, across all accounts. */
  get listenerCount(): number {
    return this.#listenerCount
  }

  /** Whether the hub is reading the table (someone is subscribed). */
  get polling(): boolean {
    return this.#state === 'running'
  }

  /**
   * Adds a listener for one account's events. The first listener starts the
   * hub at the table's latest seq.
   * @throws when the hub is stopped, or its first read fails.
   */
  async subscribe(accountId: string, listener: HubListener): Promise<HubSubscription> {
    if (this.#state === 'stopped') throw new Error('The event hub is stopped.')
    let listeners = this.#listeners.get(accountId)
    if (!listeners) {
      listeners = new Set()
      this.#listeners.set(accountId, listeners)
    }
    listeners.add(listener)
    this.#listenerCount++
    const unsubscribe = () => this.#remove(accountId, listener)
    try {
      await this.#ensureRunning()
    } catch (error) {
      unsubscribe()
      throw error
    }
    return { position: this.#position, unsubscribe }
  }

  /**
   * Reads new events now instead of at the next tick. Writers may call it
   * after their transaction commits for lower latency; it never has to be
   * called for correctness. Calls during a read are coalesced into one more read.
   */
  wake(): void {
    if (this.#state !== 'running') return
    if (this.#reading) {
      this.#readAgain = true
      return
    }
    this.#reading = this.#readLoop().finally(() => {
      this.#reading = undefined
    })
  }

  /**
   * Stops reading and closes every listener. Resolves once an in-flight read
   * has finished, so the database can be closed right after.
   */
  async stop(): Promise<void> {
    if (this.#state !== 'stopped') {
      this.#state = 'stopped'
      this.#generation++
      this.#trigger.stop()
      const listeners = [...this.#listeners.values()].flatMap((set) => [...set])
      this.#listeners.clear()
      this.#listenerCount = 0
      for (const listener of listeners) {
        try {
          listener.close()
        } catch (error) {
          this.#logger.error('event hub: closing a listener failed', { error })
        }
      }
    }
    await this.#starting?.catch(() => {})
    await this.#reading
  }

  #remove(accountId: string, listener: HubListener): void {
    const listeners = this.#listeners.get(accountId)
    if (!listeners?.delete(listener)) return
    if (listeners.size === 0) this.#listeners.delete(accountId)
    this.#listenerCount--
    if (this.#listenerCount === 0 && this.#state !== 'stopped') {
      // Nobody is listening: stop polling. The next listener starts afresh at the latest seq.
      this.#trigger.stop()
      this.#state = 'idle'
      this.#generation++
    }
  }

  #ensureRunning(): Promise<void> {
    if (this.#state === 'running' || this.#state === 'stopped') return Promise.resolve()
    if (this.#state === 'starting' && this.#starting) return this.#starting
    this.#state = 'starting'
    const generation = ++this.#generation
    this.#starting = this.latestSeq().then(
      (seq) => {
        if (generation !== this.#generation) return
        this.#position = seq
        this.#state = 'running'
        this.#trigger.start(() => this.wake())
      },
      (error: unknown) => {
        if (generation === this.#generation) this.#state = 'idle'
        throw error
      },
    )
    return this.#starting
  }

  async #readLoop(): Promise<void> {
    do {
      this.#readAgain = false
      const generation = this.#generation
      let events: StoredEvent[]
      try {
        events = await this.#readAfter(this.#position)
      } catch (error) {
        // The next tick retries; say so once per outage, not 50 times a second.
        if (!this.#failing) this.#logger.error('event hub: reading new events failed', { error })
        this.#failing = true
        return
      }
      if (this.#failing) this.#logger.info('event hub: reading new events again')
      this.#failing = false
      if (generation !== this.#generation) {
        // Polling stopped or restarted (at a new position) while we read.
        this.#readAgain = this.#state === 'running'
        continue
      }
      for (const event of events) this.#fanOut(event)
      if (events.length > 0) this.#position = events[events.length - 1]!.seq
      if (events.length === this.#batchSize) this.#readAgain = true
    } while (this.#readAgain && this.#state === 'running')
  }

  #fanOut(event: StoredEvent): void {
    if (event.accountId === null) return
    const listeners = this.#listeners.get(event.accountId)
    if (!listeners) return
    for (const listener of listeners) {
      try {
        listener.deliver(event)
      } catch (error) {
        this.#logger.error('event hub: a listener failed', { error, eventId: event.id })
      }
    }
  }

  async #readAfter(seq: number): Promise<StoredEvent[]> {
    const rows = await withPurpose(this.#db, 'event-fanout', (db) =>
      db
        .selectFrom('events')
        .select(STORED_EVENT_COLUMNS)
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(this.#batchSize)
        .execute(),
    )
    return rows.map(toStoredEvent)
  }

  /** The highest seq in the table right now (0 when empty), whatever the hub has read. */
  async latestSeq(): Promise<number> {
    const row = await withPurpose(this.#db, 'event-fanout', (db) =>
      db
        .selectFrom('events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst(),
    )
    return Number(row?.seq ?? 0)
  }
}
