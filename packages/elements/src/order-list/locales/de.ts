import type { OrderListMessages } from '../order-list.messages.js'

export const messages: OrderListMessages = {
  orderStatusAll: 'Alle',
  orders: 'Bestellungen',
  columnOrder: 'Bestellung',
  columnPlaced: 'Aufgegeben am',
  columnPoNumber: 'Ihre Bestell-Nr.',
  columnErpNumber: 'Auftrags-Nr.',
  loading: 'Bestellungen werden geladen …',
  empty: 'Sie haben noch keine Bestellungen.',
  emptyFiltered: 'Keine Bestellungen mit diesem Status.',
  loadError: 'Ihre Bestellungen konnten nicht geladen werden.',
  offline:
    'Sie sind offline. Ihre Bestellungen werden geladen, sobald die Verbindung wieder steht.',
  forbidden: 'Sie haben keine Berechtigung, Bestellungen anzuzeigen.',
  loadMoreError: 'Weitere Bestellungen konnten nicht geladen werden.',
  shown: (count) => (count === 1 ? '1 Bestellung' : `${count} Bestellungen`),
  loadedMore: (count) =>
    count === 1 ? '1 weitere Bestellung geladen' : `${count} weitere Bestellungen geladen`,
}
