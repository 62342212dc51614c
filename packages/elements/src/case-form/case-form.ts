import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { ATTACHMENT_ACCEPT } from '../cases/attachment-rules.js'
import type { CaseVocabularyMessages } from '../cases/case-vocabulary.messages.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import type { CaseCategory, PortalClient, SupportCase } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { bannerStyles, baseStyles, fieldStyles } from '../theme/base.styles.js'
import { tokenStyles } from '../theme/tokens.js'
import {
  caseCategories,
  casePriorities,
  type CaseField,
  type CaseDetailField,
} from './case-fields.js'
import { CaseFormController, type PendingAttachment } from './case-form.controller.js'
import { caseFormCatalogue, type CaseFormMessages } from './case-form.messages.js'
import { caseFormStyles } from './case-form.styles.js'

type Messages = SharedMessages & CaseVocabularyMessages & CaseFormMessages

/** `detail` of `portico-case-created`. */
export interface CaseCreatedDetail {
  caseId: string
  case: SupportCase
  /** Files that could not be attached (refused here or by the API). */
  failedAttachments: File[]
}

export type CaseCreatedEvent = CustomEvent<CaseCreatedDetail>

const DATE_FIELDS: readonly string[] = ['purchaseDate', 'preferredDate']

/**
 * @summary Raises a support case: subject, category, priority, the
 * category's own fields (batch, serial number …), a description, and photos
 * or documents dropped or chosen — prefilled when opened from an order or an
 * invoice. Fields are checked as the person types; the API has the last word
 * and its field errors show beside the fields.
 *
 * One submission is one `Idempotency-Key`: a double click or a retry after a
 * lost answer makes one case. The credential needs `cases:write`.
 *
 * @fires {CaseCreatedEvent} portico-case-created - The case exists and its files were sent.
 *   `detail: { caseId, case, failedAttachments }`. Bubbles and crosses shadow roots.
 *
 * @csspart base - The outer frame.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of fields to correct, shown on submit.
 * @csspart input - Every text input, select and textarea.
 * @csspart field-error - A field's problem.
 * @csspart drop-zone - Where files are dropped; also the file input's label.
 * @csspart file - One chosen file, with its progress.
 * @csspart progress - A file's upload progress bar.
 * @csspart submit - The submit button.
 * @csspart banner - A submission that failed.
 * @csspart created - What shows once the case exists.
 *
 * @cssprop --portico-color-primary - Buttons, the drop zone while a file is over it.
 * @cssprop --portico-color-danger - Field problems.
 * @cssprop --portico-color-border - Frame, inputs, the drop zone.
 * @cssprop --portico-radius - Corners.
 * @cssprop --portico-font-family - Font of every text.
 * @cssprop --portico-space-3 - Gaps between fields.
 */
export class PorticoCaseForm extends LitElement {
  static override styles = [tokenStyles, baseStyles, fieldStyles, bannerStyles, caseFormStyles]

  /** The order the case is about (`ord_…`); shown and sent with the case. */
  @property({ attribute: 'order-id' }) orderId?: string

  /** The invoice the case is about (`inv_…`). */
  @property({ attribute: 'invoice-id' }) invoiceId?: string

  /** The category to start with. */
  @property() category?: CaseCategory

