import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { CursorListMessages } from '../list/cursor-list.messages.js'
import type { DocumentDownloadMessages } from '../documents/document-download.messages.js'
import type { Contract, ContractStatus } from '../portal-client.js'
import { messages as en } from './locales/en.js'

/**
 * What `<portico-contract-list>` alone shows or announces, its list and
 * download states included. Each file in `locales/` implements it.
 */
export interface ContractListMessages extends CursorListMessages, DocumentDownloadMessages {
  /** Caption of the contract table. */
  contracts: string
  columnContract: string
  columnTerm: string
  columnRenewal: string
  columnPeriodTotal: string
  columnDocument: string
  contractStatuses: Record<ContractStatus, string>
  /** A term from its first to its last day, both formatted. */
  term: (start: string, end: string) => string
  autoRenewOn: string
  autoRenewOff: string
  /** `days` until the renewal; 0 is today. */
  renewsIn: (days: number) => string
  /** `days` until a contract that does not renew ends; 0 is today. */
  endsIn: (days: number) => string
  /** The last day to give notice, formatted. */
  noticeBy: (date: string) => string
  /** What one billing period costs, with the amount formatted. */
  perPeriod: Record<Contract['billingPeriod'], (amount: string) => string>
  /** The items disclosure button. */
  showItems: (count: number) => string
  columnQuantity: string
  noDocument: string
}

/** The messages of `<portico-contract-list>` in every language, the shared ones included. */
export const contractListCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
