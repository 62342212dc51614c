import type { Kysely } from 'kysely'
import { builtInCaseConnector } from '../../connectors/crm/built-in.js'
import { porticoStatus } from '../../connectors/crm/salesforce/case-fields.js'
import { transaction, withPurpose, withTenant } from '../../db/scope.js'
import type { Database } from '../../db/schema.js'
import { notFound } from '../../http/problem.js'
import type { BusinessHours } from '../../lib/business-hours.js'
import { changeCaseStatus, commentOnCase, type CaseActor } from '../cases/case-changes.js'
import type { SalesforceEvent } from './salesforce-events.schemas.js'

export interface SalesforceEventResult {
  duplicate: boolean
  outcome: 'applied' | 'ignored'
}

/**
 * What an agent did in Salesforce, brought into Portico's row of the case,
 * exactly once: the event ID is recorded in the same transaction as the
 * change, so a redelivery is a no-op. The change is already in Salesforce,
 * so it is applied through the built-in store's connector — nothing is
 * written back (which would echo the comment onto the Case a second time).
 */
export async function applySalesforceEvent(
  deps: { db: Kysely<Database>; businessHours: BusinessHours; now: Date },
  event: SalesforceEvent,
): Promise<SalesforceEventResult> {
  const found = await withPurpose(deps.db, 'case-inbound', (db) =>
    db
      .selectFrom('cases')
      .select('account_id')
      .where('id', '=', event.data.caseId)
      .executeTakeFirst(),
  )
  if (!found) throw notFound('case')
  const accountId = found.account_id
  return withTenant(deps.db, accountId, (db) =>
    transaction(db, async (trx) => {
      const recorded = await trx
        .insertInto('inbound_events')
        .values({
          source: 'salesforce',
          event_id: event.id,
          type: event.type,
          received_at: deps.now.toISOString(),
          outcome: 'applied',
        })
        .onConflict((oc) => oc.columns(['source', 'event_id']).doNothing())
        .executeTakeFirst()
      if (Number(recorded.numInsertedOrUpdatedRows ?? 0n) === 0)
        return { duplicate: true, outcome: 'applied' as const }
      const outcome = await apply(
        {
          db: trx,
          accountId,
          connector: builtInCaseConnector,
          businessHours: deps.businessHours,
          now: deps.now,
        },
        event,
      )
      if (outcome === 'ignored')
        await trx
          .updateTable('inbound_events')
          .set({ outcome })
          .where('source', '=', 'salesforce')
          .where('event_id', '=', event.id)
          .execute()
      return { duplicate: false, outcome }
    }),
  )
}

async function apply(
  ctx: Parameters<typeof commentOnCase>[0],
  event: SalesforceEvent,
): Promise<SalesforceEventResult['outcome']> {
  const agent: CaseActor = { kind: 'agent', name: event.data.authorName, userId: null }
  if (event.type === 'case.commented') {
    // An internal note between agents: never the customer's to read.
    if (!event.data.isPublished) return 'ignored'
    await commentOnCase(ctx, event.data.caseId, agent, event.data.body)
    return 'applied'
  }
  const current = await ctx.db
    .selectFrom('cases')
    .select('status')
    .where('id', '=', event.data.caseId)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirstOrThrow()
  const to = porticoStatus(event.data.status)
  if (to === current.status || to === 'new') return 'ignored'
  await changeCaseStatus(ctx, event.data.caseId, agent, to)
  return 'applied'
}
