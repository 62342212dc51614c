import type { Kysely } from 'kysely'
import { appendEvent } from '../db/events.js'
import type { Database } from '../db/schema.js'
import { isoDate, type Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import { daysBefore } from '../modules/contracts/service.js'
import { notifyAccount } from '../modules/notifications/service.js'
import { transaction, withPurpose, withTenant } from '../db/scope.js'

/** Days before a renewal date at which the account is reminded, nearest last. */
export const REMINDER_THRESHOLDS = [60, 30, 7] as const

const DAY_MS = 24 * 60 * 60 * 1000

/** Whole days from `today` to `date` (both `YYYY-MM-DD`). */
function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
}

/**
 * The reminder a contract is due today: the nearest threshold it has come
 * within (20 days out → the 30-day reminder). A reminder missed while the
 * job was not running is not sent late on top of a nearer one: the customer
 * gets the one that matters now.
 */
export function dueThreshold(days: number): number | undefined {
  if (days < 0) return undefined
  return [...REMINDER_THRESHOLDS].sort((a, b) => a - b).find((t) => days <= t)
}

/**
 * Sends the renewal reminders due today: for each active contract renewing
 * within 60 days, a `contract.renewal_reminder` event and an in-app
 * notification, in one transaction with the row in
 * contract_renewal_reminders whose primary key (contract, renewal date,
 * threshold) lets only one of any number of racing processes write them —
 * never twice for the same contract, term and threshold. Returns how many it sent.
 */
export async function sendRenewalReminders(deps: { db: Kysely<Database>; clock: Clock }) {
  const now = deps.clock.now()
  const today = isoDate(now)
  const horizon = isoDate(new Date(now.getTime() + Math.max(...REMINDER_THRESHOLDS) * DAY_MS))
  // Every account's contracts: the one cross-tenant read of the job.
  const due = await withPurpose(deps.db, 'renewals', (db) =>
    db
      .selectFrom('contracts')
      .select([
        'id',
        'account_id',
        'number',
        'title',
        'renewal_date',
        'auto_renew',
        'notice_period_days',
      ])
      .where('status', '=', 'active')
      .where('renewal_date', '>=', today)
      .where('renewal_date', '<=', horizon)
      .orderBy('renewal_date')
      .execute(),
  )

  let sent = 0
  for (const contract of due) {
    const days = daysUntil(today, contract.renewal_date)
    const threshold = dueThreshold(days)
    if (threshold === undefined) continue
    const autoRenew = Boolean(contract.auto_renew)
    const noticeDeadline = daysBefore(contract.renewal_date, Number(contract.notice_period_days))
    const wrote = await withTenant(deps.db, contract.account_id, (db) =>
      transaction(db, async (trx) => {
        const claimed = await trx
          .insertInto('contract_renewal_reminders')
          .values({
            contract_id: contract.id,
            renewal_date: contract.renewal_date,
            threshold_days: threshold,
            account_id: contract.account_id,
            event_id: '',
            created_at: now.toISOString(),
          })
          .onConflict((oc) =>
            oc.columns(['contract_id', 'renewal_date', 'threshold_days']).doNothing(),
          )
          .executeTakeFirst()
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return false
        const eventId = await appendEvent(trx, {
          accountId: contract.account_id,
          type: 'contract.renewal_reminder',
          subjectId: contract.id,
          data: {
            contractId: contract.id,
            number: contract.number,
            renewalDate: contract.renewal_date,
            thresholdDays: threshold,
            daysUntilRenewal: days,
            autoRenew,
            noticeDeadline,
          },
          now,
        })
        await trx
          .updateTable('contract_renewal_reminders')
          .set({ event_id: eventId })
          .where('contract_id', '=', contract.id)
          .where('renewal_date', '=', contract.renewal_date)
          .where('threshold_days', '=', threshold)
          .execute()
        await notifyAccount(trx, {
          accountId: contract.account_id,
          type: 'contract.renewal_reminder',
          title: `${contract.number} ${autoRenew ? 'renews' : 'ends'} in ${days} days`,
          body:
            `${contract.title} ${autoRenew ? 'renews automatically' : 'ends'} on ${contract.renewal_date}. ` +
            (noticeDeadline >= today
              ? `Notice must be given by ${noticeDeadline}.`
              : `The notice period ended on ${noticeDeadline}.`),
          subjectId: contract.id,
          permission: 'contracts:read',
          now,
        })
        return true
      }),
    )
    if (wrote) sent++
  }
  return sent
}

/** Runs the reminders now and then every `everyMs` (default: hourly), like housekeeping. */
export function startRenewalReminders(
  deps: { db: Kysely<Database>; clock: Clock; logger: Logger },
  everyMs = 60 * 60 * 1000,
) {
  const run = () =>
    sendRenewalReminders(deps).then(
      (sent) => {
        if (sent > 0) deps.logger.info('renewal reminders sent', { sent })
      },
      (error: unknown) => deps.logger.error('renewal reminders failed', { error }),
    )
  void run()
  const timer = setInterval(() => void run(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
