import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely'
import type { Database } from '../src/db/schema.js'
import type { Permission } from '../src/http/permissions.js'
import type { ListInvoicesInput } from '../src/modules/invoices/schemas.js'
import { listInvoices } from '../src/modules/invoices/service.js'
import { parseJsonText } from '../src/lib/json-text.js'

export interface QueryPlan {
  case: string
  sql: string
  plan: string[]
  /** The index the plan searches, if any. */
  index: string | undefined
  usesTempBTree: boolean
  ok: boolean
}

interface PlanCase {
  name: string
  input: Omit<ListInvoicesInput, 'limit'>
  expectedIndex: string
  /** Read from the index alone, never touching the table (the unfiltered list: the bench's pages). */
  covering?: boolean
}

const CASES: PlanCase[] = [
  { name: 'first page', input: {}, expectedIndex: 'invoices_account_issue_idx', covering: true },
  {
    name: 'page after a cursor',
    input: { cursor: '' },
    expectedIndex: 'invoices_account_issue_idx',
    covering: true,
  },
  {
    name: 'status=paid',
    input: { status: 'paid' },
    expectedIndex: 'invoices_account_status_issue_idx',
  },
  {
    name: 'status=paid after a cursor',
    input: { status: 'paid', cursor: '' },
    expectedIndex: 'invoices_account_status_issue_idx',
  },
  {
    name: 'status=open',
    input: { status: 'open' },
    expectedIndex: 'invoices_account_status_issue_idx',
  },
  {
    name: 'status=partially_paid',
    input: { status: 'partially_paid' },
    expectedIndex: 'invoices_account_status_issue_idx',
  },
  {
    name: 'status=partially_paid after a cursor',
    input: { status: 'partially_paid', cursor: '' },
    expectedIndex: 'invoices_account_status_issue_idx',
  },
  {
    name: 'status=overdue',
    input: { status: 'overdue' },
    expectedIndex: 'invoices_account_status_issue_idx',
  },
  {
    name: 'issuedFrom/issuedTo',
    input: { issuedFrom: '2025-01-01', issuedTo: '2025-12-31' },
    expectedIndex: 'invoices_account_issue_idx',
  },
]

/**
 * `EXPLAIN QUERY PLAN` of the exact SQL the invoice list service issues: the
 * service runs against the bench database with a logging Kysely, and each
 * captured statement is explained with its real parameters. A page must be
 * one range scan of the keyset index — no temp B-tree for the ORDER BY.
 */
export async function explainInvoiceList(
  path: string,
  accountId: string,
  limit: number,
  secret = 'bench-query-plan-secret-0123456789abcdef',
): Promise<QueryPlan[]> {
  // Read-write although nothing is written: the last connection to close
  // cleans up the WAL files, so the cached database stays a single file.
  const sqlite = new SQLite(path, { fileMustExist: true })
  const captured: CompiledQuery[] = []
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query)
    },
  })
  const ctx = {
    db,
    accountId,
    userId: 'user_bench',
    permissions: new Set<Permission>(['invoices:read']),
    clock: { now: () => new Date() },
    secret,
  }
  try {
    const plans: QueryPlan[] = []
    for (const planCase of CASES) {
      let input: ListInvoicesInput = { limit, ...planCase.input }
      if (planCase.input.cursor !== undefined) {
        // A real cursor for these filters: the nextCursor of a one-row first
        // page, so a filter that matches fewer rows than a page (few invoices
        // are part-paid and not yet due) still has a position to continue from.
        const first = parseJsonText(
          await listInvoices(ctx, { ...input, limit: 1, cursor: undefined }),
        )
        if (!first.nextCursor) throw new Error(`"${planCase.name}": the list has one page only`)
        input = { ...input, cursor: first.nextCursor }
      }
      captured.length = 0
      await listInvoices(ctx, input)
      const query = captured.at(-1)
      if (!query) throw new Error(`The invoice list issued no query for "${planCase.name}"`)
      const rows = sqlite
        .prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as unknown[])) as Array<{ detail: string }>
      const plan = rows.map((r) => r.detail)
      const index = plan
        .map((line) => /USING (?:COVERING )?INDEX (\w+)/.exec(line)?.[1])
        .find(Boolean)
      const usesTempBTree = plan.some((line) => line.includes('TEMP B-TREE'))
      const covered = plan.some((line) => line.includes(`USING COVERING INDEX ${index}`))
      plans.push({
        case: planCase.name,
        sql: query.sql,
        plan,
        index,
        usesTempBTree,
        ok: index === planCase.expectedIndex && !usesTempBTree && (covered || !planCase.covering),
      })
    }
    return plans
  } finally {
    await db.destroy()
  }
}
