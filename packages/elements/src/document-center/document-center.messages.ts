import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { CursorListMessages } from '../list/cursor-list.messages.js'
import type { DocumentDownloadMessages } from '../documents/document-download.messages.js'
import type { DocumentType } from '../portal-client.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-document-center>` alone shows or announces, its list and
 * download states included. Each file in `locales/` implements it.
 */
export interface DocumentCenterMessages extends CursorListMessages, DocumentDownloadMessages {
  /** Caption of the document table. */
  documents: string
  typeFilter: string
  /** The type filter's option for every type. */
  typeAll: string
  /** The name of each document type. */
  types: Record<DocumentType, string>
  searchLabel: string
  searchPlaceholder: string
  columnTitle: string
  columnType: string
  columnRelated: string
  columnDate: string
  columnSize: string
  relatedOrder: string
  relatedInvoice: string
  relatedContract: string
}

/** The messages of `<portico-document-center>` in every language, the shared ones included. */
export const documentCenterCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
