import { newIdempotencyKey } from '@portico/sdk'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { checkAttachment, type AttachmentProblem } from '../cases/attachment-rules.js'
import { uploadCaseAttachment } from '../cases/upload-attachment.js'
import type { CaseCategory, PortalClient, SupportCase } from '../portal-client.js'
import { settle, type RequestError } from '../request-error.js'
import {
  caseRequestOf,
  checkField,
  fieldOfProblem,
  fieldsOf,
  type CaseDraft,
  type CaseField,
  type FieldProblem,
} from './case-fields.js'

/**
 * ```
 * editing ──submit()──► creating ──► uploading ──► created
 *    ▲                     │ refused / no answer
 *    └──── failed ◄────────┘
 * ```
 */
export type CaseFormState = 'editing' | 'creating' | 'uploading' | 'created' | 'failed'

/** A file chosen for the case, and how its upload went. */
export interface PendingAttachment {
  id: string
  file: File
  /** A client-side refusal: the file is never sent. */
  problem: AttachmentProblem | null
  status: 'waiting' | 'uploading' | 'done' | 'failed'
  /** Bytes sent so far. */
  loaded: number
  error: RequestError | null
}

export interface CaseFormControllerOptions {
  /** Told once the case exists and every upload has finished (or failed). */
  onCreated?: (created: SupportCase, failed: PendingAttachment[]) => void
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * The data logic of `<portico-case-form>`: the draft and its validation as
 * the person types, the chosen files with their client-side checks, and
 * submission — `POST /v1/cases` with one `Idempotency-Key` per submission
 * (a double click or a retry after a lost answer makes one case), then
 * each file to `POST /v1/cases/{id}/attachments` with its progress.
 */
export class CaseFormController implements ReactiveController {
  state: CaseFormState = 'editing'
  draft: CaseDraft = {
    subject: '',
    description: '',
    category: 'question',
    priority: 'normal',
    orderId: '',
    invoiceId: '',
    details: {},
  }
  attachments: PendingAttachment[] = []
  /** The created case, once there is one. */
  created: SupportCase | null = null
  /** Why the last submission failed (not a field's fault, or not only). */
  error: RequestError | null = null
  client: PortalClient | undefined

  readonly #host: ReactiveControllerHost
  readonly #options: CaseFormControllerOptions
  readonly #touched = new Set<CaseField>()
  #refused: Partial<Record<CaseField, string>> = {}
  #idempotencyKey: string | undefined
  #nextFileId = 0

  constructor(host: ReactiveControllerHost, options: CaseFormControllerOptions = {}) {
    this.#host = host
    this.#options = options
    host.addController(this)
  }

  /** The idempotency key the next submission sends; kept until the draft changes or a case is made. */
  get idempotencyKey(): string | undefined {
    return this.#idempotencyKey
  }

  /** The fields this draft shows. */
  get fields(): CaseField[] {
    return fieldsOf(this.draft.category)
  }

  /** Changes the draft; a changed draft is a new submission with a new key. */
  update(change: Partial<Omit<CaseDraft, 'details'>> & { details?: CaseDraft['details'] }): void {
    this.draft = {
      ...this.draft,
      ...change,
      details: { ...this.draft.details, ...change.details },
    }
    for (const key of Object.keys(change) as Array<keyof CaseDraft>) {
      if (key === 'details') {
        for (const field of Object.keys(change.details ?? {}) as CaseField[])
          delete this.#refused[field]
      } else if (key !== 'orderId' && key !== 'invoiceId') delete this.#refused[key]
    }
    this.#idempotencyKey = undefined
    if (this.state === 'failed') this.state = 'editing'
    this.#host.requestUpdate()
  }

