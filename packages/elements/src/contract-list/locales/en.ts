import type { ContractListMessages } from '../contract-list.messages.js'
import { downloadMessages } from '../../documents/locales/en.js'

export const messages: ContractListMessages = {
  contracts: 'Contracts',
  columnContract: 'Contract',
  columnTerm: 'Term',
  columnRenewal: 'Renewal',
  columnPeriodTotal: 'Cost',
  columnDocument: 'Document',
  contractStatuses: { active: 'Active', cancelled: 'Cancelled', expired: 'Expired' },
  term: (start, end) => `${start} – ${end}`,
  autoRenewOn: 'Renews automatically',
  autoRenewOff: 'Ends at term end',
  renewsIn: (days) =>
    days === 0 ? 'Renews today' : days === 1 ? 'Renews tomorrow' : `Renews in ${days} days`,
  endsIn: (days) =>
    days === 0 ? 'Ends today' : days === 1 ? 'Ends tomorrow' : `Ends in ${days} days`,
  noticeBy: (date) => `Notice by ${date}`,
  perPeriod: {
    monthly: (amount) => `${amount} a month`,
    quarterly: (amount) => `${amount} a quarter`,
    annual: (amount) => `${amount} a year`,
  },
  showItems: (count) => (count === 1 ? '1 item' : `${count} items`),
  columnQuantity: 'Quantity',
  noDocument: 'No document yet',
  loading: 'Loading contracts…',
  empty: 'There are no contracts yet.',
  emptyFiltered: 'No contracts match this filter.',
  loadError: 'Your contracts could not be loaded.',
  offline: 'You are offline. Your contracts will load when the connection is back.',
  forbidden: 'You do not have permission to see contracts.',
  loadMoreError: 'More contracts could not be loaded.',
  loadedMore: (count) =>
    count === 1 ? '1 more contract loaded' : `${count} more contracts loaded`,
  shown: (count) => (count === 1 ? '1 contract' : `${count} contracts`),
  ...downloadMessages,
}
