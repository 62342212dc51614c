import type { Language } from './languages.js'

/**
 * An element's messages in every language, the shared ones included: what
 * `LocalizeController` reads. Built by {@link defineCatalogue}.
 *
 * English is bundled with the element: it is the fallback, and what an
 * English page renders at once. Every other language is a module of its own,
 * loaded with `import()` the first time an element asks for it — from the
 * directory of the bundle that imports it, so the CDN files and the
 * per-element entry points alike find their chunks. A page downloads only the
 * languages it shows, and a new language or element adds nothing to what any
 * other page downloads.
 *
 * Why not bundle every language, as the first catalogue did: five languages
 * of every element's strings were a fifth of the all-in-one CDN file (9.8 of
 * 44.5 KB gzip) and would grow with each element. Split per element but
 * still bundled, the provider with the invoice list measured 19.2 KB of its
 * 20 KB budget, and the all-in-one file grew to 46.9 KB (text interleaved
 * with code compresses worse). Loaded on demand, the all-in-one file is
 * 37.7 KB, and a German page adds about 1 KB to the invoice list (two small
 * chunks, fetched while its first API request is in flight).
 */
export interface Catalogue<M extends object> {
  /** The English messages, always at hand. */
  readonly en: Readonly<M>
  /** The messages in `language` once loaded (English always is), else `undefined`. */
  get(language: Language): Readonly<M> | undefined
  /**
   * Loads the messages in `language`, once: later calls share the request and
   * its result. Rejects when the language's module cannot be loaded; the next
   * call tries again.
   */
  load(language: Language): Promise<Readonly<M>>
}

/** What a locale module exports: `export const messages: InvoiceListMessages = {…}`. */
export interface LocaleModule<M> {
  messages: M
}

/** Own messages may not reuse a shared key: one word, one place. */
type WithoutKeysOf<Base> = NoInfer<{ readonly [K in keyof Base]?: never }>

/**
 * Builds an element's catalogue: its own messages in each language, each
 * merged over the `base` (shared) messages of the same language.
 *
 * Each locale file is typed with the element's messages interface, so the
 * compiler refuses one with a missing key; `load` names every language but
 * English, so it refuses a missing language; and an own key that repeats a
 * shared one is refused here. Write each `import()` with a literal path, so
 * bundlers turn it into a chunk.
 *
 * @example
 * ```ts
 * import { messages as en } from './locales/en.js'
 *
 * export const invoiceListCatalogue = defineCatalogue({
 *   base: sharedCatalogue,
 *   en,
 *   load: {
 *     de: () => import('./locales/de.js'),
 *     fr: () => import('./locales/fr.js'),
 *     it: () => import('./locales/it.js'),
 *     id: () => import('./locales/id.js'),
 *   },
 * })
 * ```
 */
export function defineCatalogue<Own extends object, Base extends object = object>(options: {
  base?: Catalogue<Base>
  en: Own & WithoutKeysOf<Base>
  load: Record<Exclude<Language, 'en'>, () => Promise<LocaleModule<Own & WithoutKeysOf<Base>>>>
}): Catalogue<Base & Own> {
  const { base, en, load } = options
  type Messages = Readonly<Base & Own>
  const merge = (shared: Base | undefined, own: Own) =>
    Object.freeze({ ...shared, ...own }) as Messages

  const loaded = new Map<Language, Messages>([['en', merge(base?.en, en)]])
  const pending = new Map<Language, Promise<Messages>>()

  return Object.freeze({
    en: loaded.get('en')!,
    get: (language: Language) => loaded.get(language),
    load(language: Language): Promise<Messages> {
      const done = loaded.get(language)
      if (done) return Promise.resolve(done)
      let request = pending.get(language)
      if (!request) {
        request = Promise.all([base?.load(language), load[language as Exclude<Language, 'en'>]()])
          .then(([shared, module]) => {
            const messages = merge(shared, module.messages)
            loaded.set(language, messages)
            return messages
          })
          .finally(() => pending.delete(language))
        pending.set(language, request)
      }
      return request
    },
  })
}
