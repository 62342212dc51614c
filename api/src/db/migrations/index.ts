import type { Migration } from 'kysely'
import * as initial from './0001_initial.js'
import * as orders from './0002_orders.js'
import * as creditIndexes from './0003_credit_indexes.js'
import * as creditCoveringIndex from './0004_credit_covering_index.js'
import * as invoiceSummary from './0005_invoice_summary.js'
import * as rowLevelSecurity from './0006_row_level_security.js'
import * as outboxSubjectIndex from './0007_outbox_subject_index.js'
import * as documentsContracts from './0008_documents_contracts.js'
import * as compactInvoiceSummary from './0009_compact_invoice_summary.js'
import * as payments from './0010_payments.js'
import * as cases from './0011_cases.js'
import * as salesforce from './0012_salesforce.js'
import * as caseSlaPause from './0013_case_sla_pause.js'
import * as crmCommentIds from './0014_crm_comment_ids.js'
import * as invoiceListCovering from './0015_invoice_list_covering.js'
import * as accountExposure from './0016_account_exposure.js'

/**
 * Every migration, in order. Names are permanent: never rename or edit a
 * migration that has shipped — add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_orders': orders,
  '0003_credit_indexes': creditIndexes,
  '0004_credit_covering_index': creditCoveringIndex,
  '0005_invoice_summary': invoiceSummary,
  '0006_row_level_security': rowLevelSecurity,
  '0007_outbox_subject_index': outboxSubjectIndex,
  '0008_documents_contracts': documentsContracts,
  '0009_compact_invoice_summary': compactInvoiceSummary,
  '0010_payments': payments,
  '0011_cases': cases,
  '0012_salesforce': salesforce,
  '0013_case_sla_pause': caseSlaPause,
  '0014_crm_comment_ids': crmCommentIds,
  '0015_invoice_list_covering': invoiceListCovering,
  '0016_account_exposure': accountExposure,
}
