import type {
  CaseConnector,
  CaseConnectorContext,
  CasePriorityValue,
  CaseRef,
  CaseSnapshot,
  CaseStatusValue,
} from './case-connector.js'

/**
 * The built-in store: cases live in Portico's own tables and nowhere else,
 * and agents answer them through the operator endpoints
 * (`/v1/integrations/cases/…`). The service's row *is* the record, so every
 * write is in the system of record the moment it commits: always `synced`,
 * never anything to deliver later.
 */
export const builtInCaseConnector: CaseConnector = {
  name: 'builtin',

  createCase: async () => ({ state: 'synced', externalId: null }),
  addComment: async () => ({ state: 'synced', externalId: null }),
  changeStatus: async () => ({ state: 'synced', externalId: null }),
  addAttachment: async () => ({ state: 'synced', externalId: null }),

  async listCases(ctx, query) {
    let rows = ctx.db
      .selectFrom('cases')
      .select(['id', 'external_id', 'status', 'priority', 'subject', 'description', 'updated_at'])
      .where('account_id', '=', query.accountId)
    if (query.updatedSince) rows = rows.where('updated_at', '>', query.updatedSince)
    const found = await rows.orderBy('updated_at').orderBy('id').limit(query.limit).execute()
    return found.map(toSnapshot)
  },

  // Agents answer through Portico's own endpoints: no comment is ever made elsewhere.
  listComments: async () => [],

  async getCase(ctx: CaseConnectorContext, ref: CaseRef) {
    const row = await ctx.db
      .selectFrom('cases')
      .select(['id', 'external_id', 'status', 'priority', 'subject', 'description', 'updated_at'])
      .where('account_id', '=', ctx.accountId)
      .where('id', '=', ref.caseId)
      .executeTakeFirst()
    return row && toSnapshot(row)
  },

  // Never called: no write of the built-in store is ever only `accepted`.
  // Answering with what the store holds keeps a stray delivery harmless.
  async deliver(ctx, event) {
    const snapshot = await this.getCase(ctx, { caseId: event.subjectId, externalId: null })
    return { externalId: snapshot?.externalId ?? null }
  },
}

function toSnapshot(row: {
  id: string
  external_id: string | null
  status: CaseStatusValue
  priority: CasePriorityValue
  subject: string
  description: string
  updated_at: string
}): CaseSnapshot {
  return {
    caseId: row.id,
    externalId: row.external_id,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    description: row.description,
    updatedAt: row.updated_at,
  }
}
