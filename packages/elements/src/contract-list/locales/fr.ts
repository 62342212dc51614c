import type { ContractListMessages } from '../contract-list.messages.js'
import { downloadMessages } from '../../documents/locales/fr.js'

export const messages: ContractListMessages = {
  contracts: 'Contrats',
  columnContract: 'Contrat',
  columnTerm: 'Durée',
  columnRenewal: 'Renouvellement',
  columnPeriodTotal: 'Coût',
  columnDocument: 'Pièce',
  contractStatuses: { active: 'En vigueur', cancelled: 'Résilié', expired: 'Expiré' },
  term: (start, end) => `du ${start} au ${end}`,
  autoRenewOn: 'Se renouvelle automatiquement',
  autoRenewOff: 'Prend fin au terme',
  renewsIn: (days) =>
    days === 0
      ? 'Se renouvelle aujourd’hui'
      : days === 1
        ? 'Se renouvelle demain'
        : `Se renouvelle dans ${days} jours`,
  endsIn: (days) =>
    days === 0
      ? 'Prend fin aujourd’hui'
      : days === 1
        ? 'Prend fin demain'
        : `Prend fin dans ${days} jours`,
  noticeBy: (date) => `Préavis avant le ${date}`,
  perPeriod: {
    monthly: (amount) => `${amount} par mois`,
    quarterly: (amount) => `${amount} par trimestre`,
    annual: (amount) => `${amount} par an`,
  },
  showItems: (count) => (count <= 1 ? `${count} poste` : `${count} postes`),
  columnQuantity: 'Quantité',
  noDocument: 'Pas encore de document',
  loading: 'Chargement des contrats…',
  empty: 'Aucun contrat pour le moment.',
  emptyFiltered: 'Aucun contrat ne correspond à ce filtre.',
  loadError: 'Vos contrats n’ont pas pu être chargés.',
  offline: 'Vous êtes hors ligne. Vos contrats se chargeront dès le retour de la connexion.',
  forbidden: 'Vous n’avez pas l’autorisation de consulter les contrats.',
  loadMoreError: 'Impossible de charger plus de contrats.',
  loadedMore: (count) =>
    count <= 1 ? `${count} contrat de plus chargé` : `${count} contrats de plus chargés`,
  shown: (count) => (count <= 1 ? `${count} contrat` : `${count} contrats`),
  ...downloadMessages,
}
