import { consume } from '@lit/context'
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import type { CaseDetailField } from '../case-form/case-fields.js'
import { caseBadgeStyles, caseStatusBadge, caseSyncBadge } from '../cases/case-badges.js'
import { slaLines } from '../cases/case-sla.js'
import type { CaseVocabularyMessages } from '../cases/case-vocabulary.messages.js'
import { LocalizeController } from '../i18n/localize.controller.js'
import type { SharedMessages } from '../i18n/shared.messages.js'
import { LiveEventsController, type LiveState } from '../live/live-events.controller.js'
import type { CaseAttachment, CaseComment, PortalClient, SupportCase } from '../portal-client.js'
import { porticoContext, type PorticoContext } from '../provider/portico-context.js'
import { bannerStyles, baseStyles, fieldStyles } from '../theme/base.styles.js'
import { alertIcon, boxIcon, documentIcon, icon, lockIcon } from '../theme/icons.js'
import { tokenStyles } from '../theme/tokens.js'
import { CaseDetailController, closable, reopenable } from './case-detail.controller.js'
import { caseDetailCatalogue, type CaseDetailMessages } from './case-detail.messages.js'
import { caseDetailStyles } from './case-detail.styles.js'

type Messages = SharedMessages & CaseVocabularyMessages & CaseDetailMessages

/** `detail` of `portico-attachment-open`. */
export interface AttachmentOpenDetail {
  /** The signed, absolute download URL (valid for minutes). */
  url: string
  attachment: CaseAttachment
}

export type AttachmentOpenEvent = CustomEvent<AttachmentOpenDetail>

/**
 * @summary One support case for the customer who raised it: number,
 * subject, status, SLA due times (overdue ones emphasised; the resolution's
 * "paused — waiting on your reply" while the case waits on them), the CRM sync
 * state, the description, the conversation with support, the attachments
 * (downloaded through signed links), a reply box, and Close / Reopen. An
 * agent's answer appears without a reload and is announced politely.
 *
 * The credential needs `cases:read`; `cases:write` to reply, close or
 * reopen; `events:read` for live updates. The data logic is
 * `CaseDetailController`.
 *
 * @fires {AttachmentOpenEvent} portico-attachment-open - A download link is ready. Unless a
 *   listener calls `preventDefault()`, the page navigates to it (the file downloads).
 *   Bubbles, crosses shadow roots, cancelable.
 *
 * @slot actions - Extra controls beside Close / Reopen.
 *
 * @csspart base - The outer frame.
 * @csspart header - Number, subject, status, SLA, actions.
 * @csspart title - The case number heading.
 * @csspart status-badge - The status badge; also `status-badge-<status>`.
 * @csspart sync-badge - "Syncing with CRM" while the CRM has not taken the case.
 * @csspart sla - An SLA line; also `sla-breached` when overdue, `sla-paused` while the
 *   resolution clock waits on the customer's reply.
 * @csspart live - The "Live" indicator.
 * @csspart thread - The list of comments.
 * @csspart comment - A comment; also `comment-agent` or `comment-customer`.
 * @csspart attachment-button - An attachment's download button.
 * @csspart reply - The reply box.
 * @csspart close-button - "Close case".
 * @csspart reopen-button - "Reopen case".
 * @csspart banner - A reply or action that failed, the closed notice.
 * @csspart error - The not-found, error, unauthorized and forbidden states.
 * @csspart retry - The Retry button of the error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --portico-color-primary - Buttons, agent comments' tint.
 * @cssprop --portico-color-danger - Overdue SLAs, errors.
 * @cssprop --portico-color-warning - "Waiting on you", syncing.
 * @cssprop --portico-color-success - Resolved, the live dot.
 * @cssprop --portico-color-border - Frame, comments.
 * @cssprop --portico-radius - Corners.
 * @cssprop --portico-font-family - Font of every text.
 */
