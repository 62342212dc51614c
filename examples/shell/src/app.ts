import { PortalApiError } from '@portico/sdk'
import { html, LitElement, nothing, type PropertyValues } from 'lit'
import { state } from 'lit/decorators.js'
import {
  messagesFor,
  rememberLanguage,
  signedOutLanguage,
  userLanguage,
  type Language,
} from './locale.js'
import { loadProfile, portal, signOut, type Profile } from './portal.js'
import { currentRoute, navigate, onRouteChange, type Route, type RouteCause } from './router.js'
import { languageSelect, type LanguageChangeDetail } from './views/language-select.js'
import type { SignedInDetail } from './views/login-view.js'
import type { ShellView } from './views/shell-view.js'
import './views/contracts-view.js'
import './views/documents-view.js'
import './views/invoice-view.js'
import './views/cases-view.js'
import './views/new-case-view.js'
import './views/case-view.js'
import './views/activity-view.js'
import './views/invoices-view.js'
import './views/login-view.js'
import './views/not-found-view.js'
import './views/order-view.js'
import './views/orders-view.js'
import './views/pay-view.js'
import './views/quick-order-view.js'
import './app.css'

/**
 * The portal: sign-in, then a header with the account, the user, the locale
 * switcher and sign-out around the current view. Every page but /login
 * needs a session; without one the API answers 401 and the shell's client
 * sends the person to /login?next=….
 */
export class ShellApp extends LitElement {
  @state() protected route: Route = currentRoute()
  @state() protected profile: Profile | undefined
  @state() protected profileError: PortalApiError | undefined
  @state() protected language: Language = signedOutLanguage()

  /** Set by a navigation; the next render moves focus to the new view's heading. */
  #focusAfterRender = false
  #stopRouting: (() => void) | undefined

  protected override createRenderRoot() {
    return this
  }

  constructor() {
    super()
    // Events from the views, which render into this element's light DOM.
    this.addEventListener('shell-language-change', this.#onLanguageChange)
    this.addEventListener('shell-signed-in', this.#onSignedIn)
  }

  override connectedCallback() {
    super.connectedCallback()
    this.#stopRouting = onRouteChange((route, cause) => this.#onRoute(route, cause))
    this.#onRoute(currentRoute(), 'load')
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#stopRouting?.()
  }

  #onRoute(route: Route, cause: RouteCause) {
    this.route = route
    this.#focusAfterRender = cause !== 'load'
    if (cause === 'push') scrollTo({ top: 0 })
    if (route.name !== 'login' && !this.profile) void this.#loadProfile()
  }

  async #loadProfile() {
    this.profileError = undefined
    try {
      this.#setProfile(await loadProfile())
    } catch (error) {
      // A 401 has already sent the person to /login; anything else is shown.
      if (error instanceof PortalApiError && error.status !== 401) this.profileError = error
      else if (!(error instanceof PortalApiError)) throw error
    }
  }

