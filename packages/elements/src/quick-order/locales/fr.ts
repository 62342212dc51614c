import type { QuickOrderMessages } from '../quick-order.messages.js'

// French treats 0 and 1 as singular ("0 facture").
export const messages: QuickOrderMessages = {
  columnQuantity: 'Quantité',
  products: 'Articles',
  searchProducts: 'Rechercher un article',
  searchHint: 'Référence ou désignation',
  loadingProducts: 'Chargement des articles…',
  noProducts: 'Votre liste de prix ne contient aucun article.',
  noProductsFor: (query) => `Aucun article ne correspond à « ${query} ».`,
  noPriceList:
    'Aucune liste de prix n’est en vigueur pour votre compte : rien ne peut être commandé en ligne. Veuillez contacter votre interlocuteur commercial.',
  priceListInfo: (name, validTo) =>
    validTo
      ? `Vos prix selon « ${name} », valables jusqu’au ${validTo}`
      : `Vos prix selon « ${name} »`,
  productsLoadError: 'Impossible de charger les articles.',
  productsForbidden: 'Vous n’avez pas l’autorisation de consulter le catalogue.',
  productsShown: (count) => (count <= 1 ? `${count} article` : `${count} articles`),
  loadedMoreProducts: (count) =>
    count <= 1
      ? `${count} article supplémentaire chargé`
      : `${count} articles supplémentaires chargés`,
  pricePerUnit: (price, unit) => `${price} / ${unit}`,
  priceFrom: (quantity, price) => `dès ${quantity} : ${price}`,
  quantityPrices: 'Prix par quantité',
  quantityOf: (product, unit) => `Quantité de ${product} (${unit})`,
  decreaseQuantity: (product) => `Moins : ${product}`,
  increaseQuantity: (product) => `Plus : ${product}`,
  quantityRules: (minimum, step, unit) =>
    step === '1' ? `Min. ${minimum} ${unit}` : `Min. ${minimum} ${unit}, par ${step}`,
  quantityNotANumber: 'Saisissez un nombre entier.',
  quantityBelowMinimum: (minimum, unit) => `Commandez au moins ${minimum} ${unit}.`,
  quantityNotMultiple: (step, unit) => `Commandez par multiples de ${step} ${unit}.`,
  productNotOrderable: 'Cet article ne peut plus être commandé. Retirez-le de la commande.',
  lineRefused: 'Cette ligne ne peut pas être commandée telle quelle. Modifiez-la ou retirez-la.',
  yourOrder: 'Votre commande',
  orderEmpty: 'Saisissez une quantité à côté d’un article pour l’ajouter ici.',
  lineCount: (count) => (count <= 1 ? `${count} ligne` : `${count} lignes`),
  removeLine: (product) => `Retirer ${product}`,
  taxAddedOnPlacing: 'La TVA est ajoutée à l’envoi de la commande.',
  taxAtRate: (rate) => `TVA (${rate})`,
  availableCredit: 'Encours disponible',
  creditOfLimit: (limit) => `sur un plafond de ${limit}`,
  creditAfterOrder: 'Restant après cette commande',
  overCredit: (amount) => `Cette commande dépasse votre encours disponible de ${amount}.`,
  overCreditHelp: 'Retirez des lignes ou réglez des factures ouvertes pour libérer de l’encours.',
  creditHold: 'Les commandes sont bloquées pour votre compte.',
  creditHoldReason: (reason) => `Motif : ${reason}`,
  contactAccountManager: 'Veuillez contacter votre interlocuteur commercial.',
  roleCannotOrder: 'Votre rôle ne permet pas de passer commande.',
  roleCannotOrderHelp:
    'Vous pouvez consulter les articles et vos prix. Pour commander, adressez-vous à un acheteur ou à un administrateur de votre entreprise.',
  reviewOrder: 'Vérifier la commande',
  blockedEmpty: 'Ajoutez au moins un article pour vérifier la commande.',
  blockedInvalid: 'Corrigez d’abord les quantités signalées en rouge.',
  reviewTitle: 'Vérifiez votre commande',
  backToProducts: 'Retour aux articles',
  placeOrder: 'Passer la commande',
  placingOrder: 'Envoi de la commande…',
  placeError: 'La commande n’a pas pu être passée.',
  linesRefused:
    'Certaines lignes ne peuvent pas être commandées telles quelles. Revenez aux articles pour les modifier.',
  creditExceeded: (available) =>
    `Votre encours disponible a changé : il est désormais de ${available}, moins que le total TTC de cette commande. Retirez des lignes ou réglez d’abord des factures ouvertes.`,
  noCreditTerms:
    'Votre compte ne peut pas encore commander en ligne. Veuillez contacter votre interlocuteur commercial.',
  orderConflict:
    'Cette commande est déjà en cours d’envoi. Patientez un instant, puis consultez vos commandes.',
  placeOffline:
    'La commande n’a pas pu être envoyée. Vérifiez votre connexion et réessayez — elle ne sera pas passée deux fois.',
  orderPlacedTitle: (number) => `Commande ${number} passée`,
  orderPlacedText:
    'Votre fournisseur va la confirmer sous peu. Suivez chaque étape dans vos commandes.',
  viewOrder: 'Voir la commande',
  placeAnother: 'Passer une autre commande',
  detailsRefused:
    'Certaines informations n’ont pas été acceptées. Corrigez les champs signalés en rouge.',
  blockedDetails: 'Corrigez d’abord les champs signalés en rouge.',
  deliverToUsual: 'Votre adresse de livraison habituelle',
  deliverToUsualHint: 'Celle que votre fournisseur a enregistrée pour votre compte.',
  deliverToOther: 'Une autre adresse',
  addressName: 'Société ou destinataire',
  addressLine1: 'Numéro et rue',
  addressLine2: 'Complément d’adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
  fieldRequired: 'Renseignez ce champ.',
  fieldTooLong: (max, length) => `${max} caractères au maximum (actuellement ${length}).`,
  dateNotADate: 'Saisissez une date complète.',
  dateInPast: 'Choisissez aujourd’hui ou une date ultérieure.',
  fieldRefused: 'Cette valeur n’a pas été acceptée. Vérifiez-la, puis réessayez.',
}
