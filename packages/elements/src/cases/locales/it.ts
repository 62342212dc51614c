import type { CaseVocabularyMessages } from '../case-vocabulary.messages.js'

export const messages: CaseVocabularyMessages = {
  categories: {
    question: 'Domanda',
    delivery: 'Consegna',
    quality: 'Qualità / RMA',
    warranty: 'Garanzia',
    billing: 'Fatturazione',
    maintenance: 'Manutenzione',
  },
  priorities: { low: 'Bassa', normal: 'Normale', high: 'Alta', urgent: 'Urgente' },
  caseStatuses: {
    new: 'Nuova',
    open: 'Aperta',
    waiting_on_customer: 'In attesa di una tua risposta',
    resolved: 'Risolta',
    closed: 'Chiusa',
  },
  priority: 'Priorità',
  category: 'Categoria',
  subject: 'Oggetto',
  syncing: 'Sincronizzazione con il CRM',
  syncFailed: 'Non ancora nel CRM — nuovo tentativo in corso',
  firstResponseDue: (inTime) => `Prima risposta prevista ${inTime}`,
  resolutionDue: (inTime) => `Risoluzione prevista ${inTime}`,
  firstResponseBreached: 'Prima risposta in ritardo',
  resolutionBreached: 'Risoluzione in ritardo',
  firstResponded: (at) => `Prima risposta ${at}`,
}
