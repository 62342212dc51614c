import type { DocumentCenterMessages } from '../document-center.messages.js'
import { downloadMessages } from '../../documents/locales/de.js'

export const messages: DocumentCenterMessages = {
  documents: 'Dokumente',
  typeFilter: 'Art',
  typeAll: 'Alle Arten',
  types: {
    invoice: 'Rechnung',
    tax_invoice: 'Steuerrechnung',
    delivery_order: 'Lieferschein',
    certificate_of_analysis: 'Analysenzertifikat',
    contract: 'Vertrag',
    other: 'Sonstiges',
  },
  searchLabel: 'Dokumente durchsuchen',
  searchPlaceholder: 'Titel oder Nummer',
  columnTitle: 'Dokument',
  columnType: 'Art',
  columnRelated: 'Gehört zu',
  columnDate: 'Datum',
  columnSize: 'Größe',
  relatedOrder: 'Bestellung',
  relatedInvoice: 'Rechnung',
  relatedContract: 'Vertrag',
  loading: 'Dokumente werden geladen …',
  empty: 'Es liegen noch keine Dokumente vor.',
  emptyFiltered: 'Keine Dokumente entsprechen diesem Filter.',
  loadError: 'Ihre Dokumente konnten nicht geladen werden.',
  offline: 'Sie sind offline. Ihre Dokumente werden geladen, sobald die Verbindung wieder steht.',
  forbidden: 'Sie haben keine Berechtigung, Dokumente anzuzeigen.',
  loadMoreError: 'Weitere Dokumente konnten nicht geladen werden.',
  loadedMore: (count) =>
    count === 1 ? '1 weiteres Dokument geladen' : `${count} weitere Dokumente geladen`,
  shown: (count) => (count === 1 ? '1 Dokument' : `${count} Dokumente`),
  ...downloadMessages,
}
