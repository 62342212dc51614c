import type { Transaction } from 'kysely'
import { appendEvent } from '../db/events.js'
import type { CaseCategory, CasePriority, CaseStatus, Database } from '../db/schema.js'
import { newId } from '../lib/ids.js'
import { drawCaseNumber } from '../modules/cases/case-number.js'
import { slaDueTimes, type SlaSettings } from '../modules/cases/sla.js'

const HOUR_MS = 60 * 60 * 1000

interface DemoCase {
  subject: string
  description: string
  category: CaseCategory
  priority: CasePriority
  status: CaseStatus
  details: Record<string, string>
  /** Hours before now the case was raised. */
  raisedHoursAgo: number
  about: 'order' | 'invoice' | null
  /** The thread after the case was raised: who, what, hours after raising. */
  thread: Array<{ by: 'customer' | 'agent'; body: string; after: number }>
}

const AGENT = 'Portico Support (Dewi)'

/**
 * The support cases every demo account starts with: one still being
 * worked on, one waiting on the customer, one resolved — each with a
 * thread, so the case pages and the activity feed show something from the
 * first minute. Kept in the built-in store (`synced`).
 */
const DEMO_CASES: DemoCase[] = [
  {
    subject: 'Where is my delivery?',
    description:
      'The order was confirmed for delivery this week but the tracking shows no movement.',
    category: 'delivery',
    priority: 'high',
    status: 'open',
    details: { deliveryNumber: 'DO-PENDING' },
    raisedHoursAgo: 20,
    about: 'order',
    thread: [
      {
        by: 'agent',
        body: 'Thank you — we are checking with the carrier and will update you today.',
        after: 2,
      },
      { by: 'customer', body: 'Thanks, our production line needs it by Friday.', after: 3 },
    ],
  },
  {
    subject: 'This batch arrived damaged',
    description:
      'Two cartons of the last delivery were crushed and the bearings inside are dented.',
    category: 'quality',
    priority: 'urgent',
    status: 'waiting_on_customer',
    details: { batchNumber: 'B-2026-118', quantityAffected: '12', rmaRequested: 'true' },
    raisedHoursAgo: 50,
    about: 'order',
    thread: [
      {
        by: 'agent',
        body: 'We are sorry. Could you send photos of the cartons and labels so we can open the RMA?',
        after: 1,
      },
    ],
  },
  {
    subject: 'Please send the certificate of analysis',
    description: 'Our quality department needs the certificate for the last invoice’s batch.',
    category: 'question',
    priority: 'normal',
    status: 'resolved',
    details: {},
    raisedHoursAgo: 24 * 9,
    about: 'invoice',
    thread: [
      { by: 'agent', body: 'The certificate is now in your documents.', after: 5 },
      { by: 'customer', body: 'Received, thank you.', after: 7 },
    ],
  },
]

export async function seedDemoCases(
  trx: Transaction<Database>,
  input: { accountId: string; userId: string; userName: string; now: Date; sla: SlaSettings },
) {
  const { accountId, now } = input
  const order = await trx
    .selectFrom('orders')
    .select('id')
    .where('account_id', '=', accountId)
    .orderBy('placed_at', 'desc')
    .executeTakeFirst()
  const invoice = await trx
    .selectFrom('invoices')
    .select('id')
    .where('account_id', '=', accountId)
    .orderBy('issue_date', 'desc')
    .executeTakeFirst()
  // Oldest first, so the numbers count up with time.
  for (const demo of [...DEMO_CASES].sort((a, b) => b.raisedHoursAgo - a.raisedHoursAgo)) {
    const raised = new Date(now.getTime() - demo.raisedHoursAgo * HOUR_MS)
    const id = newId('case', raised.getTime())
    const number = await drawCaseNumber(trx, accountId, raised)
    const due = slaDueTimes(input.sla, demo.priority, raised)
    const answered = demo.thread.find((c) => c.by === 'agent')
    const last = new Date(raised.getTime() + (demo.thread.at(-1)?.after ?? 0) * HOUR_MS)
    await trx
      .insertInto('cases')
      .values({
        id,
        account_id: accountId,
        number,
        subject: demo.subject,
        description: demo.description,
        category: demo.category,
        priority: demo.priority,
        status: demo.status,
        order_id: demo.about === 'order' ? (order?.id ?? null) : null,
        invoice_id: demo.about === 'invoice' ? (invoice?.id ?? null) : null,
        product_id: null,
        document_id: null,
        details: JSON.stringify(demo.details),
        created_by: input.userId,
        connector: 'builtin',
        external_id: null,
        sync_status: 'synced',
        comment_count: demo.thread.length,
        first_response_due_at: due.firstResponseDueAt,
        resolution_due_at: due.resolutionDueAt,
        first_responded_at: answered
          ? new Date(raised.getTime() + answered.after * HOUR_MS).toISOString()
          : null,
        first_response_breached_at: null,
        resolution_breached_at: null,
        // Waiting since the agent's question, the last of its thread: the clock stood still since.
        resolution_paused_at: demo.status === 'waiting_on_customer' ? last.toISOString() : null,
        resolution_paused_seconds: 0,
        resolved_at: demo.status === 'resolved' ? last.toISOString() : null,
        closed_at: null,
        created_at: raised.toISOString(),
        updated_at: last.toISOString(),
      })
      .execute()
    await appendEvent(trx, {
      accountId,
      type: 'case.created',
      subjectId: id,
      data: {
        caseId: id,
        number,
        subject: demo.subject,
        category: demo.category,
        priority: demo.priority,
        actor: { kind: 'customer', name: input.userName },
      },
      now: raised,
    })
    for (const comment of demo.thread) {
      const at = new Date(raised.getTime() + comment.after * HOUR_MS)
      const commentId = newId('cmt', at.getTime())
      const author = comment.by === 'agent' ? AGENT : input.userName
      await trx
        .insertInto('case_comments')
        .values({
          id: commentId,
          case_id: id,
          account_id: accountId,
          body: comment.body,
          author_kind: comment.by,
          author_name: author,
          author_user_id: comment.by === 'customer' ? input.userId : null,
          created_at: at.toISOString(),
        })
        .execute()
      await appendEvent(trx, {
        accountId,
        type: 'case.commented',
        subjectId: id,
        data: { caseId: id, number, commentId, actor: { kind: comment.by, name: author } },
        now: at,
      })
    }
  }
}
