import type { OrderListMessages } from '../order-list.messages.js'

export const messages: OrderListMessages = {
  orderStatusAll: 'Alle',
  orders: 'Bestellungen',
  columnOrder: 'Bestellung',
  columnPlaced: 'Aufgegeben am',
  columnPoNumber: 'Ihre Bestell-Nr.',
  columnErpNumber: 'Auftrags-Nr.',
  loadingOrders: 'Bestellungen werden geladen …',
  ordersEmpty: 'Sie haben noch keine Bestellungen.',
  ordersEmptyFiltered: 'Keine Bestellungen mit diesem Status.',
  ordersLoadError: 'Ihre Bestellungen konnten nicht geladen werden.',
  ordersOffline:
    'Sie sind offline. Ihre Bestellungen werden geladen, sobald die Verbindung wieder steht.',
  ordersForbidden: 'Sie haben keine Berechtigung, Bestellungen anzuzeigen.',
  ordersShown: (count) => (count === 1 ? '1 Bestellung' : `${count} Bestellungen`),
  loadedMoreOrders: (count) =>
    count === 1 ? '1 weitere Bestellung geladen' : `${count} weitere Bestellungen geladen`,
}
