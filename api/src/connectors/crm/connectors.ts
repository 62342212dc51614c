import type { Config } from '../../config.js'
import { builtInCaseConnector } from './built-in.js'
import type { CaseConnector } from './case-connector.js'
import { createCaseListCache } from './salesforce/case-list-cache.js'
import { createSalesforceClient } from './salesforce/client.js'
import { createSalesforceCaseConnector } from './salesforce/connector.js'

/** The case connector `PORTICO_CRM` names: Portico's own tables (default) or Salesforce. */
export function caseConnectorFor(config: Config): CaseConnector {
  const crm = config.crm
  if (crm.kind === 'portico') return builtInCaseConnector
  return createSalesforceCaseConnector({
    client: createSalesforceClient({ credentials: crm.credentials, apiVersion: crm.apiVersion }),
    cache: createCaseListCache({ ttlMs: crm.cacheTtlMs }),
  })
}
