import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { notFound } from '../../http/problem.js'
import { isoDate } from '../../lib/clock.js'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What the operator wants to know about the portal's take-up: orders placed
 * through it per account, how long the ERP takes to confirm them (median),
 * and how many accounts use it at all. Operator-only: crosses every tenant.
 */
export async function portalMetrics(
  db: Kysely<Database>,
  now: Date,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const to = range.to ?? isoDate(now)
  const from = range.from ?? isoDate(new Date(now.getTime() - 30 * DAY_MS))
  const start = `${from}T00:00:00.000Z`
  const end = `${to}T23:59:59.999Z`

  const orders = await db
    .selectFrom('accounts')
    .leftJoin('orders', (join) =>
      join
        .onRef('orders.account_id', '=', 'accounts.id')
        .on('orders.placed_at', '>=', start)
        .on('orders.placed_at', '<=', end),
    )
    .select((eb) => [
      'accounts.id as accountId',
      'accounts.name as accountName',
      'accounts.currency',
      eb.fn.count<number>('orders.id').as('orders'),
      eb.fn.coalesce(eb.fn.sum<number>('orders.total'), eb.lit(0)).as('value'),
    ])
    .groupBy(['accounts.id', 'accounts.name', 'accounts.currency'])
    .orderBy('accounts.name')
    .execute()

  const confirmed = await db
    .selectFrom('orders')
    .select(['placed_at', 'confirmed_at'])
    .where('placed_at', '>=', start)
    .where('placed_at', '<=', end)
    .where('confirmed_at', 'is not', null)
    .execute()
  const waits = confirmed
    .map((o) => (Date.parse(o.confirmed_at!) - Date.parse(o.placed_at)) / 1000)
    .filter((s) => s >= 0)
    .sort((a, b) => a - b)
  const median =
    waits.length === 0
      ? null
      : waits.length % 2
        ? waits[(waits.length - 1) / 2]!
        : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2

  const active = await db
    .selectFrom('users')
    .select((eb) => eb.fn.count<number>('account_id').distinct().as('n'))
    .where('last_login_at', '>=', start)
    .where('last_login_at', '<=', end)
    .executeTakeFirstOrThrow()
  const total = orders.length
  const activeAccounts = Number(active.n)
  return {
    period: { from, to },
    ordersByAccount: orders.map((o) => ({
      ...o,
      orders: Number(o.orders),
      value: Number(o.value),
    })),
    medianSecondsToConfirmation: median,
    adoption: { activeAccounts, totalAccounts: total, ratio: total ? activeAccounts / total : 0 },
  }
}

/** Outbox deliveries by state, oldest first — dead letters with the reason they died. */
export async function listOutbox(
  db: Kysely<Database>,
  input: { state: 'pending' | 'dead' | 'delivered'; limit: number },
) {
  const rows = await db
    .selectFrom('outbox_deliveries as d')
    .innerJoin('events as e', 'e.id', 'd.event_id')
    .select([
      'd.event_id',
      'd.consumer',
      'e.type',
      'e.subject_id',
      'd.account_id',
      'd.state',
      'd.attempts',
      'd.last_error',
      'd.next_attempt_at',
      'd.created_at',
      'd.delivered_at',
    ])
    .where('d.state', '=', input.state)
    .orderBy('e.seq')
    .limit(input.limit)
    .execute()
  return {
    data: rows.map((r) => ({
      eventId: r.event_id,
      consumer: r.consumer,
      type: r.type,
      subjectId: r.subject_id,
      accountId: r.account_id,
      state: r.state,
      attempts: Number(r.attempts),
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    })),
  }
}

/** Puts a dead-lettered delivery back in the queue (after the operator fixed the cause). */
export async function retryDelivery(db: Kysely<Database>, eventId: string, now: Date) {
  const result = await db
    .updateTable('outbox_deliveries')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now.toISOString(), claimed_until: null })
    .where('event_id', '=', eventId)
    .where('state', '=', 'dead')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw notFound('dead-lettered delivery')
  const listed = await listOutbox(db, { state: 'pending', limit: 100 })
  return listed.data.find((d) => d.eventId === eventId)!
}