  /** Marks a field as visited: its problem shows from now on. */
  touch(field: CaseField): void {
    if (this.#touched.has(field)) return
    this.#touched.add(field)
    this.#host.requestUpdate()
  }

  /** The problem a field shows: only once touched (or after a submit), or refused by the API. */
  problemOf(field: CaseField): FieldProblem | null {
    if (this.#refused[field]) return 'refused'
    if (!this.#touched.has(field)) return null
    return checkField(this.draft, field, today())
  }

  /** The API's message for a refused field. */
  refusalOf(field: CaseField): string | undefined {
    return this.#refused[field]
  }

  /** Every field with a problem now, in the order they show. */
  get invalidFields(): CaseField[] {
    return this.fields.filter((field) => this.problemOf(field))
  }

  /** Adds files; each is checked for its type and size before anything is sent. */
  addFiles(files: Iterable<File>): PendingAttachment[] {
    const added = [...files].map((file) => ({
      id: `file-${++this.#nextFileId}`,
      file,
      problem: checkAttachment(file),
      status: 'waiting' as const,
      loaded: 0,
      error: null,
    }))
    this.attachments = [...this.attachments, ...added]
    this.#host.requestUpdate()
    return added
  }

  removeFile(id: string): void {
    this.attachments = this.attachments.filter((a) => a.id !== id)
    this.#host.requestUpdate()
  }

  /**
   * Validates everything; when valid, creates the case and uploads the
   * files. Resolves with the case, or `null` when a field is wrong or the
   * API refused. A second call while one runs does nothing.
   */
  async submit(): Promise<SupportCase | null> {
    if (this.state === 'creating' || this.state === 'uploading') return null
    for (const field of this.fields) this.#touched.add(field)
    const client = this.client
    if (this.invalidFields.length || !client) {
      this.#host.requestUpdate()
      return null
    }
    this.state = 'creating'
    this.error = null
    this.#idempotencyKey ??= newIdempotencyKey()
    const key = this.#idempotencyKey
    this.#host.requestUpdate()
    const outcome = await settle(() =>
      client.POST('/v1/cases', {
        params: { header: { 'idempotency-key': key } },
        body: caseRequestOf(this.draft),
      }),
    )
    if ('error' in outcome) {
      const { error } = outcome
      // A stored answer would be replayed: only a lost answer may reuse the key.
      if (error.status !== 0 && error.status !== 409) this.#idempotencyKey = undefined
      this.#refused = {}
      for (const { field, message } of error.problem?.errors ?? []) {
        const mapped = fieldOfProblem(field)
        if (mapped) this.#refused[mapped] = message
      }
      this.error = error
      this.state = 'failed'
      this.#host.requestUpdate()
      return null
    }
    this.created = outcome.data
    this.#idempotencyKey = undefined
    this.state = 'uploading'
    this.#host.requestUpdate()
    for (const attachment of this.attachments) {
      if (attachment.problem || attachment.status === 'done') continue
      await this.#upload(client, outcome.data.id, attachment)
    }
    this.state = 'created'
    this.#host.requestUpdate()
    const failed = this.attachments.filter((a) => a.status === 'failed' || a.problem)
    this.#options.onCreated?.(outcome.data, failed)
    return outcome.data
  }

  /** Prefills from where the form was opened (an order, an invoice), keeping what was typed. */
  prefill(values: { orderId?: string; invoiceId?: string; category?: CaseCategory }): void {
    const change: Partial<CaseDraft> = {}
    if (values.orderId !== undefined) change.orderId = values.orderId
    if (values.invoiceId !== undefined) change.invoiceId = values.invoiceId
    if (values.category) change.category = values.category
    this.draft = { ...this.draft, ...change }
    this.#host.requestUpdate()
  }

  /** Starts a fresh case, keeping the prefilled order and invoice. */
  reset(): void {
    const { orderId, invoiceId, category } = this.draft
    this.draft = {
      subject: '',
      description: '',
      category,
      priority: 'normal',
      orderId,
      invoiceId,
      details: {},
    }
    this.attachments = []
    this.created = null
    this.error = null
    this.#refused = {}
    this.#touched.clear()
    this.state = 'editing'
    this.#host.requestUpdate()
  }

  /** @internal */
  hostConnected(): void {}

  async #upload(client: PortalClient, caseId: string, attachment: PendingAttachment) {
    const set = (change: Partial<PendingAttachment>) => {
      Object.assign(attachment, change)
      this.attachments = [...this.attachments]
      this.#host.requestUpdate()
    }
    set({ status: 'uploading', loaded: 0, error: null })
    const result = await uploadCaseAttachment(client, caseId, attachment.file, {
      onProgress: (loaded) => set({ loaded }),
    })
    if ('error' in result) set({ status: 'failed', error: result.error })
    else set({ status: 'done', loaded: attachment.file.size })
  }
}
