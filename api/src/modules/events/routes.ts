import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env.js'
import { access, problems } from '../../http/route.js'
import { tenantOf } from '../../http/tenant.js'
import { validationHook } from '../../http/validation.js'
import { openEventStream } from './event-stream.js'
import { StreamEventsHeaders, StreamEventsQuery } from './schemas.js'
import { accountEventsBetween, eventVisibility } from './service.js'

const streamEventsRoute = createRoute({
  method: 'get',
  path: '/v1/events/stream',
  operationId: 'streamEvents',
  tags: ['Events'],
  summary: "Live updates: the account's events as Server-Sent Events",
  description:
    'A `text/event-stream` of the events of your account that your role may read: `invoice.*` and `payment.*` ' +
    'need `invoices:read`, `order.*` needs `orders:read`, `document.*` needs `documents:read`, `contract.*` needs ' +
    '`contracts:read`; other events are never streamed. Each message carries ' +
    '`id:` (its position, to resume from), `event:` (its type) and one `data:` line of JSON ' +
    '`{ id, type, subjectId, data, createdAt }`. A comment line arrives every 15 s when nothing else does.\n\n' +
    'Resume with `Last-Event-ID` (or `?lastEventId=`): every later event is replayed from the event log, then ' +
    'live ones follow, with no gap and no duplicate. Without it the stream starts now. The server ends a stream ' +
    'after about 5 minutes (and a client that stops reading); reconnect with `Last-Event-ID`, as EventSource ' +
    'and the SDK’s `events.subscribe` do, to go on where you left off.',
  // A stream outlives its handler: each replayed page opens its own tenant scope.
  ...access('events:read', { transaction: false }),
  request: { query: StreamEventsQuery, headers: StreamEventsHeaders },
  responses: {
    200: {
      description: 'The event stream; it stays open, sending events as they happen.',
      content: {
        'text/event-stream': {
          schema: z.string().openapi({
            example:
              'id: 4711\nevent: invoice.created\ndata: {"id":"evt_01jd4h7c2m8x3v9q5t6w2n4k8r","type":"invoice.created","subjectId":"inv_01jd4h7c2m8x3v9q5t6w2n4k8r","data":{"number":"INV-2026-00042"},"createdAt":"2026-11-01T09:30:00.000Z"}\n\n',
          }),
        },
      },
    },
    ...problems(400, 401, 403),
  },
})

export function eventRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(streamEventsRoute, async (c) => {
    const ctx = tenantOf(c)
    const { eventHub, config, logger } = c.get('deps')
    const query = c.req.valid('query')
    const resumeAfter = c.req.valid('header')['last-event-id'] || query.lastEventId
    const body = await openEventStream({
      hub: eventHub,
      accountId: ctx.accountId,
      isVisible: eventVisibility(ctx.permissions, query.types?.split(',')),
      lastEventId: resumeAfter ? Number(resumeAfter) : undefined,
      replay: (range) => accountEventsBetween(ctx, range),
      heartbeatMs: config.eventsHeartbeatMs,
      lifetimeMs: config.eventsStreamMaxSeconds * 1000,
      signal: c.req.raw.signal,
      logger,
    })
    // No proxy buffering (nginx): an event is worth sending the moment it happens.
    return c.body(body, 200, { 'Content-Type': 'text/event-stream', 'X-Accel-Buffering': 'no' })
  })
  return app
}
