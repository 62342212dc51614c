import type { SharedMessages } from '../shared.messages.js'

export const messages: SharedMessages = {
  retry: 'Réessayer',
  errorReference: (requestId) => `Référence : ${requestId}`,
  unauthorized: 'Votre session a expiré — veuillez vous reconnecter.',
  loadMore: 'Afficher plus',
  loadingMore: 'Chargement…',
  statusFilter: 'Statut',
  columnStatus: 'Statut',
  columnTotal: 'Total',
  optional: 'facultatif',

  statusOpen: 'Ouverte',
  statusPartiallyPaid: 'Partiellement payée',
  statusOverdue: 'En retard',
  statusPaid: 'Payée',
  statusVoid: 'Annulée',

  orderPlaced: 'Enregistrée',
  orderConfirmed: 'Confirmée',
  orderInProduction: 'En production',
  orderPartiallyShipped: 'Expédiée en partie',
  orderShipped: 'Expédiée',
  orderDelivered: 'Livrée',
  orderCancelled: 'Annulée',
  orderRejected: 'Refusée',
  orderNowStatus: (number, status) => `Commande ${number} : ${status}.`,

  items: 'Lignes',
  columnProduct: 'Article',
  columnUnitPrice: 'Prix unitaire',
  columnAmount: 'Montant',
  subtotal: 'Sous-total',
  poNumber: 'Votre n° de commande',
  requestedDate: 'Date de livraison souhaitée',
  noteForSupplier: 'Message pour votre fournisseur',
  deliveryAddress: 'Adresse de livraison',
}
