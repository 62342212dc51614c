import { createParser } from 'eventsource-parser'
import { PortalApiError } from './errors.js'
import type { TokenSource } from './middleware.js'

/** One event of the account, as `GET /v1/events/stream` sends it. */
export interface PortalEvent {
  /** `evt_…` */
  id: string
  /** `<noun>.<verb>`: `invoice.paid`, `order.shipped`. */
  type: string
  /** The record the event is about (`inv_…`, `ord_…`), when there is one. */
  subjectId: string | null
  data: Record<string, unknown>
  createdAt: string
}

export interface SubscribeOptions {
  /** Only these types: `order.shipped`, or every type of a noun: `invoice.*` (at most 20). */
  types?: string[]
  /** Resume after this id (a {@link EventSubscription.lastEventId} you kept) rather than from now. */
  lastEventId?: string
  /** Aborting it closes the subscription. */
  signal?: AbortSignal
  /**
   * Told of every failure. A dropped connection, a 5xx or a 429 is retried
   * with back-off; a refusal (401, 403, 400) ends the subscription — with an
   * embed secret, mint a new one and subscribe again from `lastEventId`.
   */
  onError?: (error: PortalApiError) => void
  /** The stream is connected (again). */
  onOpen?: () => void
  /**
   * Silence after which the connection counts as dead and is replaced, in ms
   * (default 45 000: three of the server's 15 s heartbeats).
   */
  idleTimeoutMs?: number
}

export interface EventSubscription {
  /** Stops listening and closes the connection. */
  close(): void
  /** Id of the last event received: pass it as `lastEventId` to resume later. */
  readonly lastEventId: string | undefined
  /** Whether the subscription has ended (closed, aborted, or refused). */
  readonly closed: boolean
}

export interface PortalEvents {
  /**
   * Calls `handler` for each event of the account, live, as it happens.
   * Uses a streaming `fetch` (EventSource cannot send `Authorization`), and
   * reconnects by itself with back-off, resuming after the last event
   * received: across a reconnect nothing is missed and nothing comes twice.
   *
   * @example
   * const live = portal.events.subscribe({ types: ['invoice.*'] }, (event) => refresh(event.subjectId))
   * live.close()
   */
  subscribe(options: SubscribeOptions, handler: (event: PortalEvent) => void): EventSubscription
}

export interface PortalEventsConfig {
  baseUrl: string
  fetch: (request: Request) => Promise<Response>
  token?: TokenSource | undefined
  credentials: RequestCredentials
}

const MAX_DELAY_MS = 30_000

/** The `events` part of a portal client. */
export function portalEvents(config: PortalEventsConfig): PortalEvents {
  return {
    subscribe(options, handler) {
      const { signal, onError, idleTimeoutMs = 45_000 } = options
      const query = options.types?.length
        ? `?types=${encodeURIComponent(options.types.join(','))}`
        : ''
      const url = `${config.baseUrl}/v1/events/stream${query}`
      let lastEventId = options.lastEventId
      let retryMs = 1_000
      let failures = 0
      let closed = false
      let connection: AbortController | undefined
      let reconnect: ReturnType<typeof setTimeout> | undefined

      const close = () => {
        closed = true
        clearTimeout(reconnect)
        connection?.abort()
        signal?.removeEventListener('abort', close)
      }

      const schedule = (delayMs?: number) => {
        if (closed) return
        // The server's `retry:` after a stream ended, doubling per failed attempt, with jitter.
        const backoff = Math.min(MAX_DELAY_MS, retryMs * 2 ** failures++)
        reconnect = setTimeout(connect, delayMs ?? backoff * (0.5 + Math.random() / 2))
      }

      const parser = createParser({
        onEvent(message) {
          if (message.id) lastEventId = message.id
          let event: PortalEvent
          try {
            event = JSON.parse(message.data) as PortalEvent
          } catch {
            return
          }
          try {
            handler(event)
          } catch (error) {
            // Like an event listener's: reported, and the stream goes on.
            if (typeof reportError === 'function') reportError(error)
            else console.error(error)
          }
        },
        onRetry(ms) {
          retryMs = ms
        },
      })

      async function connect(): Promise<void> {
        if (closed) return
        const controller = new AbortController()
        connection = controller
        let idle: ReturnType<typeof setTimeout> | undefined
        const alive = () => {
          clearTimeout(idle)
          idle = setTimeout(() => controller.abort(), idleTimeoutMs)
        }
        let delayMs: number | undefined
        try {
          const headers = new Headers({ accept: 'text/event-stream' })
          const token = typeof config.token === 'function' ? await config.token() : config.token
          if (token) headers.set('authorization', `Bearer ${token}`)
          if (lastEventId) headers.set('last-event-id', lastEventId)
          alive()
          const response = await config.fetch(
            new Request(url, {
              headers,
              signal: controller.signal,
              credentials: config.credentials,
            }),
          )
          if (!response.ok || !response.body) {
            const error = PortalApiError.fromResponse(
              response,
              await response.json().catch(() => undefined),
            )
            onError?.(error)
            // Retrying cannot fix a refusal; a busy or failing server may recover.
            if (response.status < 500 && response.status !== 408 && response.status !== 429) {
              return close()
            }
            const retryAfter = Number(response.headers.get('retry-after'))
            if (retryAfter > 0) delayMs = retryAfter * 1_000
          } else {
            parser.reset()
            options.onOpen?.()
            const reader = response.body.getReader()
            const decoder = new TextDecoder()
            for (;;) {
              const { done, value } = await reader.read()
              if (done) break
              failures = 0
              alive()
              parser.feed(decoder.decode(value, { stream: true }))
            }
            // The server ended the stream (its lifetime, a restart): resume.
          }
        } catch (error) {
          if (closed) return
          onError?.(PortalApiError.network(error))
        } finally {
          clearTimeout(idle)
        }
        schedule(delayMs)
      }

      if (signal?.aborted) closed = true
      else {
        signal?.addEventListener('abort', close)
        void connect()
      }
      return {
        close,
        get lastEventId() {
          return lastEventId
        },
        get closed() {
          return closed
        },
      }
    },
  }
}
