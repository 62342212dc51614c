import type { CaseListMessages } from '../case-list.messages.js'

export const messages: CaseListMessages = {
  caseFilterAll: 'All',
  categoryFilter: 'Category',
  cases: 'Support cases',
  columnCase: 'Case',
  columnDue: 'Due',
  caseNowStatus: (number, status) => `Case ${number} is now: ${status}`,
  loading: 'Loading cases …',
  empty: 'You have not raised any cases.',
  emptyFiltered: 'No cases match these filters.',
  loadError: 'Your cases could not be loaded.',
  offline: 'You are offline. Your cases will load when the connection is back.',
  forbidden: 'You do not have permission to see cases.',
  loadMoreError: 'More cases could not be loaded.',
  shown: (count) => (count === 1 ? '1 case' : `${count} cases`),
  loadedMore: (count) => (count === 1 ? '1 more case loaded' : `${count} more cases loaded`),
}
