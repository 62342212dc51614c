import type { Kysely } from 'kysely'
import { allowPurpose } from './rls.js'

/**
 * Links Portico's records to Salesforce's when cases are kept there: each
 * account to its Salesforce Account (set by the operator; a case of an
 * unlinked account is refused), each portal user to the Contact created or
 * found by email on their first case — kept so later cases skip the lookup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('salesforce_account_id', 'text').execute()
  await db.schema.alterTable('users').addColumn('salesforce_contact_id', 'text').execute()
  // The reconcile job lists the linked accounts; it reads and writes their cases in each one's scope.
  await allowPurpose(db, 'accounts', 'crm-reconcile', ['select'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('salesforce_contact_id').execute()
  await db.schema.alterTable('accounts').dropColumn('salesforce_account_id').execute()
}
