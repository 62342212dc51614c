import { createHash } from 'node:crypto'
import { createMiddleware } from 'hono/factory'
import type { Kysely } from 'kysely'
import { preparedQuery } from '../db/prepared-query.js'
import type { Database } from '../db/schema.js'
import { withTenant } from '../db/scope.js'
import type { AppEnv } from './env.js'
import { ApiError, invalidField } from './problem.js'
import { watchResponseText } from './response-text.js'

/** Keys are kept 24 hours (the IETF draft's recommended floor; Stripe's too). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

type KeyParams = { scope: string; key: string }

/** Claims a key for a request in flight; an expired record is taken over as if it never existed. */
const claimKey = preparedQuery<
  KeyParams & { accountId: string | null; requestHash: string; now: string; expiresAt: string }
>()((db, param) => {
  const inFlight = {
    request_hash: param('requestHash'),
    state: 'in_flight' as const,
    response_status: null,
    response_body: null,
    response_content_type: null,
    created_at: param('now'),
    expires_at: param('expiresAt'),
  }
  return db
    .insertInto('idempotency_keys')
    .values({
      scope: param('scope'),
      key: param('key'),
      account_id: param('accountId'),
      ...inFlight,
    })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'key'])
        .doUpdateSet(inFlight)
        .where('idempotency_keys.expires_at', '<=', param('now')),
    )
})

const keyRecord = preparedQuery<KeyParams>()((db, param) =>
  db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', param('scope'))
    .where('key', '=', param('key')),
)

const completeKey = preparedQuery<
  KeyParams & { status: number; body: string; contentType: string | null }
>()((db, param) =>
  db
    .updateTable('idempotency_keys')
    .set({
      state: 'completed',
      response_status: param('status'),
      response_body: param('body'),
      response_content_type: param('contentType'),
    })
    .where('scope', '=', param('scope'))
    .where('key', '=', param('key')),
)

const releaseKey = preparedQuery<KeyParams>()((db, param) =>
  db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', param('scope'))
    .where('key', '=', param('key')),
)

/**
 * Idempotency-Key semantics for creating POSTs
 * (draft-ietf-httpapi-idempotency-key-header): the first request with a key
 * runs; a replay returns the stored status and body with
 * `Idempotent-Replayed: true`; a concurrent duplicate gets 409; the same key
 * with a different body gets 422. Keys are scoped by tenant, principal,
 * method and route. A request rejected by validation, or one that failed with
 * a 5xx, stores nothing, so a corrected retry runs.
 */
export function idempotency() {
  return createMiddleware<AppEnv>(async function idempotentRequest(c, next) {
    const key = c.req.header('idempotency-key')
    if (!key || key.length > 255) {
      throw invalidField(
        'header.idempotency-key',
        'An Idempotency-Key header (1–255 characters) is required',
        'required',
      )
    }
    const { db, clock } = c.get('deps')
    const principal = c.get('principal')
    const owner =
      principal.kind === 'user'
        ? `${principal.accountId}:${principal.userId}`
        : `operator:${principal.apiKeyId}`
    const scope = `${owner}:${c.req.method}:${c.req.routePath}`
    const requestHash = createHash('sha256')
      .update(await c.req.text())
      .digest('hex')
    const now = clock.now()

    const inFlight = {
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    }
    // A user's keys are their tenant's rows; an operator's belong to none.
    // Each statement commits on its own, outside the request's transaction:
    // a concurrent duplicate must see the claim while the work runs.
    const accountId = principal.kind === 'user' ? principal.accountId : null
    const scoped = <T>(fn: (db: Kysely<Database>) => Promise<T>) =>
      accountId ? withTenant(db, accountId, fn) : fn(db)
    const claimed = await scoped((db) =>
      claimKey.run(db, {
        scope,
        key,
        accountId,
        requestHash,
        now: inFlight.created_at,
        expiresAt: inFlight.expires_at,
      }),
    )

    if (claimed === 0) {
      const [existing] = await scoped((db) => keyRecord.execute(db, { scope, key }))
      if (!existing) throw new Error('idempotency record vanished between claim and read')
      if (existing.request_hash !== requestHash) {
        throw new ApiError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request body.',
        )
      }
      if (existing.state === 'in_flight') {
        throw new ApiError(
          409,
          'idempotency_key_in_use',
          'A request with this Idempotency-Key is still being processed.',
          {
            headers: { 'Retry-After': '1' },
          },
        )
      }
      const headers: Record<string, string> = { 'Idempotent-Replayed': 'true' }
      if (existing.response_content_type) headers['Content-Type'] = existing.response_content_type
      return c.newResponse(
        existing.response_body || null,
        (existing.response_status ?? 200) as 200,
        headers,
      )
    }

    let stored = false
    const responseText = watchResponseText(c)
    try {
      await next()
      const status = c.res.status
      if (!c.get('validationFailed') && status < 500) {
        const body = await responseText()
        const contentType = c.res.headers.get('content-type')
        await scoped((db) => completeKey.run(db, { scope, key, status, body, contentType }))
        stored = true
      }
    } finally {
      if (!stored) {
        await scoped((db) => releaseKey.run(db, { scope, key }))
      }
    }
  })
}
