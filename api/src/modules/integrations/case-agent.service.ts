import type { Kysely } from 'kysely'
import type { CaseConnector } from '../../connectors/crm/case-connector.js'
import { withPurpose, withTenant } from '../../db/scope.js'
import type { CaseStatus, Database } from '../../db/schema.js'
import { notFound } from '../../http/problem.js'
import type { BusinessHours } from '../../lib/business-hours.js'
import { changeCaseStatus, commentOnCase, type CaseActor } from '../cases/case-changes.js'
import { toCase } from '../cases/case-view.js'
import type { Case, CaseComment } from '../cases/schemas.js'

export interface AgentContext {
  db: Kysely<Database>
  connector: CaseConnector
  businessHours: BusinessHours
  now: Date
}

/**
 * Which account a case an agent acts on belongs to: the one cross-tenant
 * read of these endpoints. Everything after it runs in that account's
 * scope, so the operator key reaches a case only through its own account.
 */
async function accountOfCase(db: Kysely<Database>, caseId: string): Promise<string> {
  const row = await withPurpose(db, 'case-inbound', (db) =>
    db.selectFrom('cases').select('account_id').where('id', '=', caseId).executeTakeFirst(),
  )
  if (!row) throw notFound('case')
  return row.account_id
}

const agent = (name: string): CaseActor => ({ kind: 'agent', name, userId: null })

/** An agent's answer (the first one is the first response: see ../cases/case-changes.ts). */
export async function addAgentComment(
  ctx: AgentContext,
  caseId: string,
  input: { body: string; authorName: string },
): Promise<CaseComment> {
  const accountId = await accountOfCase(ctx.db, caseId)
  return withTenant(ctx.db, accountId, (db) =>
    commentOnCase({ ...ctx, db, accountId }, caseId, agent(input.authorName), input.body),
  )
}

/** An agent moves a case on (see ../cases/transitions.ts for the moves allowed). */
export async function setCaseStatusAsAgent(
  ctx: AgentContext,
  caseId: string,
  input: { status: Exclude<CaseStatus, 'new'>; authorName: string },
): Promise<Case> {
  const accountId = await accountOfCase(ctx.db, caseId)
  return withTenant(ctx.db, accountId, async (db) => {
    const row = await changeCaseStatus(
      { ...ctx, db, accountId },
      caseId,
      agent(input.authorName),
      input.status,
    )
    return toCase(db, row)
  })
}
