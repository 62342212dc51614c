import type { Kysely } from 'kysely'
import { preparedQuery } from '../../db/prepared-query.js'
import { transaction, withPurpose, withTenant } from '../../db/scope.js'
import { appendEvent } from '../../db/events.js'
import type { Database, Role } from '../../db/schema.js'
import { ApiError } from '../../http/problem.js'
import { isPermission, permissionsOf, type Permission } from '../../http/permissions.js'
import type { UserPrincipal } from '../../http/principal.js'
import { newId } from '../../lib/ids.js'
import { generateSecret, hashSecret } from '../../lib/secrets.js'
import { userPrincipal } from '../auth/service.js'

/** Embed secrets live at most 15 minutes: long enough for a page view, short if leaked. */
export const EMBED_MAX_TTL_SECONDS = 900

export interface MintEmbedSessionInput {
  email: string
  allowedOrigins: string[]
  ttlSeconds: number
  permissions?: string[] | undefined
}

/**
 * Mints a short-lived client secret for one user, bound to the origins the
 * host page is served from — the model of Stripe's embedded components: the
 * host's server holds the operator key, the browser only ever sees this secret.
 */
export async function mintEmbedSession(
  deps: { db: Kysely<Database>; now: Date },
  input: MintEmbedSessionInput,
) {
  const email = input.email.trim().toLowerCase()
  // The operator names the user by email: finding them crosses tenants.
  const user = await withPurpose(deps.db, 'operator', (db) =>
    db
      .selectFrom('users')
      .select(['id', 'account_id', 'email', 'name', 'role', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst(),
  )
  if (!user || user.disabled_at) {
    throw new ApiError(422, 'unknown_user', 'No active user has this email.', {
      errors: [
        { field: 'body.email', message: 'No active user has this email', code: 'unknown_user' },
      ],
    })
  }
  const granted = permissionsOf(user.role)
  let permissions: Permission[] = granted
  if (input.permissions) {
    const excess = input.permissions.filter((p) => !isPermission(p) || !granted.includes(p))
    if (excess.length > 0) {
      throw new ApiError(
        422,
        'permission_not_granted',
        "The user's role does not grant these permissions.",
        {
          errors: excess.map((p) => ({
            field: 'body.permissions',
            message: `Not granted: ${p}`,
            code: 'not_granted',
          })),
        },
      )
    }
    permissions = input.permissions as Permission[]
  }

  const secret = generateSecret('pes')
  const id = newId('emb', deps.now.getTime())
  const createdAt = deps.now.toISOString()
  const expiresAt = new Date(deps.now.getTime() + input.ttlSeconds * 1000).toISOString()
  const origins = [...new Set(input.allowedOrigins)]
  await withTenant(deps.db, user.account_id, (db) =>
    transaction(db, async (trx) => {
      await trx
        .insertInto('embed_sessions')
        .values({
          id,
          secret_hash: hashSecret(secret),
          user_id: user.id,
          account_id: user.account_id,
          permissions: JSON.stringify(permissions),
          created_at: createdAt,
          expires_at: expiresAt,
          revoked_at: null,
        })
        .execute()
      await trx
        .insertInto('embed_session_origins')
        .values(origins.map((origin) => ({ embed_session_id: id, origin, expires_at: expiresAt })))
        .execute()
      await appendEvent(trx, {
        accountId: user.account_id,
        type: 'embed_session.created',
        subjectId: id,
        data: { embedSessionId: id, userId: user.id, allowedOrigins: origins, expiresAt },
        now: deps.now,
      })
    }),
  )
  return {
    id,
    clientSecret: secret,
    expiresAt,
    allowedOrigins: origins,
    permissions,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    accountId: user.account_id,
  }
}

export type EmbedResolution =
  | { ok: true; principal: UserPrincipal; origin: string }
  /** `corsOrigin` is set when the origin was bound, so the browser may read the 401. */
  | { ok: false; corsOrigin: string | undefined }

/** What deciding whether an embed session is live, whose it is and what it grants, reads. */
const EMBED_SESSION_COLUMNS = [
  'embed_sessions.id',
  'embed_sessions.permissions',
  'embed_sessions.expires_at as expiresAt',
  'embed_sessions.revoked_at as revokedAt',
  'users.id as userId',
  'users.account_id as accountId',
  'users.role',
  'users.disabled_at as disabledAt',
] as const

/** Every embedded component's request runs this lookup: built and compiled once. */
const embedSessionBySecretHash = preparedQuery<{ secretHash: string; origin: string }>()(
  (db, param) =>
    db
      .selectFrom('embed_sessions')
      .innerJoin('users', 'users.id', 'embed_sessions.user_id')
      .leftJoin('embed_session_origins', (join) =>
        join
          .onRef('embed_session_origins.embed_session_id', '=', 'embed_sessions.id')
          .on('embed_session_origins.origin', '=', param('origin')),
      )
      .select([...EMBED_SESSION_COLUMNS, 'embed_session_origins.origin as boundOrigin'])
      .where('embed_sessions.secret_hash', '=', param('secretHash')),
)

/**
 * Checks an embed secret against the request's Origin. A secret is only good
 * from a page on one of its bound origins: a request without an Origin (a
 * server, curl) or from elsewhere is refused even while the secret is live.
 */
export async function resolveEmbedSecret(
  db: Kysely<Database>,
  secret: string,
  origin: string | undefined,
  now: Date,
): Promise<EmbedResolution> {
  if (!origin) return { ok: false, corsOrigin: undefined }
  const secretHash = hashSecret(secret)
  const [row] = await withPurpose(db, 'authenticate', (db) =>
    embedSessionBySecretHash.execute(db, { secretHash, origin }),
  )
  if (!row?.boundOrigin) return { ok: false, corsOrigin: undefined }
  if (row.revokedAt || row.disabledAt || Date.parse(row.expiresAt) <= now.getTime()) {
    return { ok: false, corsOrigin: origin }
  }
  return {
    ok: true,
    origin,
    principal: userPrincipal(
      row.userId,
      row.accountId,
      row.role,
      'embed',
      row.id,
      grantedToday(row),
    ),
  }
}

/**
 * The principal of an embed session by its ID, if it is still live — for a
 * download link it minted. No origin check: a link is followed by the
 * browser navigating to it, which sends no Origin; the signature on the link
 * stands in for the secret.
 */
export async function resolveEmbedSessionById(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<UserPrincipal | null> {
  const row = await withPurpose(db, 'authenticate', (db) =>
    db
      .selectFrom('embed_sessions')
      .innerJoin('users', 'users.id', 'embed_sessions.user_id')
      .select(EMBED_SESSION_COLUMNS)
      .where('embed_sessions.id', '=', id)
      .executeTakeFirst(),
  )
  if (!row || row.revokedAt || row.disabledAt || Date.parse(row.expiresAt) <= now.getTime())
    return null
  return userPrincipal(row.userId, row.accountId, row.role, 'embed', id, grantedToday(row))
}

/** The role may have been narrowed since minting: never grant more than it allows today. */
function grantedToday(row: { role: Role; permissions: string }): Permission[] {
  const today = new Set(permissionsOf(row.role))
  return (JSON.parse(row.permissions) as Permission[]).filter((p) => today.has(p))
}

/** Whether any live embed session is bound to `origin` — what a CORS preflight may rely on. */
export async function isOriginBound(
  db: Kysely<Database>,
  origin: string,
  now: Date,
): Promise<boolean> {
  const row = await withPurpose(db, 'authenticate', (db) =>
    db
      .selectFrom('embed_session_origins')
      .select('origin')
      .where('origin', '=', origin)
      .where('expires_at', '>', now.toISOString())
      .limit(1)
      .executeTakeFirst(),
  )
  return row !== undefined
}
