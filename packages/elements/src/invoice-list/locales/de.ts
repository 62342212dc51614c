import type { InvoiceListMessages } from '../invoice-list.messages.js'

export const messages: InvoiceListMessages = {
  invoices: 'Rechnungen',
  statusAll: 'Alle',
  columnNumber: 'Nummer',
  columnIssueDate: 'Rechnungsdatum',
  columnDueDate: 'Fällig am',
  columnAmountDue: 'Offener Betrag',
  loading: 'Rechnungen werden geladen …',
  empty: 'Es liegen noch keine Rechnungen vor.',
  emptyFiltered: 'Keine Rechnungen entsprechen diesem Filter.',
  loadError: 'Ihre Rechnungen konnten nicht geladen werden.',
  offline: 'Sie sind offline. Ihre Rechnungen werden geladen, sobald die Verbindung wieder steht.',
  forbidden: 'Sie haben keine Berechtigung, Rechnungen anzuzeigen.',
  loadMoreError: 'Weitere Rechnungen konnten nicht geladen werden.',
  loadedMore: (count) =>
    count === 1 ? '1 weitere Rechnung geladen' : `${count} weitere Rechnungen geladen`,
  shown: (count) => (count === 1 ? '1 Rechnung' : `${count} Rechnungen`),
}
