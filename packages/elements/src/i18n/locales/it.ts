import type { SharedMessages } from '../shared.messages.js'

export const messages: SharedMessages = {
  retry: 'Riprova',
  errorReference: (requestId) => `Riferimento: ${requestId}`,
  unauthorized: 'La sessione è scaduta: accedi di nuovo.',
  loadMore: 'Carica altre',
  loadingMore: 'Caricamento…',
  statusFilter: 'Stato',
  columnStatus: 'Stato',
  columnTotal: 'Totale',
  optional: 'facoltativo',

  statusOpen: 'Aperta',
  statusPartiallyPaid: 'Parzialmente pagata',
  statusOverdue: 'Scaduta',
  statusPaid: 'Pagata',
  statusVoid: 'Annullata',

  orderPlaced: 'Inviato',
  orderConfirmed: 'Confermato',
  orderInProduction: 'In produzione',
  orderPartiallyShipped: 'Spedito in parte',
  orderShipped: 'Spedito',
  orderDelivered: 'Consegnato',
  orderCancelled: 'Annullato',
  orderRejected: 'Rifiutato',
  orderNowStatus: (number, status) => `Ordine ${number}: ${status}.`,

  items: 'Righe',
  columnProduct: 'Articolo',
  columnUnitPrice: 'Prezzo unitario',
  columnAmount: 'Importo',
  subtotal: 'Subtotale',
  poNumber: 'Il tuo numero d’ordine',
  requestedDate: 'Data di consegna richiesta',
  noteForSupplier: 'Nota per il fornitore',
  deliveryAddress: 'Indirizzo di consegna',
}
