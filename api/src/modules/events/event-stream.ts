import type { EventHub, HubListener } from '../../events/event-hub.js'
import type { StoredEvent } from '../../events/stored-event.js'
import type { Logger } from '../../lib/logger.js'

export interface EventStreamOptions {
  hub: EventHub
  accountId: string
  /** Whether an event type may go to this stream (role and `types` filter). */
  isVisible: (type: string) => boolean
  /**
   * Resume after this seq (`Last-Event-ID`): the account's later events are
   * replayed from the table before live ones. Undefined starts from now.
   */
  lastEventId: number | undefined
  /** The account's events in a seq range, a page at a time, in order. */
  replay: (range: { after: number; upTo: number }) => AsyncIterable<StoredEvent[]>
  /** A comment goes out this often when nothing else does. */
  heartbeatMs: number
  /** The stream ends after about this long; the client resumes and re-authenticates. */
  lifetimeMs: number
  /** Reconnection delay suggested to the client (`retry:`), in ms. */
  retryMs?: number
  /**
   * Unsent text beyond which a live stream is ended rather than buffered: a
   * client this far behind resumes from the table with Last-Event-ID instead.
   */
  maxQueuedBytes?: number
  /** Aborts when the client goes away. */
  signal?: AbortSignal
  logger: Logger
}

const encoder = new TextEncoder()
const messages = new WeakMap<StoredEvent, string>()
/** Live events kept while a resuming stream replays; more ends the stream (it resumes). */
const MAX_HELD_EVENTS = 10_000

/**
 * An event as one Server-Sent Events message (WHATWG HTML § 9.2): `id:` is
 * its seq, `event:` its type, one `data:` line of JSON. Built once per event,
 * however many streams send it.
 */
export function eventMessage(event: StoredEvent): string {
  let message = messages.get(event)
  if (message === undefined) {
    let data: unknown
    try {
      data = JSON.parse(event.data)
    } catch {
      data = {}
    }
    // JSON.stringify escapes line breaks, so the payload is one `data:` line.
    const payload = JSON.stringify({
      id: event.id,
      type: event.type,
      subjectId: event.subjectId,
      data,
      createdAt: event.createdAt,
    })
    const type = event.type.replace(/[\r\n]/g, '')
    message = `id: ${event.seq}\nevent: ${type}\ndata: ${payload}\n\n`
    messages.set(event, message)
  }
  return message
}

/**
 * Opens one client's event stream: joins the hub, replays what the client
 * missed, then forwards live events. The returned body is pull-driven — text
 * is handed to the socket only as fast as the client reads it — and releases
 * its hub subscription and timers when the client goes away, the lifetime
 * ends, or the hub stops.
 */
export async function openEventStream(
  options: EventStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const stream = new EventStream(options)
  await stream.start()
  return stream.body
}

class EventStream implements HubListener {
  readonly body: ReadableStream<Uint8Array>
  readonly #options: EventStreamOptions
  readonly #maxQueuedBytes: number
  #queue: string[] = []
  #queuedBytes = 0
  /** Seq of the last event queued: nothing at or below it is sent again. */
  #sentSeq = 0
  /** Live events that arrive while replaying; undefined once live. */
  #held: StoredEvent[] | undefined = []
  /** Wakes the pull waiting for text. */
  #wakePull: (() => void) | undefined
  /** Wakes the replay waiting for the client to catch up. */
  #wakeReplay: (() => void) | undefined
  /** No more text will be queued; the body closes once the queue is sent. */
  #ending = false
  /** Everything released: hub subscription, timers, listeners. */
  #released = false
  #unsubscribe: (() => void) | undefined
  #heartbeat: ReturnType<typeof setInterval> | undefined
  #lifetime: ReturnType<typeof setTimeout> | undefined

  constructor(options: EventStreamOptions) {
    this.#options = options
    this.#maxQueuedBytes = options.maxQueuedBytes ?? 1_048_576
    this.body = new ReadableStream<Uint8Array>({
      pull: (controller) => this.#pull(controller),
      cancel: () => this.#release(),
    })
  }

