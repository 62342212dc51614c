import type { ContractListMessages } from '../contract-list.messages.js'
import { downloadMessages } from '../../documents/locales/de.js'

export const messages: ContractListMessages = {
  contracts: 'Verträge',
  columnContract: 'Vertrag',
  columnTerm: 'Laufzeit',
  columnRenewal: 'Verlängerung',
  columnPeriodTotal: 'Kosten',
  columnDocument: 'Vertragsdokument',
  contractStatuses: { active: 'Aktiv', cancelled: 'Gekündigt', expired: 'Abgelaufen' },
  term: (start, end) => `${start} – ${end}`,
  autoRenewOn: 'Verlängert sich automatisch',
  autoRenewOff: 'Endet mit der Laufzeit',
  renewsIn: (days) =>
    days === 0
      ? 'Verlängert sich heute'
      : days === 1
        ? 'Verlängert sich morgen'
        : `Verlängert sich in ${days} Tagen`,
  endsIn: (days) =>
    days === 0 ? 'Endet heute' : days === 1 ? 'Endet morgen' : `Endet in ${days} Tagen`,
  noticeBy: (date) => `Kündigung bis ${date}`,
  perPeriod: {
    monthly: (amount) => `${amount} pro Monat`,
    quarterly: (amount) => `${amount} pro Quartal`,
    annual: (amount) => `${amount} pro Jahr`,
  },
  showItems: (count) => (count === 1 ? '1 Position' : `${count} Positionen`),
  columnQuantity: 'Menge',
  noDocument: 'Noch kein Dokument',
  loading: 'Verträge werden geladen …',
  empty: 'Es liegen noch keine Verträge vor.',
  emptyFiltered: 'Keine Verträge entsprechen diesem Filter.',
  loadError: 'Ihre Verträge konnten nicht geladen werden.',
  offline: 'Sie sind offline. Ihre Verträge werden geladen, sobald die Verbindung wieder steht.',
  forbidden: 'Sie haben keine Berechtigung, Verträge anzuzeigen.',
  loadMoreError: 'Weitere Verträge konnten nicht geladen werden.',
  loadedMore: (count) =>
    count === 1 ? '1 weiterer Vertrag geladen' : `${count} weitere Verträge geladen`,
  shown: (count) => (count === 1 ? '1 Vertrag' : `${count} Verträge`),
  ...downloadMessages,
}
