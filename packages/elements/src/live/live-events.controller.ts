import type { EventSubscription, PortalEvent } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PortalClient } from '../portal-client.js'

/** `off` (no client, disabled, or refused), `connecting`, or `live`. */
export type LiveState = 'off' | 'connecting' | 'live'

export interface LiveEventsOptions {
  /** Event types to receive: `order.shipped`, or every type of a noun: `order.*`. */
  types: string[]
  /** Called for each event received. */
  onEvent: (event: PortalEvent) => void
  /**
   * Called each time the stream (re)connects. Events are resumed across a
   * reconnect, but the first connection starts "now": a host that loaded its
   * data before that should refresh it here.
   */
  onOpen?: () => void
}

/**
 * Keeps a live subscription to the account's events (`GET /v1/events/stream`
 * through the SDK's `client.events.subscribe`) while its host is connected
 * and has a client: it subscribes when both are there, resubscribes when the
 * client changes (a fresh embed secret), and closes when the host leaves
 * the page. A refusal (no `events:read`) turns it `off`; the host keeps
 * working without live updates.
 */
export class LiveEventsController implements ReactiveController {
  /** Whether updates are arriving; see {@link LiveState}. */
  state: LiveState = 'off'

  readonly #host: ReactiveControllerHost
  readonly #options: LiveEventsOptions
  #client: PortalClient | undefined
  #enabled = true
  #connected = false
  #subscription: EventSubscription | undefined

  constructor(host: ReactiveControllerHost, options: LiveEventsOptions) {
    this.#host = host
    this.#options = options
    host.addController(this)
  }

  /** Subscribes through `client` when `enabled`; closes the subscription otherwise. */
  configure(client: PortalClient | undefined, enabled = true): void {
    if (client === this.#client && enabled === this.#enabled) return
    this.#client = client
    this.#enabled = enabled
    this.#restart()
  }

  /** @internal */
  hostConnected(): void {
    this.#connected = true
    this.#restart()
  }

  /** @internal */
  hostDisconnected(): void {
    this.#connected = false
    this.#restart()
  }

  #restart(): void {
    this.#subscription?.close()
    this.#subscription = undefined
    const client = this.#client
    // A client built by other means (or an older SDK) may not stream.
    if (!this.#connected || !this.#enabled || !client?.events) return this.#set('off')
    this.#set('connecting')
    const subscription = client.events.subscribe(
      {
        types: this.#options.types,
        onOpen: () => {
          if (this.#subscription !== subscription) return
          this.#set('live')
          this.#options.onOpen?.()
        },
        onError: () => {
          // Refused for good (the SDK closes right after telling), or retrying with back-off.
          queueMicrotask(() => {
            if (this.#subscription === subscription)
              this.#set(subscription.closed ? 'off' : 'connecting')
          })
        },
      },
      (event) => {
        if (this.#subscription === subscription) this.#options.onEvent(event)
      },
    )
    this.#subscription = subscription
  }

  #set(state: LiveState): void {
    if (this.state === state) return
    this.state = state
    this.#host.requestUpdate()
  }
}
