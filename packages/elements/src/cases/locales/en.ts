import type { CaseVocabularyMessages } from '../case-vocabulary.messages.js'

export const messages: CaseVocabularyMessages = {
  categories: {
    question: 'Question',
    delivery: 'Delivery',
    quality: 'Quality / RMA',
    warranty: 'Warranty',
    billing: 'Billing',
    maintenance: 'Maintenance',
  },
  priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  caseStatuses: {
    new: 'New',
    open: 'Open',
    waiting_on_customer: 'Waiting on you',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  priority: 'Priority',
  category: 'Category',
  subject: 'Subject',
  syncing: 'Syncing with CRM',
  syncFailed: 'Not yet in the CRM — retrying',
  firstResponseDue: (inTime) => `First response due ${inTime}`,
  resolutionDue: (inTime) => `Resolution due ${inTime}`,
  firstResponseBreached: 'First response overdue',
  resolutionBreached: 'Resolution overdue',
  firstResponded: (at) => `First response ${at}`,
}
