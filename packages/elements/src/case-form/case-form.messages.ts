import { defineCatalogue } from '../i18n/catalogue.js'
import { caseVocabularyCatalogue } from '../cases/case-vocabulary.messages.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-case-form>` alone shows or announces; the case vocabulary
 * (categories, priorities …) comes from `CaseVocabularyMessages`.
 */
export interface CaseFormMessages {
  formTitle: string
  description: string
  descriptionHint: string
  /** Shown when the form was opened from an order or an invoice. */
  aboutOrder: (orderId: string) => string
  aboutInvoice: (invoiceId: string) => string
  /** Label of the quality case's "request a return" checkbox. */
  rmaRequest: string
  dateHint: string
  problemRequired: string
  problemTooLong: string
  problemNotANumber: string
  problemNotADate: string
  problemInTheFuture: string
  /** Heading of the error summary shown on submit. */
  errorSummary: (count: number) => string
  attachments: string
  dropZone: string
  dropZoneHint: string
  fileTooLarge: string
  fileWrongType: string
  fileEmpty: string
  /** The API refused the file (its contents are not what its name says, too large …). */
  uploadRefused: string
  uploadFailed: string
  uploadProgress: (fileName: string) => string
  uploaded: string
  removeFile: (fileName: string) => string
  submit: string
  submitting: string
  uploadingFiles: string
  createFailed: string
  createForbidden: string
  created: (number: string) => string
  someFilesNotAttached: (count: number) => string
  createAnother: string
}

export const caseFormCatalogue = defineCatalogue({
  base: caseVocabularyCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
