import { newIdempotencyKey, type PortalEvent } from '@portico/sdk'
import type { ReactiveControllerHost } from 'lit'
import type { CaseComment, PortalClient, SupportCase } from '../portal-client.js'
import { signedLink } from '../documents/signed-link.js'
import { ResourceController, type ResourceState } from '../detail/resource.controller.js'
import { settle, type RequestError } from '../request-error.js'

/** Where a shown case is in its life: see {@link ResourceState}. */
export type CaseDetailState = ResourceState

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
export class CaseDetailController extends ResourceController<SupportCase> {
  /** Why the last reply, close or reopen failed. */
  actionError: RequestError | null = null
  /** What is being sent: a reply, a close, a reopen, or nothing. */
  pending: 'reply' | 'close' | 'reopen' | null = null

  readonly #options: CaseDetailControllerOptions
  #replyKey: { body: string; key: string } | undefined

  constructor(host: ReactiveControllerHost, options: CaseDetailControllerOptions = {}) {
    super(host)
    this.#options = options
  }

  /** The case, once loaded; replaced by every refresh. */
  get supportCase(): SupportCase | null {
    return this.resource
  }

  get caseId(): string | undefined {
    return this.resourceId
  }

  /** Follows another case and/or client; loads it when anything changed. */
  configure(options: {
    client: PortalClient | undefined
    caseId: string | undefined
  }): Promise<void> {
    return this.follow({ client: options.client, id: options.caseId })
  }

  /** Refreshes when a `case.*` event is about this case; returns whether it did. */
  applyEvent(event: Pick<PortalEvent, 'type' | 'subjectId'>): boolean {
    if (!event.type.startsWith('case.') || event.subjectId !== this.caseId) return false
    void this.refresh()
    return true
  }

  /**
   * Adds the person's reply. The same text sent again after a lost answer
   * reuses its key, so it shows once. Resolves with the comment, or `null`.
   */
  async reply(body: string): Promise<CaseComment | null> {
    const client = this.client
    const id = this.caseId
    if (!client || !id || this.pending) return null
    if (this.#replyKey?.body !== body) this.#replyKey = { body, key: newIdempotencyKey() }
    const key = this.#replyKey.key
    this.pending = 'reply'
    this.actionError = null
    this.host.requestUpdate()
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
      this.host.requestUpdate()
      if (outcome.error.problem?.code === 'case_closed') void this.refresh()
      return null
    }
    this.#replyKey = undefined
    const shown = this.resource
    if (shown && !shown.comments.some((c) => c.id === outcome.data.id)) {
      this.resource = {
        ...shown,
        comments: [...shown.comments, outcome.data],
        commentCount: shown.commentCount + 1,
      }
    }
    this.host.requestUpdate()
    // The reply hands a case waiting on the customer back to support: its
    // status and resolution clock moved too — shown without waiting for a live event.
    if (this.supportCase?.status === 'waiting_on_customer') void this.refresh()
    return outcome.data
  }

  /** Closes (`close`) or reopens (`reopen`) the case. */
  async transition(action: 'close' | 'reopen'): Promise<boolean> {
    const client = this.client
    const id = this.caseId
    if (!client || !id || this.pending) return false
    this.pending = action
    this.actionError = null
    this.host.requestUpdate()
    const path = action === 'close' ? '/v1/cases/{id}/close' : '/v1/cases/{id}/reopen'
    const outcome = await settle(() => client.POST(path, { params: { path: { id } } }))
    this.pending = null
    if ('error' in outcome) this.actionError = outcome.error
    else this.resource = outcome.data
    this.host.requestUpdate()
    return !('error' in outcome)
  }

  /** A signed, absolute link to one of the case's attachments, valid for minutes. */
  async attachmentLink(attachmentId: string): Promise<{ url: string } | { error: RequestError }> {
    const client = this.client
    const id = this.caseId
    if (!client || !id) return { error: { status: 0 } }
    return signedLink(() =>
      client.POST('/v1/cases/{id}/attachments/{attachmentId}/download-link', {
        params: { path: { id, attachmentId } },
      }),
    )
  }

  protected fetchResource(client: PortalClient, id: string, signal: AbortSignal) {
    return settle(() => client.GET('/v1/cases/{id}', { params: { path: { id } }, signal }))
  }

  /** A refresh that brings comments not shown before tells `onNewComments`. */
  protected override accepted(supportCase: SupportCase, previous: SupportCase | null): void {
    if (!previous) return
    const seen = new Set(previous.comments.map((c) => c.id))
    const fresh = supportCase.comments.filter((c) => !seen.has(c.id))
    if (fresh.length) this.#options.onNewComments?.(fresh, supportCase)
  }
}
