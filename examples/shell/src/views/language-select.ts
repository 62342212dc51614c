import { html } from 'lit'
import { languages, messagesFor, type Language } from '../locale.js'

/** `detail` of the `shell-language-change` event the switcher fires. */
export interface LanguageChangeDetail {
  language: Language
}

const globe = html`<svg
  viewBox="0 0 24 24"
  width="18"
  height="18"
  fill="none"
  stroke="currentColor"
  stroke-width="1.75"
  aria-hidden="true"
>
  <circle cx="12" cy="12" r="9" />
  <path
    d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3Z"
  />
</svg>`

function onChange(event: Event) {
  const select = event.target as HTMLSelectElement
  select.dispatchEvent(
    new CustomEvent<LanguageChangeDetail>('shell-language-change', {
      detail: { language: select.value as Language },
      bubbles: true,
      composed: true,
    }),
  )
}

/**
 * The locale switcher: each language named in itself, so a person who
 * cannot read the current one still finds their own.
 */
export function languageSelect(current: Language, id: string) {
  const { t } = messagesFor(current)
  return html`
    <div class="language-select">
      ${globe}
      <label class="sr-only" for=${id}>${t.language}</label>
      <select id=${id} class="select" @change=${onChange}>
        ${languages.map(
          (language) => html`
            <option value=${language} lang=${language} ?selected=${language === current}>
              ${messagesFor(language).t.languageName}
            </option>
          `,
        )}
      </select>
    </div>
  `
}
