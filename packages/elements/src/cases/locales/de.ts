import type { CaseVocabularyMessages } from '../case-vocabulary.messages.js'

export const messages: CaseVocabularyMessages = {
  categories: {
    question: 'Frage',
    delivery: 'Lieferung',
    quality: 'Qualität / RMA',
    warranty: 'Garantie',
    billing: 'Abrechnung',
    maintenance: 'Wartung',
  },
  priorities: { low: 'Niedrig', normal: 'Normal', high: 'Hoch', urgent: 'Dringend' },
  caseStatuses: {
    new: 'Neu',
    open: 'Offen',
    waiting_on_customer: 'Wartet auf Sie',
    resolved: 'Gelöst',
    closed: 'Geschlossen',
  },
  priority: 'Priorität',
  category: 'Kategorie',
  subject: 'Betreff',
  syncing: 'Wird mit dem CRM abgeglichen',
  syncFailed: 'Noch nicht im CRM – wird erneut versucht',
  firstResponseDue: (inTime) => `Erste Antwort fällig ${inTime}`,
  resolutionDue: (inTime) => `Lösung fällig ${inTime}`,
  firstResponseBreached: 'Erste Antwort überfällig',
  resolutionBreached: 'Lösung überfällig',
  firstResponded: (at) => `Erste Antwort ${at}`,
}
