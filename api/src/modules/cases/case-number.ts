import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/**
 * The next case number of the account this year, `CS-2026-00042`: drawn by
 * an upsert on the account's counter row, which locks it until the
 * transaction ends — two cases raised at once never share a number, on
 * either dialect. A transaction that rolls back leaves a gap, as invoice
 * numbers may not but case numbers can.
 */
export async function drawCaseNumber(
  trx: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<string> {
  const year = now.getUTCFullYear()
  const { last_number } = await trx
    .insertInto('case_counters')
    .values({ account_id: accountId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'year'])
        .doUpdateSet((eb) => ({ last_number: eb('case_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow()
  return `CS-${year}-${String(last_number).padStart(5, '0')}`
}
