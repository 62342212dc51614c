import { caseVocabularyCatalogue } from '../cases/case-vocabulary.messages.js'
import { defineCatalogue } from '../i18n/catalogue.js'
import { messages as en } from './locales/en.js'

/** What `<portico-case-detail>` alone shows or announces. */
export interface CaseDetailMessages {
  caseTitle: (number: string) => string
  loadingCase: string
  caseNotFound: string
  caseLoadError: string
  caseForbidden: string
  opened: string
  aboutOrder: string
  aboutInvoice: string
  description: string
  thread: string
  noComments: string
  /** Who wrote a comment, beside their name. */
  authorCustomer: string
  authorAgent: string
  yourReply: string
  sendReply: string
  sending: string
  replyEmpty: string
  replyClosed: string
  replyFailed: string
  closeCase: string
  reopenCase: string
  actionFailed: string
  attachments: string
  noAttachments: string
  preparingDownload: string
  downloadFailed: string
  /** Live-region announcement when an agent's answer arrives. */
  newReplyFrom: (name: string) => string
  live: string
  syncingExplanation: string
}

export const caseDetailCatalogue = defineCatalogue({
  base: caseVocabularyCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
