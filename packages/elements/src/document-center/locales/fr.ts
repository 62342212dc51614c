import type { DocumentCenterMessages } from '../document-center.messages.js'
import { downloadMessages } from '../../documents/locales/fr.js'

export const messages: DocumentCenterMessages = {
  documents: 'Vos documents',
  typeFilter: 'Type de document',
  typeAll: 'Tous les types',
  types: {
    invoice: 'Facture',
    tax_invoice: 'Facture fiscale',
    delivery_order: 'Bon de livraison',
    certificate_of_analysis: 'Certificat d’analyse',
    contract: 'Contrat',
    other: 'Autre',
  },
  searchLabel: 'Rechercher des documents',
  searchPlaceholder: 'Titre ou numéro',
  columnTitle: 'Intitulé',
  columnType: 'Nature',
  columnRelated: 'Rattaché à',
  columnDate: 'Daté du',
  columnSize: 'Taille',
  relatedOrder: 'Commande',
  relatedInvoice: 'Facture',
  relatedContract: 'Contrat',
  loading: 'Chargement des documents…',
  empty: 'Aucun document pour le moment.',
  emptyFiltered: 'Aucun document ne correspond à ce filtre.',
  loadError: 'Vos documents n’ont pas pu être chargés.',
  offline: 'Vous êtes hors ligne. Vos documents se chargeront dès le retour de la connexion.',
  forbidden: 'Vous n’avez pas l’autorisation de consulter les documents.',
  loadMoreError: 'Impossible de charger plus de documents.',
  loadedMore: (count) =>
    count <= 1 ? `${count} document de plus chargé` : `${count} documents de plus chargés`,
  shown: (count) => (count <= 1 ? `${count} document` : `${count} documents`),
  ...downloadMessages,
}
