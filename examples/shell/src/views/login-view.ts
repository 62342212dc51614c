import type { PortalApiError } from '@portico/sdk'
import { html, nothing } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { DEMO_PASSWORD, demoLogins } from '../demo-logins.js'
import { signIn, type Profile } from '../portal.js'
import { languageSelect } from './language-select.js'
import { ShellView } from './shell-view.js'
import './login-view.css'

/** `detail` of `shell-signed-in`: who signed in and where they were going. */
export interface SignedInDetail {
  profile: Profile
  next: string
}

type FieldErrors = Partial<Record<'email' | 'password', string>>

/** Sign-in: email and password, errors from the API's problem+json, demo sign-ins. */
export class LoginView extends ShellView {
  /** Where to go after signing in (a same-origin path). */
  @property() next = '/'

  @state() protected busy = false
  @state() protected fieldErrors: FieldErrors = {}
  /** The message above the form: wrong credentials, rate limit, network. */
  @state() protected formError: { message: string; reference?: string | undefined } | undefined

  @query('#email') protected emailInput!: HTMLInputElement
  @query('#password') protected passwordInput!: HTMLInputElement

  override get pageTitle() {
    return this.t.signInTitle
  }

  protected override render() {
    const t = this.t
    const { fieldErrors, formError } = this
    return html`
      <a class="skip-link" href="#main">${t.skipToContent}</a>
      <header class="login-top">
        <span class="brand"><span class="brand-mark" aria-hidden="true">P</span> Portico</span>
        ${languageSelect(this.language, 'login-language')}
      </header>
      <main id="main" class="login-main" tabindex="-1">
        <div class="login-card">
          <h1 tabindex="-1">${t.signInTitle}</h1>
          <p class="muted">${t.signInIntro}</p>
          <form novalidate aria-busy=${this.busy} @submit=${this.#onSubmit}>
            <div role="alert" class=${formError ? 'alert' : 'alert-placeholder'}>
              ${
                formError
                  ? html`<p>${formError.message}</p>
                      ${
                        formError.reference
                          ? html`<p class="reference">${t.errorReference(formError.reference)}</p>`
                          : nothing
                      }`
                  : nothing
              }
            </div>
            <div class="field">
              <label for="email">${t.email}</label>
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="username"
                inputmode="email"
                spellcheck="false"
                autocapitalize="none"
                required
                aria-invalid=${fieldErrors.email ? 'true' : 'false'}
                aria-describedby=${fieldErrors.email ? 'email-error' : nothing}
              />
              ${
                fieldErrors.email
                  ? html`<p id="email-error" class="field-error">${fieldErrors.email}</p>`
                  : nothing
              }
            </div>
            <div class="field">
              <label for="password">${t.password}</label>
              <input
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
                aria-invalid=${fieldErrors.password ? 'true' : 'false'}
                aria-describedby=${fieldErrors.password ? 'password-error' : nothing}
              />
              ${
                fieldErrors.password
                  ? html`<p id="password-error" class="field-error">${fieldErrors.password}</p>`
                  : nothing
              }
            </div>
            <button class="button button--primary login-submit" aria-disabled=${this.busy}>
              ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
              ${this.busy ? t.signingIn : t.signIn}
            </button>
          </form>
        </div>
        <details class="demo-logins">
          <summary>${t.demoLogins}</summary>
          <p class="muted">${t.demoLoginsIntro(DEMO_PASSWORD)}</p>
          <ul>
            ${demoLogins.map(
              (login) => html`
                <li>
                  <button
                    type="button"
                    class="demo-login"
                    @click=${() => this.#useDemoLogin(login.email)}
                  >
                    <span class="demo-login-name">${login.name}</span>
                    <span class="demo-login-account">${login.account}</span>
                    <span class="demo-login-email">${login.email}</span>
                  </button>
                </li>
              `,
            )}
          </ul>
        </details>
      </main>
    `
  }

  #useDemoLogin(email: string) {
    this.emailInput.value = email
    this.passwordInput.value = DEMO_PASSWORD
    this.fieldErrors = {}
    this.formError = undefined
    this.querySelector<HTMLButtonElement>('.login-submit')?.focus()
  }

  #validate(email: string, password: string): FieldErrors {
    const t = this.t
    const errors: FieldErrors = {}
    if (!email) errors.email = t.emailRequired
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = t.emailInvalid
    if (!password) errors.password = t.passwordRequired
    return errors
  }

  async #onSubmit(event: SubmitEvent) {
    event.preventDefault()
    if (this.busy) return
    const email = this.emailInput.value.trim()
    const password = this.passwordInput.value
    this.formError = undefined
    this.fieldErrors = this.#validate(email, password)
    if (this.fieldErrors.email || this.fieldErrors.password) {
      await this.updateComplete
      ;(this.fieldErrors.email ? this.emailInput : this.passwordInput).focus()
      return
    }

    this.busy = true
    const result = await signIn(email, password)
    this.busy = false
    if (result.ok) {
      this.dispatchEvent(
        new CustomEvent<SignedInDetail>('shell-signed-in', {
          detail: { profile: result.profile, next: this.next },
          bubbles: true,
        }),
      )
      return
    }
    this.formError = this.#describe(result.error, result.retryAfterSeconds)
    await this.updateComplete
    this.passwordInput.select()
    this.passwordInput.focus()
  }

  /** What to tell a person about a failed sign-in, by the problem's `code`. */
  #describe(error: PortalApiError, retryAfterSeconds: number | undefined) {
    const t = this.t
    switch (error.code) {
      case 'invalid_credentials':
        return { message: t.invalidCredentials }
      case 'too_many_attempts':
        return {
          message: t.tooManyAttempts(Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60))),
        }
      case 'validation_failed':
        return { message: t.emailInvalid }
      case 'network_error':
        return { message: t.networkError }
      default:
        return { message: t.unexpectedError, reference: error.requestId }
    }
  }
}

customElements.define('shell-login-view', LoginView)

declare global {
  interface HTMLElementTagNameMap {
    'shell-login-view': LoginView
  }
  interface HTMLElementEventMap {
    'shell-signed-in': CustomEvent<SignedInDetail>
  }
}
