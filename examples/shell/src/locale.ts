import { languages, resolveLocale, type Language } from '@portico/elements'
import { shellCatalogues, type ShellMessages } from './i18n/index.js'

export { languages, type Language }

/**
 * Which language the shell speaks. A person's explicit choice is remembered
 * per user in this browser (it is a preference, not a secret); without one,
 * the account's locale from `GET /v1/me` decides, and before sign-in the
 * last language used here or the browser's.
 */
const LAST_KEY = 'portico-shell.locale'
const userKey = (userId: string) => `${LAST_KEY}.${userId}`

function read(key: string): Language | undefined {
  try {
    const value = localStorage.getItem(key)
    return value && (languages as readonly string[]).includes(value)
      ? (value as Language)
      : undefined
  } catch {
    return undefined // storage disabled: fall back to the defaults
  }
}

function write(key: string, language: Language) {
  try {
    localStorage.setItem(key, language)
  } catch {
    // Storage disabled or full: the choice lasts for this page only.
  }
}

/** The language before anyone has signed in. */
export function signedOutLanguage(): Language {
  return read(LAST_KEY) ?? resolveLocale(undefined).language
}

/** The language for a signed-in user: their choice here, else their account's. */
export function userLanguage(userId: string, accountLocale: string): Language {
  return read(userKey(userId)) ?? resolveLocale(accountLocale).language
}

/** Remembers a choice made with the switcher. */
export function rememberLanguage(language: Language, userId?: string) {
  write(LAST_KEY, language)
  if (userId) write(userKey(userId), language)
}

/** The shell's strings for a language. */
export function messagesFor(language: Language): { t: ShellMessages } {
  return { t: shellCatalogues[language] }
}
