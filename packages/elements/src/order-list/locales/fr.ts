import type { OrderListMessages } from '../order-list.messages.js'

// French treats 0 and 1 as singular ("0 facture").
export const messages: OrderListMessages = {
  orderStatusAll: 'Toutes',
  orders: 'Commandes',
  columnOrder: 'Commande',
  columnPlaced: 'Passée le',
  columnPoNumber: 'Votre n°',
  columnErpNumber: 'Réf. fournisseur',
  loadingOrders: 'Chargement des commandes…',
  ordersEmpty: 'Vous n’avez encore passé aucune commande.',
  ordersEmptyFiltered: 'Aucune commande n’a ce statut.',
  ordersLoadError: 'Impossible de charger vos commandes.',
  ordersOffline: 'Vous êtes hors ligne. Vos commandes se chargeront dès le retour de la connexion.',
  ordersForbidden: 'Vous n’avez pas l’autorisation de consulter les commandes.',
  ordersShown: (count) => (count <= 1 ? `${count} commande` : `${count} commandes`),
  loadedMoreOrders: (count) =>
    count <= 1
      ? `${count} commande supplémentaire chargée`
      : `${count} commandes supplémentaires chargées`,
}
