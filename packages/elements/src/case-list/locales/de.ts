import type { CaseListMessages } from '../case-list.messages.js'

export const messages: CaseListMessages = {
  caseFilterAll: 'Alle',
  categoryFilter: 'Kategorie',
  cases: 'Supportfälle',
  columnCase: 'Fall',
  columnDue: 'Fällig',
  caseNowStatus: (number, status) => `Fall ${number} ist jetzt: ${status}`,
  loading: 'Fälle werden geladen …',
  empty: 'Sie haben noch keine Fälle gemeldet.',
  emptyFiltered: 'Keine Fälle passen zu diesen Filtern.',
  loadError: 'Ihre Fälle konnten nicht geladen werden.',
  offline: 'Sie sind offline. Ihre Fälle werden geladen, sobald die Verbindung wieder steht.',
  forbidden: 'Sie haben keine Berechtigung, Fälle anzuzeigen.',
  loadMoreError: 'Weitere Fälle konnten nicht geladen werden.',
  shown: (count) => (count === 1 ? '1 Fall' : `${count} Fälle`),
  loadedMore: (count) =>
    count === 1 ? '1 weiterer Fall geladen' : `${count} weitere Fälle geladen`,
}
