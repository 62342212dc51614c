import type { OrderListMessages } from '../order-list.messages.js'

export const messages: OrderListMessages = {
  orderStatusAll: 'Tutti',
  orders: 'Ordini',
  columnOrder: 'Ordine',
  columnPlaced: 'Inviato il',
  columnPoNumber: 'Tuo n. ordine',
  columnErpNumber: 'Rif. fornitore',
  loadingOrders: 'Caricamento degli ordini…',
  ordersEmpty: 'Non hai ancora nessun ordine.',
  ordersEmptyFiltered: 'Nessun ordine ha questo stato.',
  ordersLoadError: 'Impossibile caricare gli ordini.',
  ordersOffline: 'Sei offline. Gli ordini verranno caricati quando la connessione tornerà.',
  ordersForbidden: 'Non hai l’autorizzazione per visualizzare gli ordini.',
  ordersShown: (count) => (count === 1 ? '1 ordine' : `${count} ordini`),
  loadedMoreOrders: (count) =>
    count === 1 ? '1 altro ordine caricato' : `Altri ${count} ordini caricati`,
}
