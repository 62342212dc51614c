/** The languages the elements ship messages for. */
export type Language = 'en' | 'de' | 'fr' | 'it' | 'id'

/** Every language, English (the fallback) first. */
export const languages: readonly Language[] = Object.freeze(['en', 'de', 'fr', 'it', 'id'])

/** A locale the elements can render: a BCP 47 tag for `Intl` plus the message language. */
export interface ResolvedLocale {
  /** Canonical BCP 47 tag handed to `Intl` (`de-CH` keeps Swiss number formatting). */
  locale: string
  language: Language
}

function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value)
}

/**
 * Resolves a requested locale (an attribute, the provider, the browser) to
 * one the elements support. A tag whose language has no catalogue falls back
 * to English entirely — mixing English words with, say, Japanese dates reads
 * worse than either alone.
 */
export function resolveLocale(requested?: string | null): ResolvedLocale {
  const candidates = [requested, globalThis.navigator?.language]
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate)
      const language = canonical ? new Intl.Locale(canonical).language : ''
      if (canonical && isLanguage(language)) return { locale: canonical, language }
    } catch {
      // Not a well-formed BCP 47 tag: try the next candidate.
    }
  }
  return { locale: 'en', language: 'en' }
}
