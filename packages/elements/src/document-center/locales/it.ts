import type { DocumentCenterMessages } from '../document-center.messages.js'
import { downloadMessages } from '../../documents/locales/it.js'

export const messages: DocumentCenterMessages = {
  documents: 'Documenti',
  typeFilter: 'Tipo',
  typeAll: 'Tutti i tipi',
  types: {
    invoice: 'Fattura',
    tax_invoice: 'Fattura fiscale',
    delivery_order: 'Documento di trasporto',
    certificate_of_analysis: 'Certificato di analisi',
    contract: 'Contratto',
    other: 'Altro',
  },
  searchLabel: 'Cerca documenti',
  searchPlaceholder: 'Titolo o numero',
  columnTitle: 'Documento',
  columnType: 'Tipo',
  columnRelated: 'Riferito a',
  columnDate: 'Data',
  columnSize: 'Dimensione',
  relatedOrder: 'Ordine',
  relatedInvoice: 'Fattura',
  relatedContract: 'Contratto',
  loading: 'Caricamento dei documenti…',
  empty: 'Non ci sono ancora documenti.',
  emptyFiltered: 'Nessun documento corrisponde a questo filtro.',
  loadError: 'Non è stato possibile caricare i tuoi documenti.',
  offline: 'Sei offline. I tuoi documenti verranno caricati quando la connessione tornerà.',
  forbidden: 'Non hai l’autorizzazione per vedere i documenti.',
  loadMoreError: 'Non è stato possibile caricare altri documenti.',
  loadedMore: (count) =>
    count === 1 ? '1 altro documento caricato' : `Altri ${count} documenti caricati`,
  shown: (count) => (count === 1 ? '1 documento' : `${count} documenti`),
  ...downloadMessages,
}