  async start(): Promise<void> {
    const { hub, accountId, signal } = this.#options
    let lastEventId = this.#options.lastEventId
    // The first bytes go out at once: the client knows it is connected.
    this.#push(`retry: ${this.#options.retryMs ?? 1000}\n\n`)
    if (signal?.aborted) return this.#release()
    signal?.addEventListener('abort', this.#onAbort, { once: true })
    let position: number
    try {
      const subscription = await hub.subscribe(accountId, this)
      position = subscription.position
      this.#unsubscribe = subscription.unsubscribe
      // An ID beyond the table's end comes from another database (a reset, a
      // restore): resuming "after" it would skip every event until seq got there.
      if (lastEventId !== undefined && lastEventId > position) {
        if (lastEventId > (await hub.latestSeq())) lastEventId = undefined
      }
    } catch (error) {
      this.#release()
      throw error
    }
    if (this.#released) return this.#release()

    this.#heartbeat = setInterval(() => {
      if (this.#queue.length === 0) this.#push(': keep-alive\n\n')
    }, this.#options.heartbeatMs)
    // ±10 %: streams opened together do not all reconnect together.
    const lifetime = this.#options.lifetimeMs * (0.9 + Math.random() * 0.2)
    this.#lifetime = setTimeout(() => this.end(), lifetime)
    this.#heartbeat.unref()
    this.#lifetime.unref()

    if (lastEventId === undefined || lastEventId >= position) {
      this.#sentSeq = lastEventId ?? position
      this.#goLive()
    } else {
      this.#sentSeq = lastEventId
      void this.#replay({ after: lastEventId, upTo: position })
    }
  }

  /** From the hub: one new event of the account. */
  deliver(event: StoredEvent): void {
    if (this.#ending || !this.#options.isVisible(event.type)) return
    if (this.#held) {
      if (this.#held.length >= MAX_HELD_EVENTS) return this.end()
      this.#held.push(event)
      return
    }
    this.#send(event)
    if (this.#queuedBytes > this.#maxQueuedBytes) {
      // The client stopped reading. Drop its backlog and end: it resumes
      // from the table with Last-Event-ID, so nothing is lost.
      this.#queue = []
      this.#queuedBytes = 0
      this.end()
    }
  }

  /** From the hub: it is stopping. */
  close(): void {
    this.end()
  }

  /** Ends the stream once what is queued has been sent. */
  end(): void {
    if (this.#ending) return
    this.#ending = true
    clearInterval(this.#heartbeat)
    clearTimeout(this.#lifetime)
    this.#unsubscribe?.()
    this.#wake()
  }

  async #replay(range: { after: number; upTo: number }): Promise<void> {
    try {
      for await (const page of this.#options.replay(range)) {
        for (const event of page) {
          if (this.#options.isVisible(event.type)) this.#send(event)
        }
        // Backpressure: read the next page only once the client took most of this one.
        while (this.#queuedBytes > this.#maxQueuedBytes / 2 && !this.#ending && !this.#released) {
          await new Promise<void>((resolve) => (this.#wakeReplay = resolve))
        }
        if (this.#ending || this.#released) return
      }
      this.#goLive()
    } catch (error) {
      this.#options.logger.error('event stream: replay failed', { error })
      this.end()
    }
  }

  #goLive(): void {
    const held = this.#held ?? []
    this.#held = undefined
    for (const event of held) this.#send(event)
  }

  #send(event: StoredEvent): void {
    if (event.seq <= this.#sentSeq) return
    this.#sentSeq = event.seq
    this.#push(eventMessage(event))
  }

  #push(text: string): void {
    if (this.#ending) return
    this.#queue.push(text)
    this.#queuedBytes += text.length
    this.#wake()
  }

  #wake(): void {
    const wakePull = this.#wakePull
    this.#wakePull = undefined
    wakePull?.()
  }

  async #pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    while (this.#queue.length === 0 && !this.#ending && !this.#released) {
      await new Promise<void>((resolve) => (this.#wakePull = resolve))
    }
    if (this.#released) {
      // Cancelled by the client (closing again is harmless), or aborted before it read.
      try {
        controller.close()
      } catch {
        // already closed
      }
      return
    }
    if (this.#queue.length > 0) {
      const text = this.#queue.join('')
      this.#queue = []
      this.#queuedBytes = 0
      controller.enqueue(encoder.encode(text))
      const wakeReplay = this.#wakeReplay
      this.#wakeReplay = undefined
      wakeReplay?.()
    }
    if (this.#ending) {
      this.#release()
      controller.close()
    }
  }

  #onAbort = () => this.#release()

  #release(): void {
    if (this.#released) return
    this.#released = true
    this.#ending = true
    clearInterval(this.#heartbeat)
    clearTimeout(this.#lifetime)
    this.#unsubscribe?.()
    this.#options.signal?.removeEventListener('abort', this.#onAbort)
    this.#queue = []
    this.#wake()
    const wakeReplay = this.#wakeReplay
    this.#wakeReplay = undefined
    wakeReplay?.()
  }
}