  #setProfile(profile: Profile) {
    this.profile = profile
    this.language = userLanguage(profile.user.id, profile.account.locale)
  }

  #onSignedIn = (event: CustomEvent<SignedInDetail>) => {
    this.#setProfile(event.detail.profile)
    navigate(event.detail.next, { replace: true })
  }

  #onLanguageChange = (event: CustomEvent<LanguageChangeDetail>) => {
    this.language = event.detail.language
    rememberLanguage(this.language, this.profile?.user.id)
  }

  async #onSignOut() {
    try {
      await signOut()
    } finally {
      this.profile = undefined
      this.language = signedOutLanguage()
      navigate('/login')
    }
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('language')) document.documentElement.lang = this.language
  }

  protected override async updated() {
    if (!this.#focusAfterRender) return
    const view = this.querySelector<ShellView>('.view')
    if (!view) return
    this.#focusAfterRender = false
    await view.focusHeading()
  }

  /**
   * Whether the person's role pays invoices (accounts payable, admin) — for
   * the "Pay invoices" entry point only: the API decides, and the pay page
   * says so to anyone else.
   */
  get #canPay() {
    const role = this.profile?.user.role
    return role === 'accounts_payable' || role === 'admin'
  }

  get #titleSuffix() {
    return this.profile ? `${this.profile.account.name} – Portico` : 'Portico'
  }

  protected override render() {
    const route = this.route
    if (route.name === 'login') {
      return html`<shell-login-view
        class="view"
        .language=${this.language}
        .next=${route.next}
      ></shell-login-view>`
    }
    const t = messagesFor(this.language).t
    if (!this.profile) {
      return html`
        <main id="main" class="app-loading" aria-busy=${!this.profileError}>
          ${
            this.profileError
              ? html`<div class="alert" role="alert">
                  <p>${this.profileError.status === 0 ? t.networkError : t.unexpectedError}</p>
                  <p>
                    <button class="button" type="button" @click=${() => this.#loadProfile()}>
                      ${t.retry}
                    </button>
                  </p>
                </div>`
              : html`<p class="muted">${t.loading}</p>`
          }
        </main>
      `
    }
    return html`
      <a class="skip-link" href="#main">${t.skipToContent}</a>
      ${this.#renderHeader(this.profile)}
      <main id="main" class="app-main" tabindex="-1">${this.#renderView(route)}</main>
      <footer class="app-footer">
        <span>${t.footerText}</span>
        <a href="/docs">${t.apiDocs}</a>
      </footer>
    `
  }

  #renderHeader(profile: Profile) {
    const t = messagesFor(this.language).t
    const onInvoices = ['invoices', 'invoice', 'pay'].includes(this.route.name)
    const onOrders = this.route.name === 'orders' || this.route.name === 'order'
    const onQuickOrder = this.route.name === 'quick-order'
    const onDocuments = this.route.name === 'documents'
    const onContracts = this.route.name === 'contracts'
    const onCases = ['cases', 'new-case', 'case'].includes(this.route.name)
    const onActivity = this.route.name === 'activity'
    return html`
      <header class="app-header">
        <div class="app-header-inner">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">P</span>
            <span class="brand-text">
              <span class="brand-account">${profile.account.name}</span>
              <span class="brand-portal">${t.portalName}</span>
            </span>
          </a>
          <nav class="app-nav" aria-label=${t.mainNavigation}>
            <a href="/" aria-current=${onInvoices ? 'page' : nothing}>${t.invoicesTitle}</a>
            <a href="/orders" aria-current=${onOrders ? 'page' : nothing}>${t.ordersTitle}</a>
            <a href="/order" aria-current=${onQuickOrder ? 'page' : nothing}
              >${t.quickOrderTitle}</a
            >
            <a href="/documents" aria-current=${onDocuments ? 'page' : nothing}
              >${t.documentsTitle}</a
            >
            <a href="/contracts" aria-current=${onContracts ? 'page' : nothing}
              >${t.contractsTitle}</a
            >
            <a href="/cases" aria-current=${onCases ? 'page' : nothing}>${t.casesTitle}</a>
            <a href="/activity" aria-current=${onActivity ? 'page' : nothing}>${t.activityTitle}</a>
          </nav>
          <div class="app-user">
            ${languageSelect(this.language, 'app-language')}
            <span class="user">
              <span class="user-name">${profile.user.name}</span>
              <span class="user-role">${t.roles[profile.user.role]}</span>
            </span>
            <button class="button" type="button" @click=${() => this.#onSignOut()}>
              ${t.signOut}
            </button>
          </div>
        </div>
      </header>
    `
  }

  #renderView(route: Exclude<Route, { name: 'login' }>) {
    switch (route.name) {
      case 'invoices':
        return html`<shell-invoices-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .status=${route.status}
          .canPay=${this.#canPay}
        ></shell-invoices-view>`
      case 'invoice':
        return html`<shell-invoice-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .invoiceId=${route.id}
        ></shell-invoice-view>`
      case 'pay':
        return html`<shell-pay-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .invoiceIds=${route.invoiceIds}
          .paymentId=${route.paymentId}
        ></shell-pay-view>`
      case 'quick-order':
        return html`<shell-quick-order-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
        ></shell-quick-order-view>`
      case 'orders':
        return html`<shell-orders-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .status=${route.status}
        ></shell-orders-view>`
      case 'order':
        return html`<shell-order-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .orderId=${route.id}
        ></shell-order-view>`
      case 'documents':
        return html`<shell-documents-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .type=${route.type}
          .search=${route.search}
        ></shell-documents-view>`
      case 'contracts':
        return html`<shell-contracts-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
        ></shell-contracts-view>`
      case 'cases':
        return html`<shell-cases-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
        ></shell-cases-view>`
      case 'activity':
        return html`<shell-activity-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .kind=${route.kind}
        ></shell-activity-view>`
      case 'new-case':
        return html`<shell-new-case-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .orderId=${route.orderId}
          .invoiceId=${route.invoiceId}
          .category=${route.category}
        ></shell-new-case-view>`
      case 'case':
        return html`<shell-case-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
          .client=${portal}
          .caseId=${route.id}
        ></shell-case-view>`
      case 'not-found':
        return html`<shell-not-found-view
          class="view"
          .language=${this.language}
          .titleSuffix=${this.#titleSuffix}
        ></shell-not-found-view>`
    }
  }
}

customElements.define('shell-app', ShellApp)

declare global {
  interface HTMLElementTagNameMap {
    'shell-app': ShellApp
  }
  interface HTMLElementEventMap {
    'shell-language-change': CustomEvent<LanguageChangeDetail>
  }
}
