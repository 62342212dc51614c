import type { CaseListMessages } from '../case-list.messages.js'

export const messages: CaseListMessages = {
  caseFilterAll: 'Tutte',
  categoryFilter: 'Categoria',
  cases: 'Richieste di assistenza',
  columnCase: 'Richiesta',
  columnDue: 'Scadenza',
  caseNowStatus: (number, status) => `La richiesta ${number} ora è: ${status}`,
  loading: 'Caricamento delle richieste …',
  empty: 'Non hai ancora aperto richieste.',
  emptyFiltered: 'Nessuna richiesta corrisponde a questi filtri.',
  loadError: 'Non è stato possibile caricare le tue richieste.',
  offline: 'Sei offline. Le richieste verranno caricate quando la connessione tornerà.',
  forbidden: 'Non hai l’autorizzazione per vedere le richieste.',
  loadMoreError: 'Non è stato possibile caricare altre richieste.',
  shown: (count) => (count === 1 ? '1 richiesta' : `${count} richieste`),
  loadedMore: (count) =>
    count === 1 ? 'Caricata 1 altra richiesta' : `Caricate altre ${count} richieste`,
}
