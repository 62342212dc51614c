import type { OrderListMessages } from '../order-list.messages.js'

// French treats 0 and 1 as singular ("0 facture").
export const messages: OrderListMessages = {
  orderStatusAll: 'Toutes',
  orders: 'Commandes',
  columnOrder: 'Commande',
  columnPlaced: 'Passée le',
  columnPoNumber: 'Votre n°',
  columnErpNumber: 'Réf. fournisseur',
  loading: 'Chargement des commandes…',
  empty: 'Vous n’avez encore passé aucune commande.',
  emptyFiltered: 'Aucune commande n’a ce statut.',
  loadError: 'Impossible de charger vos commandes.',
  offline: 'Vous êtes hors ligne. Vos commandes se chargeront dès le retour de la connexion.',
  forbidden: 'Vous n’avez pas l’autorisation de consulter les commandes.',
  loadMoreError: 'Impossible de charger d’autres commandes.',
  shown: (count) => (count <= 1 ? `${count} commande` : `${count} commandes`),
  loadedMore: (count) =>
    count <= 1
      ? `${count} commande supplémentaire chargée`
      : `${count} commandes supplémentaires chargées`,
}
