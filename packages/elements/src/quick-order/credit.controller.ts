import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Credit, PortalClient } from '../portal-client.js'
import { failureState, settle, type RequestError } from '../request-error.js'

/** `idle` (no client), `loading`, `ready`, or why there is no credit position to show. */
export type CreditState = 'idle' | 'loading' | 'ready' | 'error' | 'unauthorized' | 'forbidden'

/**
 * The account's credit position from `GET /v1/credit` — limit, outstanding,
 * available, credit hold — loaded when a client arrives and again on
 * {@link refresh} (after an order is placed or refused).
 */
export class CreditController implements ReactiveController {
  state: CreditState = 'idle'
  /** The last position received; kept while a refresh is in flight. */
  credit: Credit | null = null
  error: RequestError | null = null

  readonly #host: ReactiveControllerHost
  #client: PortalClient | undefined
  #abort: AbortController | undefined

  constructor(host: ReactiveControllerHost, client?: PortalClient) {
    this.#host = host
    this.#client = client
    host.addController(this)
  }

  /** Uses `client` from now on; a different client loads the position again. */
  setClient(client: PortalClient | undefined): void {
    if (client === this.#client && this.state !== 'idle') return
    this.#client = client
    this.credit = null
    void this.refresh()
  }

  /** Loads the position again. A failed refresh keeps showing nothing stale: `credit` is cleared. */
  async refresh(): Promise<void> {
    this.#abort?.abort()
    const client = this.#client
    if (!client) {
      this.state = 'idle'
      this.#host.requestUpdate()
      return
    }
    const abort = (this.#abort = new AbortController())
    if (!this.credit) this.state = 'loading'
    this.#host.requestUpdate()
    const outcome = await settle(() => client.GET('/v1/credit', { signal: abort.signal }))
    if (abort.signal.aborted) return
    if ('data' in outcome) {
      this.credit = outcome.data
      this.error = null
      this.state = 'ready'
    } else {
      this.credit = null
      this.error = outcome.error
      this.state = failureState(outcome.error)
    }
    this.#host.requestUpdate()
  }

  /** @internal */
  hostConnected(): void {
    if (this.state === 'idle' && this.#client) void this.refresh()
  }

  /** @internal */
  hostDisconnected(): void {
    this.#abort?.abort()
    if (this.state === 'loading') this.state = 'idle'
  }
}
