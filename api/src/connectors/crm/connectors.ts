import type { Config } from '../../config.js'
import type { Logger } from '../../lib/logger.js'
import type { DocumentStore } from '../storage/index.js'
import { builtInCaseConnector } from './built-in.js'
import type { CaseConnector } from './case-connector.js'
import { createCaseStatusMap } from './salesforce/case-fields.js'
import { createCaseListCache } from './salesforce/case-list-cache.js'
import { createSalesforceClient } from './salesforce/client.js'
import { createSalesforceCaseConnector } from './salesforce/connector.js'

/**
 * The case connector `PORTICO_CRM` names: Portico's own tables (default) or
 * Salesforce, which reads attachments from the document store to send them
 * and logs what it cannot map.
 */
export function caseConnectorFor(
  config: Config,
  services: { logger: Logger; documents: DocumentStore },
): CaseConnector {
  const crm = config.crm
  if (crm.kind === 'portico') return builtInCaseConnector
  return createSalesforceCaseConnector({
    client: createSalesforceClient({ credentials: crm.credentials, apiVersion: crm.apiVersion }),
    cache: createCaseListCache({ ttlMs: crm.cacheTtlMs }),
    statuses: createCaseStatusMap(crm.caseStatuses, services.logger),
    documents: services.documents,
  })
}
