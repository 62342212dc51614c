import type { Kysely } from 'kysely'
import type { Database, Role } from '../../db/schema.js'
import { appendEvent } from '../../db/events.js'
import { preparedQuery } from '../../db/prepared-query.js'
import { transaction, withPurpose, withTenant } from '../../db/scope.js'
import { ApiError } from '../../http/problem.js'
import type { UserPrincipal } from '../../http/principal.js'
import { permissionsOf } from '../../http/permissions.js'
import { newId } from '../../lib/ids.js'
import { decoyPasswordHash, verifyPassword } from '../../lib/passwords.js'
import { generateSecret, hashSecret } from '../../lib/secrets.js'
import type { FailureLimiter } from '../../http/rate-limit.js'

/** A session dies after 30 minutes without use, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
/** last_seen_at is refreshed at most this often: one write a minute, not one per request. */
const TOUCH_INTERVAL_MS = 60 * 1000

export interface LoginInput {
  email: string
  password: string
  clientIp: string
}

export interface LoginResult {
  token: string
  sessionId: string
  expiresAt: string
  userId: string
  accountId: string
}

const INVALID_CREDENTIALS = () =>
  // Deliberately the same answer for an unknown email and a wrong password.
  new ApiError(401, 'invalid_credentials', 'The email or password is incorrect.')

/**
 * Verifies a password and opens a session. Failures count against the email
 * and the client address; past the limit every attempt is refused with 429
 * until the window passes, whether or not the password is right.
 */
export async function login(
  deps: { db: Kysely<Database>; now: Date; limiter: FailureLimiter },
  input: LoginInput,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase()
  const keys = [`login:email:${email}`, `login:ip:${input.clientIp}`]
  const retryAfter = deps.limiter.blockedFor(keys, deps.now.getTime())
  if (retryAfter > 0) {
    throw new ApiError(429, 'too_many_attempts', 'Too many sign-in attempts. Try again later.', {
      headers: { 'Retry-After': String(retryAfter) },
    })
  }

  const user = await withPurpose(deps.db, 'authenticate', (db) =>
    db
      .selectFrom('users')
      .select(['id', 'account_id', 'password_hash', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst(),
  )
  const valid = await verifyPassword(
    input.password,
    user?.password_hash ?? (await decoyPasswordHash()),
  )
  if (!user || !valid || user.disabled_at) {
    deps.limiter.recordFailure(keys, deps.now.getTime())
    throw INVALID_CREDENTIALS()
  }
  deps.limiter.reset([keys[0]!])

  const token = generateSecret('pst')
  const now = deps.now.toISOString()
  const expiresAt = new Date(deps.now.getTime() + SESSION_ABSOLUTE_MS).toISOString()
  const sessionId = newId('sess')
  await withTenant(deps.db, user.account_id, (db) =>
    transaction(db, async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          id: sessionId,
          token_hash: hashSecret(token),
          user_id: user.id,
          account_id: user.account_id,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          revoked_at: null,
        })
        .execute()
      await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute()
      await appendEvent(trx, {
        accountId: user.account_id,
        type: 'session.created',
        subjectId: user.id,
        data: { sessionId, userId: user.id },
        now: deps.now,
      })
    }),
  )
  return { token, sessionId, expiresAt, userId: user.id, accountId: user.account_id }
}

/** Revokes a session; revoking twice is harmless. */
export async function logout(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}

/** What deciding whether a session is live, and whose it is, reads. */
const SESSION_COLUMNS = [
  'sessions.id as sessionId',
  'sessions.last_seen_at as lastSeenAt',
  'sessions.expires_at as expiresAt',
  'sessions.revoked_at as revokedAt',
  'users.id as userId',
  'users.account_id as accountId',
  'users.role as role',
  'users.disabled_at as disabledAt',
] as const

/** Every authenticated request runs this lookup: built and compiled once. */
const sessionByTokenHash = preparedQuery<{ tokenHash: string }>()((db, param) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(SESSION_COLUMNS)
    .where('sessions.token_hash', '=', param('tokenHash')),
)

type SessionRow = Awaited<ReturnType<typeof sessionByTokenHash.execute>>[number]

/** Whether a session is live at `now`: not revoked, its user not disabled, neither idle nor too old. */
function isLive(row: SessionRow, now: Date): boolean {
  if (row.revokedAt || row.disabledAt) return false
  const nowMs = now.getTime()
  return Date.parse(row.expiresAt) > nowMs && Date.parse(row.lastSeenAt) + SESSION_IDLE_MS > nowMs
}

/**
 * The principal behind a session token, or null when the token is unknown,
 * revoked, idle for more than 30 minutes or older than 12 hours.
 */
export async function resolveSessionToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<UserPrincipal | null> {
  const tokenHash = hashSecret(token)
  const [row] = await withPurpose(db, 'authenticate', (db) =>
    sessionByTokenHash.execute(db, { tokenHash }),
  )
  if (!row || !isLive(row, now)) return null
  const nowMs = now.getTime()
  const lastSeen = Date.parse(row.lastSeenAt)
  if (nowMs - lastSeen >= TOUCH_INTERVAL_MS) {
    await withTenant(db, row.accountId, (db) =>
      db
        .updateTable('sessions')
        .set({ last_seen_at: now.toISOString() })
        .where('id', '=', row.sessionId)
        .execute(),
    )
  }
  return userPrincipal(row.userId, row.accountId, row.role, 'session', row.sessionId)
}

/**
 * The principal of a session by its ID, if the session is still live — for
 * something the session handed out (a download link) that must stop working
 * when the session ends. Does not count as activity.
 */
export async function resolveSessionById(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<UserPrincipal | null> {
  const row = await withPurpose(db, 'authenticate', (db) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(SESSION_COLUMNS)
      .where('sessions.id', '=', sessionId)
      .executeTakeFirst(),
  )
  if (!row || !isLive(row, now)) return null
  return userPrincipal(row.userId, row.accountId, row.role, 'session', row.sessionId)
}

export function userPrincipal(
  userId: string,
  accountId: string,
  role: Role,
  via: 'session' | 'embed',
  credentialId: string,
  permissions = permissionsOf(role),
): UserPrincipal {
  return {
    kind: 'user',
    userId,
    accountId,
    role,
    permissions: new Set(permissions),
    via,
    credentialId,
  }
}

/** A user with their account, as shown to that user. */
export async function getProfile(
  db: Kysely<Database>,
  principal: Pick<UserPrincipal, 'userId' | 'accountId'>,
) {
  const row = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.name as userName',
      'users.role',
      'accounts.id as accountId',
      'accounts.name as accountName',
      'accounts.currency',
      'accounts.locale',
    ])
    .where('users.id', '=', principal.userId)
    .where('users.account_id', '=', principal.accountId)
    .executeTakeFirstOrThrow()
  return {
    user: { id: row.userId, email: row.email, name: row.userName, role: row.role },
    account: {
      id: row.accountId,
      name: row.accountName,
      currency: row.currency,
      locale: row.locale,
    },
  }
}
