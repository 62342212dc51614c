import type { InvoiceListMessages } from '../invoice-list.messages.js'

// French treats 0 and 1 as singular ("0 facture").
export const messages: InvoiceListMessages = {
  invoices: 'Factures',
  statusAll: 'Toutes',
  columnNumber: 'Numéro',
  columnIssueDate: 'Date d’émission',
  columnDueDate: 'Échéance',
  columnAmountDue: 'Montant dû',
  loading: 'Chargement des factures…',
  empty: 'Vous n’avez encore aucune facture.',
  emptyFiltered: 'Aucune facture ne correspond à ce filtre.',
  loadError: 'Impossible de charger vos factures.',
  offline: 'Vous êtes hors ligne. Vos factures se chargeront dès le retour de la connexion.',
  forbidden: 'Vous n’avez pas l’autorisation de consulter les factures.',
  loadMoreError: 'Impossible de charger d’autres factures.',
  loadedMore: (count) =>
    count <= 1
      ? `${count} facture supplémentaire chargée`
      : `${count} factures supplémentaires chargées`,
  shown: (count) => (count <= 1 ? `${count} facture` : `${count} factures`),
}
