import type { InvoiceListMessages } from '../invoice-list.messages.js'

export const messages: InvoiceListMessages = {
  invoices: 'Fatture',
  statusAll: 'Tutte',
  columnNumber: 'Numero',
  columnIssueDate: 'Data di emissione',
  columnDueDate: 'Scadenza',
  columnAmountDue: 'Importo dovuto',
  loading: 'Caricamento delle fatture…',
  empty: 'Non hai ancora nessuna fattura.',
  emptyFiltered: 'Nessuna fattura corrisponde a questo filtro.',
  loadError: 'Impossibile caricare le fatture.',
  offline: 'Sei offline. Le fatture verranno caricate quando la connessione tornerà.',
  forbidden: 'Non hai l’autorizzazione per visualizzare le fatture.',
  loadMoreError: 'Impossibile caricare altre fatture.',
  loadedMore: (count) =>
    count === 1 ? '1 altra fattura caricata' : `Altre ${count} fatture caricate`,
  shown: (count) => (count === 1 ? '1 fattura' : `${count} fatture`),
}
