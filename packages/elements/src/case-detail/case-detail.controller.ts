import { newIdempotencyKey, type PortalEvent } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { CaseComment, PortalClient, SupportCase } from '../portal-client.js'
import { signedLink } from '../documents/signed-link.js'
import { failureState, settle, type RequestError } from '../request-error.js'

/**
 * ```
 * idle ──► loading ──► ready | not-found | error | unauthorized | forbidden
 * ```
 * Once `ready`, live refreshes replace `supportCase` in place.
 */
export type CaseDetailState =
  'idle' | 'loading' | 'ready' | 'not-found' | 'error' | 'unauthorized' | 'forbidden'

export interface CaseDetailControllerOptions {
  /** Told when a refresh brings comments the person has not seen yet (an agent's answer). */
  onNewComments?: (comments: CaseComment[], supportCase: SupportCase) => void
}

/** The statuses a case can be closed from by the customer, and reopened from. */
export const closable = (c: Pick<SupportCase, 'status'>) => c.status !== 'closed'
export const reopenable = (c: Pick<SupportCase, 'status'>) =>
  c.status === 'closed' || c.status === 'resolved'

/**
 * The data logic of `<portico-case-detail>`: loads one case
 * (`GET /v1/cases/{id}`), replies (`POST /v1/cases/{id}/comments`, one
 * `Idempotency-Key` per reply), closes and reopens it, asks for signed
 * attachment links, and refreshes in place on `case.*` events about it.
 */
export class CaseDetailController implements ReactiveController {
  state: CaseDetailState = 'idle'
  supportCase: SupportCase | null = null
  error: RequestError | null = null
  /** Why the last reply, close or reopen failed. */
  actionError: RequestError | null = null
  /** What is being sent: a reply, a close, a reopen, or nothing. */
  pending: 'reply' | 'close' | 'reopen' | null = null

  readonly #host: ReactiveControllerHost
  readonly #options: CaseDetailControllerOptions
  #client: PortalClient | undefined
  #caseId: string | undefined
  #abort: AbortController | undefined
  #replyKey: { body: string; key: string } | undefined

  constructor(host: ReactiveControllerHost, options: CaseDetailControllerOptions = {}) {
    this.#host = host
    this.#options = options
    host.addController(this)
  }

  get caseId(): string | undefined {
    return this.#caseId
  }

  /** Follows another case and/or client; loads it when anything changed. */
  configure(options: {
    client: PortalClient | undefined
    caseId: string | undefined
  }): Promise<void> {
    const changed = options.client !== this.#client || options.caseId !== this.#caseId
    this.#client = options.client
    this.#caseId = options.caseId
    if (changed || (this.state === 'idle' && options.client && options.caseId)) return this.reload()
    return Promise.resolve()
  }

  reload(): Promise<void> {
    this.supportCase = null
    return this.#load(true)
  }

  /** Fetches the case again while still showing it — what a live update does. */
  refresh(): Promise<void> {
    if (this.state !== 'ready') return Promise.resolve()
    return this.#load(false)
  }

  /** Refreshes when a `case.*` event is about this case; returns whether it did. */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    if (!event.type.startsWith('case.') || event.subjectId !== this.#caseId) return false
    void this.refresh()
    return true
  }

  /**
   * Adds the person's reply. The same text sent again after a lost answer
   * reuses its key, so it shows once. Resolves with the comment, or `null`.
   */
  async reply(body: string): Promise<CaseComment | null> {
    const client = this.#client
    const id = this.#caseId
    if (!client || !id || this.pending) return null
    if (this.#replyKey?.body !== body) this.#replyKey = { body, key: newIdempotencyKey() }
    const key = this.#replyKey.key
    this.pending = 'reply'
    this.actionError = null
    this.#host.requestUpdate()
    const outcome = await settle(() =>
      client.POST('/v1/cases/{id}/comments', {
        params: { path: { id }, header: { 'idempotency-key': key } },
        body: { body },
      }),
    )
    this.pending = null
    if ('error' in outcome) {
      if (outcome.error.status !== 0 && outcome.error.status !== 409) this.#replyKey = undefined
      this.actionError = outcome.error
      this.#host.requestUpdate()
      if (outcome.error.problem?.code === 'case_closed') void this.#load(false)
      return null
    }
    this.#replyKey = undefined
    if (this.supportCase && !this.supportCase.comments.some((c) => c.id === outcome.data.id)) {
      this.supportCase = {
        ...this.supportCase,
        comments: [...this.supportCase.comments, outcome.data],
        commentCount: this.supportCase.commentCount + 1,
      }
    }
    this.#host.requestUpdate()
    // The reply hands a case waiting on the customer back to support: its
    // status and resolution clock moved too — shown without waiting for a live event.
    if (this.supportCase?.status === 'waiting_on_customer') void this.#load(false)
    return outcome.data
  }

  /** Closes (`close`) or reopens (`reopen`) the case. */
  async transition(action: 'close' | 'reopen'): Promise<boolean> {
    const client = this.#client
    const id = this.#caseId
    if (!client || !id || this.pending) return false
    this.pending = action
    this.actionError = null
    this.#host.requestUpdate()
    const path = action === 'close' ? '/v1/cases/{id}/close' : '/v1/cases/{id}/reopen'
    const outcome = await settle(() => client.POST(path, { params: { path: { id } } }))
    this.pending = null
    if ('error' in outcome) this.actionError = outcome.error
    else this.supportCase = outcome.data
    this.#host.requestUpdate()
    return !('error' in outcome)
  }

  /** A signed, absolute link to one of the case's attachments, valid for minutes. */
  async attachmentLink(attachmentId: string): Promise<{ url: string } | { error: RequestError }> {
    const client = this.#client
    const id = this.#caseId
    if (!client || !id) return { error: { status: 0 } }
    return signedLink(() =>
      client.POST('/v1/cases/{id}/attachments/{attachmentId}/download-link', {
        params: { path: { id, attachmentId } },
      }),
    )
  }

  /** @internal */
  hostConnected(): void {
    if (this.state === 'idle' && this.#client && this.#caseId) void this.reload()
  }

  /** @internal */
  hostDisconnected(): void {
    const wasLoading = this.state === 'loading'
    this.#abort?.abort()
    if (wasLoading) this.state = 'idle'
  }

  async #load(showLoading: boolean): Promise<void> {
    this.#abort?.abort()
    const client = this.#client
    const id = this.#caseId
    if (!client || !id) {
      this.state = 'idle'
      this.#host.requestUpdate()
      return
    }
    const abort = (this.#abort = new AbortController())
    if (showLoading) {
      this.state = 'loading'
      this.error = null
      this.#host.requestUpdate()
    }
    const outcome = await settle(() =>
      client.GET('/v1/cases/{id}', { params: { path: { id } }, signal: abort.signal }),
    )
    if (abort.signal.aborted) return
    if ('error' in outcome) {
      if (!showLoading && failureState(outcome.error) === 'error') return // keep showing what we have
      this.supportCase = null
      this.error = outcome.error
      this.state =
        outcome.error.status === 404 || outcome.error.status === 400
          ? 'not-found'
          : failureState(outcome.error)
      this.#host.requestUpdate()
      return
    }
    const previous = this.supportCase
    this.supportCase = outcome.data
    this.state = 'ready'
    this.#host.requestUpdate()
    if (previous) {
      const seen = new Set(previous.comments.map((c) => c.id))
      const fresh = outcome.data.comments.filter((c) => !seen.has(c.id))
      if (fresh.length) this.#options.onNewComments?.(fresh, outcome.data)
    }
  }
}
