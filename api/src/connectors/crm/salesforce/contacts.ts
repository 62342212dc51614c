import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { ApiError } from '../../../http/problem.js'
import type { SalesforceClient } from './client.js'
import { soqlString } from './soql.js'

/**
 * The Salesforce Account an account's cases are filed under. Linking is the
 * operator's decision (`accounts.salesforce_account_id`); an unlinked account
 * is refused rather than filed under a guess.
 */
export async function salesforceAccountId(
  db: Kysely<Database>,
  accountId: string,
): Promise<string> {
  const row = await db
    .selectFrom('accounts')
    .select('salesforce_account_id')
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (!row?.salesforce_account_id)
    throw new ApiError(
      422,
      'crm_account_unlinked',
      'This account is not linked to a Salesforce Account; ask the operator to link it.',
    )
  return row.salesforce_account_id
}

/**
 * The portal user's Contact under the Account: the one remembered on the
 * user, else one found by email (a person the org already knows), else a
 * new one. Remembered on the user in the caller's transaction.
 */
export async function salesforceContactId(
  db: Kysely<Database>,
  client: SalesforceClient,
  user: { accountId: string; userId: string; sfAccountId: string },
): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select(['email', 'name', 'salesforce_contact_id'])
    .where('id', '=', user.userId)
    .where('account_id', '=', user.accountId)
    .executeTakeFirstOrThrow()
  if (row.salesforce_contact_id) return row.salesforce_contact_id
  const found = await client.query(
    `SELECT Id FROM Contact WHERE AccountId = ${soqlString(user.sfAccountId)} AND Email = ${soqlString(row.email)} LIMIT 1`,
  )
  const contactId =
    found[0]?.Id ??
    (await client.create('Contact', {
      AccountId: user.sfAccountId,
      Email: row.email,
      ...splitName(row.name),
    }))
  await db
    .updateTable('users')
    .set({ salesforce_contact_id: contactId })
    .where('id', '=', user.userId)
    .where('account_id', '=', user.accountId)
    .execute()
  return contactId
}

/** Contact requires LastName; a single-word name is all last name. */
function splitName(name: string): { FirstName?: string; LastName: string } {
  const parts = name.trim().split(/\s+/)
  if (parts.length < 2) return { LastName: name.trim() || 'Portal user' }
  return { FirstName: parts.slice(0, -1).join(' '), LastName: parts.at(-1)! }
}
