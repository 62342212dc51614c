import type { PayInvoicesMessages } from '../pay-invoices.messages.js'

export const messages: PayInvoicesMessages = {
  payTitle: 'Payer des factures',
  loadingInvoices: 'Chargement des factures ouvertes…',
  noOpenInvoices: 'Rien à payer : vous n’avez aucune facture ouverte.',
  invoicesLoadError: 'Impossible de charger vos factures ouvertes.',
  payForbidden: 'Vous n’avez pas l’autorisation de payer des factures.',
  selectIntro:
    'Choisissez les factures à payer. Vous pouvez payer moins que le reste dû, jamais plus.',
  openInvoices: 'Factures ouvertes',
  columnInvoice: 'Facture',
  columnDueDate: 'Échéance',
  columnBalance: 'Reste dû',
  columnPayAmount: 'Montant à payer',
  selectInvoice: (number) => `Payer la facture ${number}`,
  amountFor: (number) => `Montant à payer sur la facture ${number}`,
  otherCurrency: 'Autre devise : à payer séparément.',
  amountRequired: 'Saisissez un montant.',
  amountInvalid: (example) => `Saisissez un montant comme ${example}.`,
  amountNotPositive: 'Le montant doit être supérieur à zéro.',
  amountTooHigh: (max) => `Au plus ${max}, le reste dû.`,
  remainsOpen: (rest) => `${rest} resteront dus`,
  selectedSummary: (count, total) =>
    `${count <= 1 ? `${count} facture sélectionnée` : `${count} factures sélectionnées`} · ${total}`,
  nothingSelected: 'Sélectionnez au moins une facture à payer.',
  fixAmounts: 'Corrigez les montants signalés ci-dessous.',
  review: 'Vérifier le paiement',
  confirmTitle: 'Confirmez votre paiement',
  confirmText:
    'Vous allez être dirigé vers la page du prestataire de paiement. Rien n’est débité avant votre confirmation sur cette page.',
  totalToPay: 'Total à payer',
  payNow: (total) => `Payer ${total}`,
  change: 'Modifier',
  submitting: 'Ouverture de la page de paiement…',
  redirecting: 'Redirection vers la page de paiement…',
  balanceChanged:
    'Le reste dû d’une facture a changé entre-temps. Vérifiez les montants signalés ci-dessous.',
  notPayable:
    'Une facture ne peut plus être payée (déjà payée ou annulée). La liste a été mise à jour.',
  mixedCurrencies: 'Un paiement ne règle que des factures dans une seule devise.',
  paymentsUnavailable: 'Le paiement en ligne n’est pas disponible sur ce portail pour le moment.',
  payRetry:
    'La page de paiement n’a pas pu s’ouvrir. Réessayez — vous ne serez pas débité deux fois.',
  payInProgress:
    'Ce paiement est encore en cours d’ouverture. Patientez un instant puis réessayez.',
  payFailed: 'Le paiement n’a pas pu démarrer.',
  tryAgain: 'Réessayer',
  processingTitle: 'Vérification de votre paiement…',
  processingText:
    'Nous attendons la confirmation du prestataire de paiement. Cette page se met à jour toute seule.',
  succeededTitle: 'Paiement reçu',
  succeededText: (total) => `${total} ont été payés. Merci.`,
  failedTitle: 'Le paiement a été refusé',
  failedText:
    'Rien n’a été débité. Vous pouvez réessayer, avec une autre carte ou un autre compte si besoin.',
  cancelledTitle: 'Le paiement a été annulé',
  cancelledText: 'Vous avez quitté la page de paiement. Rien n’a été débité.',
  expiredTitle: 'Le paiement a expiré',
  expiredText: 'La page de paiement est restée ouverte trop longtemps. Rien n’a été débité.',
  paymentNotFound: 'Ce paiement n’existe pas, ou il appartient à un autre compte.',
  paymentLoadError: 'Impossible de vérifier ce paiement.',
  paymentReference: (id) => `Référence du paiement : ${id}`,
  paidInvoices: 'Factures de ce paiement',
}
