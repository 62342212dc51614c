import { LitElement } from 'lit'
import { property } from 'lit/decorators.js'
import { messagesFor, type Language } from '../locale.js'

/**
 * Base of the shell's views. Views render into the light DOM: the shell is
 * one document styled by one stylesheet, and focus management and the skip
 * link can reach every heading. (The Portico elements inside keep their
 * shadow DOM and are themed through the tokens.)
 */
export class ShellView extends LitElement {
  /** The language the view speaks. */
  @property() language: Language = 'en'

  /** Follows the view's own title in `document.title`: the account, the product. */
  @property({ attribute: false }) titleSuffix = 'Portico'

  /** What the view is about, for `document.title`; may change as data arrives. */
  get pageTitle(): string {
    return this.titleSuffix
  }

  protected override createRenderRoot() {
    return this
  }

  /** Set by {@link focusHeading}; cleared once focus moves anywhere else. */
  #holdHeadingFocus = false

  override connectedCallback() {
    super.connectedCallback()
    document.addEventListener('focusin', this.#onFocusIn)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    document.removeEventListener('focusin', this.#onFocusIn)
  }

  protected override updated() {
    const title = this.pageTitle
    document.title = title === this.titleSuffix ? title : `${title} – ${this.titleSuffix}`
    // Data arrived and replaced the focused heading (loading → not found):
    // focus would fall back to <body>; give it to the new heading instead.
    if (this.#holdHeadingFocus && document.activeElement === document.body) this.#heading()?.focus()
  }

  protected get t() {
    return messagesFor(this.language).t
  }

  /** Moves focus to the view's heading — after a navigation, so a screen reader announces it. */
  async focusHeading() {
    await this.updateComplete
    this.#heading()?.focus()
    this.#holdHeadingFocus = true
  }

  #heading() {
    return this.querySelector<HTMLElement>('h1')
  }

  #onFocusIn = (event: FocusEvent) => {
    if (event.target !== this.#heading()) this.#holdHeadingFocus = false
  }
}
