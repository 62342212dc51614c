import { createHash } from 'node:crypto'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.js'
import { ApiError, invalidField } from './problem.js'

/** Keys are kept 24 hours (the IETF draft's recommended floor; Stripe's too). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

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
    const { db, clock } = c.var.deps
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
      request_hash: requestHash,
      state: 'in_flight' as const,
      response_status: null,
      response_body: null,
      response_content_type: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    }
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ scope, key, ...inFlight })
      .onConflict((oc) =>
        // An expired record is taken over as if it never existed.
        oc
          .columns(['scope', 'key'])
          .doUpdateSet(inFlight)
          .where('idempotency_keys.expires_at', '<=', now.toISOString()),
      )
      .executeTakeFirst()

    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const existing = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
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
    try {
      await next()
      const status = c.res.status
      if (!c.get('validationFailed') && status < 500) {
        await db
          .updateTable('idempotency_keys')
          .set({
            state: 'completed',
            response_status: status,
            response_body: await c.res.clone().text(),
            response_content_type: c.res.headers.get('content-type'),
          })
          .where('scope', '=', scope)
          .where('key', '=', key)
          .execute()
        stored = true
      }
    } finally {
      if (!stored) {
        await db
          .deleteFrom('idempotency_keys')
          .where('scope', '=', scope)
          .where('key', '=', key)
          .execute()
      }
    }
  })
}
