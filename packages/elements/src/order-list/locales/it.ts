import type { OrderListMessages } from '../order-list.messages.js'

export const messages: OrderListMessages = {
  orderStatusAll: 'Tutti',
  orders: 'Ordini',
  columnOrder: 'Ordine',
  columnPlaced: 'Inviato il',
  columnPoNumber: 'Tuo n. ordine',
  columnErpNumber: 'Rif. fornitore',
  loading: 'Caricamento degli ordini…',
  empty: 'Non hai ancora nessun ordine.',
  emptyFiltered: 'Nessun ordine ha questo stato.',
  loadError: 'Impossibile caricare gli ordini.',
  offline: 'Sei offline. Gli ordini verranno caricati quando la connessione tornerà.',
  forbidden: 'Non hai l’autorizzazione per visualizzare gli ordini.',
  loadMoreError: 'Impossibile caricare altri ordini.',
  shown: (count) => (count === 1 ? '1 ordine' : `${count} ordini`),
  loadedMore: (count) =>
    count === 1 ? '1 altro ordine caricato' : `Altri ${count} ordini caricati`,
}
