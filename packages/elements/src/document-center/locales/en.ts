import type { DocumentCenterMessages } from '../document-center.messages.js'
import { downloadMessages } from '../../documents/locales/en.js'

export const messages: DocumentCenterMessages = {
  documents: 'Documents',
  typeFilter: 'Type',
  typeAll: 'All types',
  types: {
    invoice: 'Invoice',
    tax_invoice: 'Tax invoice',
    delivery_order: 'Delivery order',
    certificate_of_analysis: 'Certificate of analysis',
    contract: 'Contract',
    other: 'Other',
  },
  searchLabel: 'Search documents',
  searchPlaceholder: 'Title or number',
  columnTitle: 'Document',
  columnType: 'Type',
  columnRelated: 'Belongs to',
  columnDate: 'Date',
  columnSize: 'Size',
  relatedOrder: 'Order',
  relatedInvoice: 'Invoice',
  relatedContract: 'Contract',
  loading: 'Loading documents…',
  empty: 'There are no documents yet.',
  emptyFiltered: 'No documents match this filter.',
  loadError: 'Your documents could not be loaded.',
  offline: 'You are offline. Your documents will load when the connection is back.',
  forbidden: 'You do not have permission to see documents.',
  loadMoreError: 'More documents could not be loaded.',
  loadedMore: (count) =>
    count === 1 ? '1 more document loaded' : `${count} more documents loaded`,
  shown: (count) => (count === 1 ? '1 document' : `${count} documents`),
  ...downloadMessages,
}
