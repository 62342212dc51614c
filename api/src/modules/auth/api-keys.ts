import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { OperatorPrincipal } from '../../http/principal.js'
import { newId } from '../../lib/ids.js'
import { hashSecret } from '../../lib/secrets.js'

/** The operator behind an API key, or null for an unknown or revoked key. */
export async function resolveApiKey(
  db: Kysely<Database>,
  key: string,
): Promise<OperatorPrincipal | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'revoked_at'])
    .where('key_hash', '=', hashSecret(key))
    .executeTakeFirst()
  if (!row || row.revoked_at) return null
  return { kind: 'operator', apiKeyId: row.id }
}

/** Stores an operator key (hashed). The caller shows the key once and forgets it. */
export async function createApiKey(
  db: Kysely<Database>,
  input: { name: string; key: string; now: Date },
): Promise<string> {
  const id = newId('key', input.now.getTime())
  await db
    .insertInto('api_keys')
    .values({
      id,
      name: input.name,
      key_hash: hashSecret(input.key),
      created_at: input.now.toISOString(),
      revoked_at: null,
    })
    .execute()
  return id
}
