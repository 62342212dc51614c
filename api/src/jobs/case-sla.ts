import type { Kysely } from 'kysely'
import { appendEvent } from '../db/events.js'
import { transaction, withPurpose, withTenant } from '../db/scope.js'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { notifyAccount } from '../modules/notifications/service.js'

type Target = 'first_response' | 'resolution'

const COLUMNS = {
  first_response: {
    due: 'first_response_due_at',
    met: 'first_responded_at',
    breached: 'first_response_breached_at',
  },
  resolution: { due: 'resolution_due_at', met: 'resolved_at', breached: 'resolution_breached_at' },
} as const

const TITLES: Record<Target, string> = {
  first_response: 'first response overdue',
  resolution: 'resolution overdue',
}

/**
 * Marks the SLA targets that ran out: for each case whose first response or
 * resolution is past due and not met, `case.sla_breached` and an in-app
 * notification, in one transaction with the `…_breached_at` stamp. The stamp
 * is set by a conditional update (`… where breached_at is null`), so of any
 * number of racing processes exactly one writes — once per case and target.
 * A closed case's clocks have stopped. A paused resolution clock (the case
 * waits on the customer) is never breached: it is left out of the scan and
 * of the claim, so a pause that begins between the two still holds; when it
 * resumes, its due time has moved on by the paused time (see
 * ../modules/cases/sla.ts). Returns how many breaches it marked.
 */
export async function markSlaBreaches(deps: { db: Kysely<Database>; clock: Clock }) {
  const now = deps.clock.now()
  const at = now.toISOString()
  let marked = 0
  for (const target of ['first_response', 'resolution'] as const) {
    const column = COLUMNS[target]
    // Every account's running clocks: the one cross-tenant read of the job,
    // on the partial index of the clocks still running.
    const due = await withPurpose(deps.db, 'sla', (db) =>
      db
        .selectFrom('cases')
        .select(['id', 'account_id', 'number', 'subject', column.due])
        .where(column.due, '<=', at)
        .where(column.met, 'is', null)
        .where(column.breached, 'is', null)
        .where('status', 'not in', ['resolved', 'closed'])
        .$if(target === 'resolution', (q) => q.where('resolution_paused_at', 'is', null))
        .orderBy(column.due)
        .limit(500)
        .execute(),
    )
    for (const row of due) {
      const wrote = await withTenant(deps.db, row.account_id, (db) =>
        transaction(db, async (trx) => {
          const dueAt = (row as Record<string, unknown>)[column.due] as string
          const claimed = await trx
            .updateTable('cases')
            .set({ [column.breached]: at })
            .where('id', '=', row.id)
            .where('account_id', '=', row.account_id)
            .where(column.breached, 'is', null)
            .where(column.met, 'is', null)
            // The due time as read: a clock paused and resumed since has a later one.
            .where(column.due, '=', dueAt)
            .$if(target === 'resolution', (q) => q.where('resolution_paused_at', 'is', null))
            .executeTakeFirst()
          if (Number(claimed.numUpdatedRows) === 0) return false
          await notifyAccount(trx, {
            accountId: row.account_id,
            type: 'case.sla_breached',
            title: `${row.number}: ${TITLES[target]}`,
            body: `“${row.subject}” was due by ${dueAt}. The support team has been alerted.`,
            subjectId: row.id,
            permission: 'cases:read',
            now,
          })
          await appendEvent(trx, {
            accountId: row.account_id,
            type: 'case.sla_breached',
            subjectId: row.id,
            data: { caseId: row.id, number: row.number, target, dueAt },
            now,
          })
          return true
        }),
      )
      if (wrote) marked++
    }
  }
  return marked
}

/** Runs the check now and then every `everyMs`, like the renewal reminders. */
export function startCaseSla(
  deps: { db: Kysely<Database>; clock: Clock; logger: Logger },
  everyMs: number,
) {
  const run = () =>
    markSlaBreaches(deps).then(
      (marked) => {
        if (marked > 0) deps.logger.info('case SLA breaches marked', { marked })
      },
      (error: unknown) => deps.logger.error('case SLA check failed', { error }),
    )
  void run()
  const timer = setInterval(() => void run(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
