import type { Language } from '@portico/elements'
import { de } from './de.js'
import { en } from './en.js'
import { fr } from './fr.js'
import { id } from './id.js'
import { it } from './it.js'
import type { ShellMessages } from './messages.js'

export type { ShellMessages } from './messages.js'

/** The shell's strings, by language — the same five the elements ship. */
export const shellCatalogues: Readonly<Record<Language, ShellMessages>> = Object.freeze({
  en,
  de,
  fr,
  it,
  id,
})
