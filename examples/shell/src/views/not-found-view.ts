import { html } from 'lit'
import type { ShellMessages } from '../i18n/index.js'
import { ShellView } from './shell-view.js'
import './not-found-view.css'

/** The not-found page body, shared by unknown paths and unknown invoices. */
export function renderNotFound(t: ShellMessages, text: string) {
  return html`
    <div class="not-found">
      <p class="not-found-code" aria-hidden="true">404</p>
      <h1 tabindex="-1">${t.notFoundTitle}</h1>
      <p class="muted">${text}</p>
      <p><a class="button button--primary" href="/">${t.goToInvoices}</a></p>
    </div>
  `
}

/** Any path the shell has no page for. */
export class NotFoundView extends ShellView {
  override get pageTitle() {
    return this.t.notFoundTitle
  }

  protected override render() {
    return renderNotFound(this.t, this.t.notFoundText)
  }
}

customElements.define('shell-not-found-view', NotFoundView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-not-found-view': NotFoundView
  }
}
