import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import type { AppEnv } from './env.js'
import { ApiError } from './problem.js'

/**
 * Verifies a Standard Webhooks signature on the raw body, in constant time,
 * refusing timestamps more than 5 minutes off either way. Runs before the
 * body is parsed, so what is verified is exactly what was sent. A sender
 * with no secret configured is refused outright.
 *
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
export function verifyWebhookSignature(secretOf: (c: Context<AppEnv>) => string | undefined) {
  return createMiddleware<AppEnv>(async function webhookSignature(c, next) {
    const secret = secretOf(c)
    if (!secret)
      throw new ApiError(
        401,
        'invalid_signature',
        'No webhook secret is configured for this sender.',
      )
    const raw = await c.req.text()
    try {
      new Webhook(secret).verify(raw, {
        'webhook-id': c.req.header('webhook-id') ?? '',
        'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
        'webhook-signature': c.req.header('webhook-signature') ?? '',
      })
    } catch (error) {
      const detail = error instanceof WebhookVerificationError ? error.message : 'Invalid signature'
      throw new ApiError(401, 'invalid_signature', `The webhook signature is not valid: ${detail}.`)
    }
    await next()
  })
}