  /** Level of the form's heading. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic: the draft, its problems, the files and the submission. */
  readonly controller = new CaseFormController(this, {
    onCreated: (created, failed) => {
      this.dispatchEvent(
        new CustomEvent<CaseCreatedDetail>('portico-case-created', {
          detail: {
            caseId: created.id,
            case: created,
            failedAttachments: failed.map((f) => f.file),
          },
          bubbles: true,
          composed: true,
        }),
      )
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part="created"] p')?.focus(),
      )
    },
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: caseFormCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  @state() protected dragging = false
  @state() protected showSummary = false

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.controller.client = this.client ?? this.portico?.client
    if (changed.has('orderId') || changed.has('invoiceId') || changed.has('category')) {
      this.controller.prefill({
        orderId: this.orderId ?? '',
        invoiceId: this.invoiceId ?? '',
        ...(this.category && caseCategories.includes(this.category)
          ? { category: this.category }
          : {}),
      })
    }
  }

  protected override render() {
    const t = this.#localize.messages
    return html`<div part="base" class="frame base" lang=${this.#localize.locale}>
      ${t ? (this.controller.state === 'created' ? this.#renderCreated(t) : this.#renderForm(t)) : nothing}
    </div>`
  }

  #renderCreated(t: Messages) {
    const created = this.controller.created!
    const failed = this.controller.attachments.filter((a) => a.status === 'failed' || a.problem)
    return html`<div part="created" class="created" role="status">
      <p tabindex="-1"><strong>${t.created(created.number)}</strong></p>
      ${failed.length ? html`<p class="banner banner--warning">${t.someFilesNotAttached(failed.length)}</p>` : nothing}
      <button class="button" type="button" @click=${() => this.controller.reset()}>
        ${t.createAnother}
      </button>
    </div>`
  }

  #renderForm(t: Messages) {
    const c = this.controller
    const busy = c.state === 'creating' || c.state === 'uploading'
    const invalid = c.invalidFields
    return html`
      <form part="form" novalidate aria-labelledby="case-form-title" @submit=${this.#submit}>
        <div role="heading" aria-level=${this.headingLevel} id="case-form-title" class="heading">
          ${t.formTitle}
        </div>
        ${c.draft.orderId ? html`<p class="hint">${t.aboutOrder(c.draft.orderId)}</p>` : nothing}
        ${c.draft.invoiceId ? html`<p class="hint">${t.aboutInvoice(c.draft.invoiceId)}</p>` : nothing}
        ${this.showSummary && invalid.length ? this.#renderSummary(t, invalid) : nothing}
        ${this.#renderFailure(t)} ${this.#text(t, 'subject', t.subject)}
        <div class="grid">
          ${this.#select(t, 'category', t.category, caseCategories, (v) => t.categories[v])}
          ${this.#select(t, 'priority', t.priority, casePriorities, (v) => t.priorities[v])}
        </div>
        ${this.#renderDetails(t)}
        ${this.#text(t, 'description', t.description, { multiline: true, hint: t.descriptionHint })}
        ${this.#renderAttachments(t)}
        <div class="actions">
          <button
            part="submit"
            class="button button--primary"
            type="submit"
            aria-busy=${busy ? 'true' : 'false'}
          >
            ${c.state === 'creating' ? t.submitting : c.state === 'uploading' ? t.uploadingFiles : t.submit}
          </button>
        </div>
      </form>
    `
  }

  #renderSummary(t: Messages, invalid: CaseField[]) {
    return html`<div
      part="error-summary"
      class="banner banner--danger summary"
      role="alert"
      tabindex="-1"
    >
      <strong>${t.errorSummary(invalid.length)}</strong>
      <ul>
        ${invalid.map(
          (field) =>
            html`<li>
              <a href="#field-${field}" @click=${(event: Event) => this.#focusField(event, field)}
                >${this.#labelOf(t, field)}: ${this.#problemText(t, field)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`
  }

  #renderFailure(t: Messages) {
    const { state, error } = this.controller
    if (state !== 'failed' || !error) return nothing
    const text = error.status === 403 ? t.createForbidden : t.createFailed
    return html`<div part="banner" class="banner banner--danger" role="alert" tabindex="-1">
      <p>${text}</p>
      ${error.problem?.detail && error.status !== 403 ? html`<p>${error.problem.detail}</p>` : nothing}
      ${error.problem?.requestId ? html`<p class="hint">${t.errorReference(error.problem.requestId)}</p>` : nothing}
    </div>`
  }

  #renderDetails(t: Messages) {
    const fields = this.controller.fields.filter(
      (f): f is CaseDetailField => !['subject', 'category', 'priority', 'description'].includes(f),
    )
    if (!fields.length) return nothing
    return html`<div class="grid">
      ${fields.map((field) =>
        field === 'rmaRequested'
          ? html`<label class="check">
              <input
                id="field-rmaRequested"
                type="checkbox"
                .checked=${this.controller.draft.details.rmaRequested === 'true'}
                @change=${(event: Event) =>
                  this.controller.update({
                    details: { rmaRequested: String((event.target as HTMLInputElement).checked) },
                  })}
              />
              ${t.rmaRequest}
            </label>`
          : this.#text(t, field, t.detailLabels[field], {
              optional: true,
              ...(DATE_FIELDS.includes(field) ? { hint: t.dateHint, type: 'date' } : {}),
              ...(field === 'quantityAffected' ? { inputmode: 'numeric' } : {}),
            }),
      )}
    </div>`
  }

  #text(
    t: Messages,
    field: CaseField,
    label: string,
    options: {
      multiline?: boolean
      hint?: string
      optional?: boolean
      type?: string
      inputmode?: string
    } = {},
  ) {
    const c = this.controller
    const value =
      field === 'subject' || field === 'description'
        ? c.draft[field]
        : (c.draft.details[field as CaseDetailField] ?? '')
    const problem = c.problemOf(field)
    const errorId = `error-${field}`
    const hintId = options.hint ? `hint-${field}` : ''
    const describedBy = [hintId, problem ? errorId : ''].filter(Boolean).join(' ') || nothing
    const onInput = (event: Event) => {
      const next = (event.target as HTMLInputElement).value
      if (field === 'subject' || field === 'description') c.update({ [field]: next })
      else c.update({ details: { [field]: next } })
    }
    const common = {
      id: `field-${field}`,
      invalid: problem ? 'true' : 'false',
    }
    return html`<div class="field">
      <label for=${common.id}
        >${label}${options.optional ? html` <span class="muted">(${t.optional})</span>` : nothing}</label
      >
      ${
        options.multiline
          ? html`<textarea
              part="input"
              class="input"
              id=${common.id}
              name=${field}
              aria-invalid=${common.invalid}
              aria-describedby=${describedBy}
              aria-required="true"
              .value=${value}
              @input=${onInput}
              @blur=${() => c.touch(field)}
            ></textarea>`
          : html`<input
              part="input"
              class="input"
              id=${common.id}
              name=${field}
              type=${options.type ?? 'text'}
              inputmode=${options.inputmode ?? nothing}
              aria-invalid=${common.invalid}
              aria-describedby=${describedBy}
              aria-required=${options.optional ? 'false' : 'true'}
              .value=${value}
              @input=${onInput}
              @blur=${() => c.touch(field)}
            />`
      }
      ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
      ${problem ? html`<p part="field-error" class="field-error" id=${errorId}>${this.#problemText(t, field)}</p>` : nothing}
    </div>`
  }

  #select<V extends string>(
    t: Messages,
    field: 'category' | 'priority',
    label: string,
    values: V[],
    name: (v: V) => string,
  ) {
    const value = this.controller.draft[field]
    return html`<div class="field">
      <label for="field-${field}">${label}</label>
      <select
        part="input"
        class="input"
        id="field-${field}"
        name=${field}
        @change=${(event: Event) =>
          this.controller.update({ [field]: (event.target as HTMLSelectElement).value } as never)}
      >
        ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${name(v)}</option>`)}
      </select>
      ${this.controller.problemOf(field) ? html`<p part="field-error" class="field-error">${this.#problemText(t, field)}</p>` : nothing}
    </div>`
  }

  #renderAttachments(t: Messages) {
    const files = this.controller.attachments
    return html`<div class="field">
      <span class="label" id="attachments-label">${t.attachments}</span>
      <label
        part="drop-zone"
        class="drop-zone ${this.dragging ? 'drop-zone--over' : ''}"
        @dragover=${(event: DragEvent) => {
          event.preventDefault()
          this.dragging = true
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${(event: DragEvent) => {
          event.preventDefault()
          this.dragging = false
          if (event.dataTransfer?.files.length) this.controller.addFiles(event.dataTransfer.files)
        }}
      >
        <strong>${t.dropZone}</strong>
        <span class="hint" id="drop-hint">${t.dropZoneHint}</span>
        <input
          class="sr-only"
          type="file"
          multiple
          accept=${ATTACHMENT_ACCEPT}
          aria-labelledby="attachments-label"
          aria-describedby="drop-hint"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement
            if (input.files?.length) this.controller.addFiles(input.files)
            input.value = ''
          }}
        />
      </label>
      ${
        files.length
          ? html`<ul class="files" aria-labelledby="attachments-label">
              ${files.map((f) => this.#renderFile(t, f))}
            </ul>`
          : nothing
      }
    </div>`
  }

  #renderFile(t: Messages, attachment: PendingAttachment) {
    const { file, problem, status, error } = attachment
    const l = this.#localize
    const problemText = problem
      ? { 'too-large': t.fileTooLarge, 'wrong-type': t.fileWrongType, empty: t.fileEmpty }[problem]
      : status === 'failed'
        ? error && [400, 413, 415].includes(error.status)
          ? t.uploadRefused
          : t.uploadFailed
        : null
    return html`<li part="file" class="file">
      <span class="file-name"
        >${file.name}
        <span class="muted">(${l.number(Math.max(1, Math.round(file.size / 1024)))} KB)</span>
        ${status === 'done' ? html` · <span>${t.uploaded}</span>` : nothing}</span
      >
      ${
        status === 'waiting' || status === 'failed' || problem
          ? html`<button
              class="link"
              type="button"
              aria-label=${t.removeFile(file.name)}
              @click=${() => this.controller.removeFile(attachment.id)}
            >
              ×
            </button>`
          : html`<span></span>`
      }
      ${
        status === 'uploading' || status === 'done'
          ? html`<progress
              part="progress"
              max=${file.size}
              .value=${attachment.loaded}
              aria-label=${t.uploadProgress(file.name)}
            ></progress>`
          : nothing
      }
      ${problemText ? html`<p class="file-problem" role="alert">${problemText}</p>` : nothing}
    </li>`
  }

  #labelOf(t: Messages, field: CaseField): string {
    if (field === 'subject') return t.subject
    if (field === 'description') return t.description
    if (field === 'category') return t.category
    if (field === 'priority') return t.priority
    return t.detailLabels[field]
  }

  #problemText(t: Messages, field: CaseField): string {
    const problem = this.controller.problemOf(field)
    switch (problem) {
      case 'required':
        return t.problemRequired
      case 'too-long':
        return t.problemTooLong
      case 'not-a-number':
        return t.problemNotANumber
      case 'not-a-date':
        return t.problemNotADate
      case 'in-the-future':
        return t.problemInTheFuture
      case 'refused':
        return this.controller.refusalOf(field) ?? t.problemRequired
      default:
        return ''
    }
  }

  #focusField(event: Event, field: CaseField) {
    event.preventDefault()
    this.renderRoot.querySelector<HTMLElement>(`#field-${field}`)?.focus()
  }

  async #submit(event: Event) {
    event.preventDefault()
    const created = await this.controller.submit()
    if (created) return
    await this.updateComplete
    const first = this.controller.invalidFields[0]
    if (first) {
      this.showSummary = true
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>(`#field-${first}`)?.focus()
    } else if (this.controller.state === 'failed') {
      this.renderRoot.querySelector<HTMLElement>('[part="banner"]')?.focus()
    }
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-case-created': CaseCreatedEvent
  }
}
