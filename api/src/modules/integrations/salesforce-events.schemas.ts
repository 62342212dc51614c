import { z } from '@hono/zod-openapi'

const Instant = z.iso.datetime({ offset: true })
const CaseRef = {
  caseId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ description: "Portico's case ID: the Case's `Portico_Case_Id__c`." }),
}

/**
 * What Salesforce sends when an agent works a case there (a flow or an
 * Apex trigger posting the change): a comment, or a new Case `Status`.
 */
export const SalesforceEventBody = z
  .discriminatedUnion('type', [
    z.strictObject({
      id: z.string().min(1).max(200),
      type: z.literal('case.commented'),
      occurredAt: Instant.openapi({
        description:
          'When the agent wrote the comment (its `CreatedDate`): the thread and the first-response clock take this moment, however late the event arrives.',
      }),
      data: z.strictObject({
        ...CaseRef,
        commentId: z.string().min(1).max(64).openapi({ description: 'The CaseComment Id.' }),
        body: z.string().min(1).max(20_000),
        authorName: z.string().min(1).max(200),
        isPublished: z
          .boolean()
          .openapi({ description: 'Only published comments reach the customer.' }),
      }),
    }),
    z.strictObject({
      id: z.string().min(1).max(200),
      type: z.literal('case.status_changed'),
      occurredAt: Instant,
      data: z.strictObject({
        ...CaseRef,
        status: z
          .string()
          .min(1)
          .max(100)
          .openapi({ description: 'The Case `Status` picklist value.' }),
        authorName: z.string().min(1).max(200),
      }),
    }),
  ])
  .openapi('SalesforceEvent')
export type SalesforceEvent = z.infer<typeof SalesforceEventBody>

export const SalesforceEventResultSchema = z
  .object({
    id: z.string(),
    duplicate: z
      .boolean()
      .openapi({ description: 'True when this event ID was already processed (nothing changed).' }),
    outcome: z.enum(['applied', 'ignored']).openapi({
      description:
        '`ignored`: nothing for the customer to see (an internal comment, a status it already has).',
    }),
  })
  .openapi('SalesforceEventResult')
