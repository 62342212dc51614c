import type { ContractListMessages } from '../contract-list.messages.js'
import { downloadMessages } from '../../documents/locales/it.js'

export const messages: ContractListMessages = {
  contracts: 'Contratti',
  columnContract: 'Contratto',
  columnTerm: 'Durata',
  columnRenewal: 'Rinnovo',
  columnPeriodTotal: 'Costo',
  columnDocument: 'Documento del contratto',
  contractStatuses: { active: 'Attivo', cancelled: 'Disdetto', expired: 'Scaduto' },
  term: (start, end) => `dal ${start} al ${end}`,
  autoRenewOn: 'Si rinnova automaticamente',
  autoRenewOff: 'Termina alla scadenza',
  renewsIn: (days) =>
    days === 0
      ? 'Si rinnova oggi'
      : days === 1
        ? 'Si rinnova domani'
        : `Si rinnova tra ${days} giorni`,
  endsIn: (days) =>
    days === 0 ? 'Termina oggi' : days === 1 ? 'Termina domani' : `Termina tra ${days} giorni`,
  noticeBy: (date) => `Disdetta entro il ${date}`,
  perPeriod: {
    monthly: (amount) => `${amount} al mese`,
    quarterly: (amount) => `${amount} al trimestre`,
    annual: (amount) => `${amount} all’anno`,
  },
  showItems: (count) => (count === 1 ? '1 voce' : `${count} voci`),
  columnQuantity: 'Quantità',
  noDocument: 'Nessun documento per ora',
  loading: 'Caricamento dei contratti…',
  empty: 'Non ci sono ancora contratti.',
  emptyFiltered: 'Nessun contratto corrisponde a questo filtro.',
  loadError: 'Non è stato possibile caricare i tuoi contratti.',
  offline: 'Sei offline. I tuoi contratti verranno caricati quando la connessione tornerà.',
  forbidden: 'Non hai l’autorizzazione per vedere i contratti.',
  loadMoreError: 'Non è stato possibile caricare altri contratti.',
  loadedMore: (count) =>
    count === 1 ? '1 altro contratto caricato' : `Altri ${count} contratti caricati`,
  shown: (count) => (count === 1 ? '1 contratto' : `${count} contratti`),
  ...downloadMessages,
}
