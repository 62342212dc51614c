import type { SharedMessages } from '../shared.messages.js'

export const messages: SharedMessages = {
  retry: 'Erneut versuchen',
  errorReference: (requestId) => `Referenz: ${requestId}`,
  unauthorized: 'Ihre Sitzung ist abgelaufen – bitte melden Sie sich erneut an.',
  loadMore: 'Weitere laden',
  loadingMore: 'Wird geladen …',
  statusFilter: 'Status',
  columnStatus: 'Status',
  columnTotal: 'Gesamtbetrag',
  optional: 'optional',

  statusOpen: 'Offen',
  statusPartiallyPaid: 'Teilweise bezahlt',
  statusOverdue: 'Überfällig',
  statusPaid: 'Bezahlt',
  statusVoid: 'Storniert',

  orderPlaced: 'Aufgegeben',
  orderConfirmed: 'Bestätigt',
  orderInProduction: 'In Produktion',
  orderPartiallyShipped: 'Teilweise versandt',
  orderShipped: 'Versandt',
  orderDelivered: 'Zugestellt',
  orderCancelled: 'Storniert',
  orderRejected: 'Abgelehnt',
  orderNowStatus: (number, status) => `Bestellung ${number} hat jetzt den Status: ${status}.`,

  items: 'Positionen',
  columnProduct: 'Artikel',
  columnUnitPrice: 'Einzelpreis',
  columnAmount: 'Betrag',
  subtotal: 'Zwischensumme',
  poNumber: 'Ihre Bestellnummer',
  requestedDate: 'Gewünschter Liefertermin',
  noteForSupplier: 'Hinweis für Ihren Lieferanten',
  deliveryAddress: 'Lieferadresse',
}