export class PorticoCaseDetail extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    fieldStyles,
    bannerStyles,
    caseBadgeStyles,
    caseDetailStyles,
  ]

  /** The case to show (`case_…`). */
  @property({ attribute: 'case-id' }) caseId?: string

  /** `on`: refetch as case events happen; `off`: only on reload. */
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on'

  /** Level of the case number heading (its sections are one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2

  /** BCP 47 locale; overrides the provider's. */
  @property() locale?: string

  /** An API client to use instead of the provider's. */
  @property({ attribute: false }) client?: PortalClient

  @consume({ context: porticoContext, subscribe: true })
  @state()
  protected portico?: PorticoContext

  /** The data logic; read `state`, `supportCase` from it. */
  readonly controller = new CaseDetailController(this, {
    onNewComments: (comments) => {
      const t = this.#localize.messages
      const fromAgent = comments.filter((c) => c.author.kind === 'agent')
      if (t && fromAgent.length) this.#announce(t.newReplyFrom(fromAgent.at(-1)!.author.name))
    },
  })

  readonly #live = new LiveEventsController(this, {
    types: ['case.*'],
    onEvent: (event) => this.controller.applyEvent(event),
    onOpen: () => void this.controller.refresh(),
  })

  readonly #localize = new LocalizeController(this, {
    catalogue: caseDetailCatalogue,
    locale: () => this.locale ?? this.portico?.locale,
  })

  get liveState(): LiveState {
    return this.#live.state
  }

  @state() protected announcement = ''
  @state() protected draft = ''
  @state() protected replyProblem = false
  @state() protected preparing: string | null = null
  @state() protected downloadError = false

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client ?? this.portico?.client
    if (changed.has('caseId')) {
      this.draft = ''
      this.downloadError = false
    }
    void this.controller.configure({ client, caseId: this.caseId || undefined })
    this.#live.configure(client, this.liveUpdates !== 'off')
  }

  protected override render() {
    const t = this.#localize.messages
    const { state } = this.controller
    const busy = !t || state === 'loading' || state === 'idle'
    return html`
      <div part="base" class="frame base" lang=${this.#localize.locale} aria-busy=${busy}>
        ${t ? this.#renderBody(t) : this.#renderSkeleton()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `
  }

  #renderBody(t: Messages) {
    const { state, supportCase, error } = this.controller
    switch (state) {
      case 'idle':
      case 'loading':
        return this.#renderSkeleton(t)
      case 'not-found':
        return this.#message(boxIcon, t.caseNotFound, false)
      case 'unauthorized':
        return this.#message(lockIcon, t.unauthorized)
      case 'forbidden':
        return this.#message(lockIcon, t.caseForbidden)
      case 'error':
        return html`<div part="error" class="message message--error" role="alert">
          ${icon(alertIcon)}
          <p class="message-title" tabindex="-1">${t.caseLoadError}</p>
          ${error?.problem?.requestId ? html`<p class="reference">${t.errorReference(error.problem.requestId)}</p>` : nothing}
          <button
            part="retry"
            class="button button--primary"
            type="button"
            @click=${() => this.controller.reload()}
          >
            ${t.retry}
          </button>
        </div>`
      case 'ready':
        return this.#renderCase(t, supportCase!)
    }
  }

  #message(paths: TemplateResult<2>, text: string, isError = true) {
    return html`<div part="error" class="message ${isError ? 'message--error' : ''}" role="alert">
      ${icon(paths)}
      <p class="message-title" tabindex="-1">${text}</p>
    </div>`
  }

  #renderSkeleton(t?: Messages) {
    return html`<div part="skeleton" class="skeleton">
      ${t ? html`<span class="sr-only">${t.loadingCase}</span>` : nothing}
      ${Array.from({ length: 5 }, () => html`<span class="bone" aria-hidden="true"></span>`)}
    </div>`
  }

  #heading(level: number, id: string, text: string, part = '') {
    return html`<div
      role="heading"
      aria-level=${Math.min(Math.max(level, 1), 6)}
      id=${id}
      class="heading heading--${part === 'title' ? 'title' : 'section'}"
      part=${part || nothing}
      tabindex=${part === 'title' ? '-1' : nothing}
    >
      ${text}
    </div>`
  }

  #renderCase(t: Messages, c: SupportCase) {
    const l = this.#localize
    const pending = this.controller.pending
    const sla = slaLines(t, c, l.locale)
    return html`
      <div part="header" class="header">
        <div class="title-row">
          ${this.#heading(this.headingLevel, 'case-title', t.caseTitle(c.number), 'title')}
          ${caseStatusBadge(t, c.status)} ${caseSyncBadge(t, c.syncStatus)}
          ${
            this.#live.state === 'live' && c.status !== 'closed'
              ? html`<span part="live" class="live"><span class="live-dot"></span>${t.live}</span>`
              : nothing
          }
          <div class="actions">
            <slot name="actions"></slot>
            ${
              closable(c)
                ? html`<button
                    part="close-button"
                    class="button"
                    type="button"
                    aria-busy=${pending === 'close' ? 'true' : 'false'}
                    @click=${() => this.#transition('close')}
                  >
                    ${t.closeCase}
                  </button>`
                : nothing
            }
            ${
              reopenable(c)
                ? html`<button
                    part="reopen-button"
                    class="button"
                    type="button"
                    aria-busy=${pending === 'reopen' ? 'true' : 'false'}
                    @click=${() => this.#transition('reopen')}
                  >
                    ${t.reopenCase}
                  </button>`
                : nothing
            }
          </div>
        </div>
        <p class="subject">${c.subject}</p>
        <dl class="facts">
          <div>
            <dt>${t.category}</dt>
            <dd>${t.categories[c.category]}</dd>
          </div>
          <div>
            <dt>${t.priority}</dt>
            <dd>${t.priorities[c.priority]}</dd>
          </div>
          <div>
            <dt>${t.opened}</dt>
            <dd>${l.instant(c.createdAt, { time: true })}</dd>
          </div>
          ${
            c.related.orderId
              ? html`<div>
                  <dt>${t.aboutOrder}</dt>
                  <dd>${c.related.orderId}</dd>
                </div>`
              : nothing
          }
          ${
            c.related.invoiceId
              ? html`<div>
                  <dt>${t.aboutInvoice}</dt>
                  <dd>${c.related.invoiceId}</dd>
                </div>`
              : nothing
          }
          ${Object.entries(c.details).map(
            ([key, value]) =>
              html`<div>
                <dt>${t.detailLabels[key as CaseDetailField] ?? key}</dt>
                <dd>${value === 'true' ? t.yes : value === 'false' ? t.no : value}</dd>
              </div>`,
          )}
        </dl>
        ${sla.map(
          (line) =>
            html`<p
              part="sla ${line.breached ? 'sla-breached' : line.paused ? 'sla-paused' : ''}"
              class="sla ${line.breached ? 'sla--breached' : ''}"
            >
              ${line.breached ? html`<strong>${line.text}</strong>` : line.text}
              ${
                // Paused, the due time is not yet known: it moves on when the clock resumes.
                line.paused
                  ? nothing
                  : html`<time datetime=${line.dueAt}
                      >(${l.instant(line.dueAt, { time: true })})</time
                    >`
              }
            </p>`,
        )}
        ${c.syncStatus === 'syncing' ? html`<p class="hint">${t.syncingExplanation}</p>` : nothing}
        ${
          this.controller.actionError && pending === null && !this.#replyRefused()
            ? html`<div part="banner" class="banner banner--danger" role="alert">
                <p>${t.actionFailed}</p>
              </div>`
            : nothing
        }
        ${
          this.downloadError
            ? html`<div part="banner" class="banner banner--danger" role="alert">
                <p>${t.downloadFailed}</p>
              </div>`
            : nothing
        }
      </div>
      <section class="section">
        ${this.#heading(this.headingLevel + 1, 'description-heading', t.description)}
        <p class="body">${c.description}</p>
        ${this.#renderAttachments(
          t,
          c.attachments.filter((a) => !a.commentId),
        )}
      </section>
      <section class="section">
        ${this.#heading(this.headingLevel + 1, 'thread-heading', t.thread)}
        ${
          c.comments.length
            ? html`<ol part="thread" class="thread" aria-labelledby="thread-heading">
                ${c.comments.map((comment) => this.#renderComment(t, comment))}
              </ol>`
            : html`<p class="hint">${t.noComments}</p>`
        }
        ${this.#renderReply(t, c)}
      </section>
    `
  }

  #renderComment(t: Messages, comment: CaseComment) {
    const kind = comment.author.kind
    return html`<li part="comment comment-${kind}" class="comment comment--${kind}">
      <span class="comment-meta"
        ><strong>${comment.author.name}</strong> ·
        ${kind === 'agent' ? t.authorAgent : t.authorCustomer} ·
        <time datetime=${comment.createdAt}
          >${this.#localize.instant(comment.createdAt, { time: true })}</time
        ></span
      >
      <p class="body">${comment.body}</p>
      ${comment.attachments.length ? this.#renderAttachments(t, comment.attachments) : nothing}
    </li>`
  }

  #renderAttachments(t: Messages, attachments: CaseAttachment[]) {
    if (!attachments.length) return nothing
    return html`<ul class="attachments" aria-label=${t.attachments}>
      ${attachments.map(
        (a) =>
          html`<li>
            <button
              part="attachment-button"
              class="link"
              type="button"
              aria-busy=${this.preparing === a.id ? 'true' : 'false'}
              @click=${() => this.#download(a)}
            >
              ${icon(documentIcon)}
              <span>${this.preparing === a.id ? t.preparingDownload : a.fileName}</span>
            </button>
            <span class="muted"
              >${this.#localize.number(Math.max(1, Math.round(a.size / 1024)))} KB</span
            >
          </li>`,
      )}
    </ul>`
  }

  #replyRefused(): boolean {
    return this.controller.actionError !== null && this.#lastAction === 'reply'
  }

  #lastAction: 'reply' | 'other' = 'other'

  #renderReply(t: Messages, c: SupportCase) {
    if (c.status === 'closed') {
      return html`<p part="banner" class="banner" id="reply-closed">${t.replyClosed}</p>`
    }
    const sending = this.controller.pending === 'reply'
    const failed = this.#replyRefused()
    const describedBy = [this.replyProblem ? 'reply-problem' : '', failed ? 'reply-failed' : '']
      .filter(Boolean)
      .join(' ')
    return html`<form part="reply" class="reply" novalidate @submit=${this.#sendReply}>
      <label class="label" for="reply-body">${t.yourReply}</label>
      <textarea
        id="reply-body"
        class="input"
        part="input"
        aria-invalid=${this.replyProblem ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${this.draft}
        @input=${(event: Event) => {
          this.draft = (event.target as HTMLTextAreaElement).value
          this.replyProblem = false
        }}
      ></textarea>
      ${this.replyProblem ? html`<p class="field-error" id="reply-problem">${t.replyEmpty}</p>` : nothing}
      ${failed ? html`<p class="field-error" id="reply-failed" role="alert">${t.replyFailed}</p>` : nothing}
      <div class="reply-actions">
        <button
          class="button button--primary"
          type="submit"
          aria-busy=${sending ? 'true' : 'false'}
        >
          ${sending ? t.sending : t.sendReply}
        </button>
      </div>
    </form>`
  }

  async #sendReply(event: Event) {
    event.preventDefault()
    const body = this.draft.trim()
    if (!body) {
      this.replyProblem = true
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('#reply-body')?.focus()
      return
    }
    this.#lastAction = 'reply'
    const comment = await this.controller.reply(body)
    if (comment) this.draft = ''
  }

  #transition(action: 'close' | 'reopen') {
    this.#lastAction = 'other'
    void this.controller.transition(action)
  }

  async #download(attachment: CaseAttachment) {
    if (this.preparing) return
    this.preparing = attachment.id
    this.downloadError = false
    const outcome = await this.controller.attachmentLink(attachment.id)
    this.preparing = null
    if ('error' in outcome) {
      this.downloadError = true
      return
    }
    const open = new CustomEvent<AttachmentOpenDetail>('portico-attachment-open', {
      detail: { url: outcome.url, attachment },
      bubbles: true,
      composed: true,
      cancelable: true,
    })
    // The file answers with `Content-Disposition: attachment`: the page stays where it is.
    if (this.dispatchEvent(open)) window.location.assign(outcome.url)
  }

  #announce(text: string) {
    // A live region only speaks when its text changes.
    this.announcement = this.announcement.endsWith('\u200b') ? text : `${text}\u200b`
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-attachment-open': AttachmentOpenEvent
  }
}
