import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { newId } from '../../src/lib/ids.js'
import { generateSecret, hashSecret } from '../../src/lib/secrets.js'

/**
 * A fresh portal session for a user, written straight to the database: as
 * real as one from POST /v1/auth/login, without paying scrypt per request —
 * and a suite can hand every request its own, so an operation that signs
 * out cannot starve the next.
 */
export async function sessionFor(db: Kysely<Database>, email: string, now: Date): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'account_id'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  const token = generateSecret('pst')
  await db
    .insertInto('sessions')
    .values({
      id: newId('sess'),
      token_hash: hashSecret(token),
      user_id: user.id,
      account_id: user.account_id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
      revoked_at: null,
    })
    .execute()
  return token
}
