import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition } from '../../http/cursor-position.js'
import type { Permission } from '../../http/permissions.js'
import { encodeCursor } from '../../lib/cursor.js'
import { formatMoney } from '../../lib/money.js'
import type { ActivityItem, ListActivityInput } from '../cases/schemas.js'

type Kind = ActivityItem['kind']

/**
 * The event types each kind of activity is made of, and the permission
 * that shows it: the feed never shows what the caller's role (or embed
 * session) could not read on its own page.
 */
const KINDS: Record<Kind, { types: readonly string[]; permission: Permission }> = {
  order: {
    types: [
      'order.placed',
      'order.confirmed',
      'order.in_production',
      'order.partially_shipped',
      'order.shipped',
      'order.delivered',
      'order.cancelled',
      'order.rejected',
    ],
    permission: 'orders:read',
  },
  payment: { types: ['payment.succeeded', 'payment.failed'], permission: 'payments:read' },
  case: {
    types: ['case.created', 'case.status_changed', 'case.sla_breached'],
    permission: 'cases:read',
  },
  comment: { types: ['case.commented'], permission: 'cases:read' },
}

const KIND_OF = new Map<string, Kind>(
  Object.entries(KINDS).flatMap(([kind, { types }]) => types.map((type) => [type, kind as Kind])),
)

const isPosition = (value: unknown): value is { c: string; s: number } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { c: unknown }).c === 'string' &&
  Number.isSafeInteger((value as { s: unknown }).s)

interface Actor {
  kind: 'customer' | 'agent' | 'system'
  name: string | null
}

/**
 * What happened in the account, newest first: the account's domain events
 * of the activity types, keyset-paginated over (created_at, seq) on
 * events_account_created_idx (one kind: events_account_type_created_idx),
 * with labels and amounts from the orders and payments they are about.
 */
export async function listActivity(ctx: TenantContext, input: ListActivityInput) {
  const kinds = (input.kind ? [input.kind] : (Object.keys(KINDS) as Kind[])).filter((kind) =>
    ctx.permissions.has(KINDS[kind].permission),
  )
  const types = kinds.flatMap((kind) => KINDS[kind].types)
  const filters = JSON.stringify([input.kind ?? null])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isPosition)
  if (types.length === 0) return { data: [], nextCursor: null }
  let query = ctx.db
    .selectFrom('events')
    .select(['seq', 'id', 'type', 'subject_id', 'data', 'created_at'])
    .where('account_id', '=', ctx.accountId)
    .where('type', 'in', types)
  if (after) {
    const { c, s } = after
    query = query.where((eb) => eb(eb.refTuple('created_at', 'seq'), '<', eb.tuple(c, s)))
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)

  const subjects = (prefix: string) => [
    ...new Set(page.flatMap((r) => (r.subject_id?.startsWith(prefix) ? [r.subject_id] : []))),
  ]
  const orderIds = subjects('ord_')
  const paymentIds = subjects('pay_')
  const [orders, payments] = await Promise.all([
    orderIds.length
      ? ctx.db
          .selectFrom('orders as o')
          .leftJoin('users as u', 'u.id', 'o.placed_by')
          .select(['o.id', 'o.number', 'o.total', 'o.currency', 'u.name'])
          .where('o.account_id', '=', ctx.accountId)
          .where('o.id', 'in', orderIds)
          .execute()
      : [],
    paymentIds.length
      ? ctx.db
          .selectFrom('payments as p')
          .leftJoin('users as u', 'u.id', 'p.created_by')
          .select(['p.id', 'p.amount', 'p.currency', 'u.name'])
          .where('p.account_id', '=', ctx.accountId)
          .where('p.id', 'in', paymentIds)
          .execute()
      : [],
  ])
  const orderOf = new Map(orders.map((o) => [o.id, o]))
  const paymentOf = new Map(payments.map((p) => [p.id, p]))

  const data = page.map((row): ActivityItem => {
    const kind = KIND_OF.get(row.type)!
    const event = JSON.parse(row.data) as Record<string, unknown>
    const base = { id: row.id, kind, occurredAt: row.created_at, action: row.type }
    const subjectId = row.subject_id ?? ''
    if (kind === 'order') {
      const order = orderOf.get(subjectId)
      const label = order?.number ?? String(event.number ?? subjectId)
      const verb = row.type.slice('order.'.length).replaceAll('_', ' ')
      const placed = row.type === 'order.placed'
      return {
        ...base,
        subject: { type: 'order', id: subjectId, label },
        actor: placed
          ? { kind: 'customer', name: order?.name ?? null }
          : { kind: 'system', name: null },
        summary: `Order ${label} ${verb}`,
        amount: order ? { value: Number(order.total), currency: order.currency } : null,
      }
    }
    if (kind === 'payment') {
      const payment = paymentOf.get(subjectId)
      const amount = payment ? { value: Number(payment.amount), currency: payment.currency } : null
      const verb = row.type === 'payment.succeeded' ? 'succeeded' : 'failed'
      return {
        ...base,
        subject: { type: 'payment', id: subjectId, label: subjectId },
        actor: { kind: 'customer', name: payment?.name ?? null },
        summary: amount
          ? `Payment of ${formatMoney(amount.value, amount.currency)} ${verb}`
          : `Payment ${verb}`,
        amount,
      }
    }
    const caseId = String(event.caseId ?? subjectId)
    const label = String(event.number ?? caseId)
    const actor = (event.actor as Actor | undefined) ?? { kind: 'system', name: null }
    return {
      ...base,
      subject: { type: 'case', id: caseId, label },
      actor: { kind: actor.kind, name: actor.name ?? null },
      summary: caseSummary(row.type, label, event, actor),
      amount: null,
    }
  })
  const last = page.at(-1)
  return {
    data,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor(ctx.secret, { c: last.created_at, s: Number(last.seq) }, filters)
        : null,
  }
}

function caseSummary(type: string, label: string, event: Record<string, unknown>, actor: Actor) {
  const who = actor.name ?? 'Support'
  switch (type) {
    case 'case.created':
      return `${who} raised ${label}: ${String(event.subject ?? '')}`.slice(0, 300)
    case 'case.commented':
      return `${who} commented on ${label}`
    case 'case.status_changed':
      return `${label} is ${String(event.to ?? '').replaceAll('_', ' ')}`
    default:
      return `${label}: ${event.target === 'resolution' ? 'resolution' : 'first response'} overdue`
  }
}
