import { z } from '@hono/zod-openapi'
import { MAX_TYPE_PATTERNS, STREAMED_EVENT_NOUNS, TYPE_PATTERNS } from './service.js'

const nouns = Object.keys(STREAMED_EVENT_NOUNS)
  .map((noun) => `\`${noun}\``)
  .join(', ')

export const StreamEventsQuery = z.strictObject({
  types: z
    .string()
    .max(1000)
    .regex(
      TYPE_PATTERNS,
      `Expected up to ${MAX_TYPE_PATTERNS} comma-separated event types of ${nouns}, such as order.shipped or invoice.*`,
    )
    .optional()
    .openapi({
      description:
        `Only these event types: up to ${MAX_TYPE_PATTERNS}, comma-separated, each \`<noun>.<verb>\` or \`<noun>.*\` ` +
        `where the noun is one of ${nouns}. Default: every type your role may read.`,
      example: 'order.shipped,invoice.*',
    }),
  lastEventId: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'Expected the id of a received message')
    .optional()
    .openapi({
      description:
        'Resume after this message `id` — for clients that cannot send the `Last-Event-ID` header, which wins when both are sent.',
      example: '4711',
    }),
})

export const StreamEventsHeaders = z.object({
  'last-event-id': z
    .string()
    .regex(/^[0-9]{0,15}$/, 'Expected the id of a received message')
    .optional()
    .openapi({
      description:
        'Resume after this message `id`: every later event is replayed first, then live ones follow — no gap, no duplicate. Browsers’ EventSource sends it when reconnecting.',
      example: '4711',
    }),
})

export type StreamEventsInput = z.infer<typeof StreamEventsQuery>
