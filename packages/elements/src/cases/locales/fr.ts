import type { CaseVocabularyMessages } from '../case-vocabulary.messages.js'

export const messages: CaseVocabularyMessages = {
  categories: {
    question: 'Question',
    delivery: 'Livraison',
    quality: 'Qualité / RMA',
    warranty: 'Garantie',
    billing: 'Facturation',
    maintenance: 'Maintenance',
  },
  priorities: { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' },
  caseStatuses: {
    new: 'Nouvelle',
    open: 'Ouverte',
    waiting_on_customer: 'En attente de votre réponse',
    resolved: 'Résolue',
    closed: 'Clôturée',
  },
  priority: 'Priorité',
  category: 'Catégorie',
  subject: 'Objet',
  syncing: 'Synchronisation avec le CRM',
  syncFailed: 'Pas encore dans le CRM — nouvel essai en cours',
  firstResponseDue: (inTime) => `Première réponse attendue ${inTime}`,
  resolutionDue: (inTime) => `Résolution attendue ${inTime}`,
  firstResponseBreached: 'Première réponse en retard',
  resolutionBreached: 'Résolution en retard',
  firstResponded: (at) => `Première réponse ${at}`,
}
