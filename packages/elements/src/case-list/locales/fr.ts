import type { CaseListMessages } from '../case-list.messages.js'

export const messages: CaseListMessages = {
  caseFilterAll: 'Toutes',
  categoryFilter: 'Catégorie',
  cases: 'Demandes de support',
  columnCase: 'Demande',
  columnDue: 'Échéance',
  caseNowStatus: (number, status) => `La demande ${number} est maintenant : ${status}`,
  loading: 'Chargement des demandes …',
  empty: 'Vous n’avez encore ouvert aucune demande.',
  emptyFiltered: 'Aucune demande ne correspond à ces filtres.',
  loadError: 'Vos demandes n’ont pas pu être chargées.',
  offline: 'Vous êtes hors ligne. Vos demandes se chargeront au retour de la connexion.',
  forbidden: 'Vous n’avez pas l’autorisation de consulter les demandes.',
  loadMoreError: 'Les demandes suivantes n’ont pas pu être chargées.',
  shown: (count) => (count <= 1 ? `${count} demande` : `${count} demandes`),
  loadedMore: (count) =>
    count <= 1 ? `${count} demande de plus chargée` : `${count} demandes de plus chargées`,
}
