import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { TenantContext } from '../../db/tenant.js'
import { cursorPosition, isKeyPosition } from '../../http/cursor-position.js'
import { keysetPage } from '../../http/list.js'
import type { Permission } from '../../http/permissions.js'
import { notFound } from '../../http/problem.js'
import { newId } from '../../lib/ids.js'
import type { ListNotificationsInput, Notification, NotificationList } from './schemas.js'

export interface NewNotification {
  accountId: string
  type: string
  title: string
  body: string
  subjectId: string | null
  /** Only users holding it see the notification (a contract reminder: `contracts:read`). */
  permission: Permission
  now: Date
}

/** Posts an in-app notification to an account; call it in the transaction of what it announces. */
export async function notifyAccount(
  trx: Transaction<Database> | Kysely<Database>,
  notification: NewNotification,
): Promise<string> {
  const id = newId('ntf', notification.now.getTime())
  await trx
    .insertInto('notifications')
    .values({
      id,
      account_id: notification.accountId,
      type: notification.type,
      title: notification.title,
      body: notification.body,
      subject_id: notification.subjectId,
      permission: notification.permission,
      created_at: notification.now.toISOString(),
    })
    .execute()
  return id
}

function visibleTo(ctx: TenantContext) {
  const permissions = [...ctx.permissions]
  return ctx.db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', ctx.userId),
    )
    .select(['n.id', 'n.type', 'n.title', 'n.body', 'n.subject_id', 'n.created_at', 'r.read_at'])
    .where('n.account_id', '=', ctx.accountId)
    .where('n.permission', 'in', permissions.length ? permissions : [''])
}

type Row = Awaited<ReturnType<ReturnType<typeof visibleTo>['execute']>>[number]

function toNotification(row: Row): Notification {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    subjectId: row.subject_id,
    createdAt: row.created_at,
    readAt: row.read_at ?? null,
  }
}

/** The caller's notifications (those their permissions let them see), newest first, with their read state. */
export async function listNotifications(
  ctx: TenantContext,
  input: ListNotificationsInput,
): Promise<NotificationList> {
  const filters = JSON.stringify([input.unread ?? null])
  const after = cursorPosition(ctx.secret, input.cursor, filters, isKeyPosition)
  let query = visibleTo(ctx)
  if (input.unread === 'true') query = query.where('r.read_at', 'is', null)
  if (input.unread === 'false') query = query.where('r.read_at', 'is not', null)
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('n.created_at', 'n.id'), '<', eb.tuple(after.k, after.i)),
    )
  const rows = await query
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(rows, input.limit, {
    secret: ctx.secret,
    filters,
    positionOf: (row) => ({ k: row.created_at, i: row.id }),
  })
  return { data: page.map(toNotification), nextCursor }
}

/** Marks a notification read for the caller; marking it again keeps the first time. */
export async function markNotificationRead(ctx: TenantContext, id: string): Promise<Notification> {
  const row = await visibleTo(ctx).where('n.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('notification')
  if (!row.read_at) {
    const readAt = ctx.clock.now().toISOString()
    await ctx.db
      .insertInto('notification_reads')
      .values({
        notification_id: id,
        user_id: ctx.userId,
        account_id: ctx.accountId,
        read_at: readAt,
      })
      .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
      .execute()
    const reread = await visibleTo(ctx).where('n.id', '=', id).executeTakeFirstOrThrow()
    return toNotification(reread)
  }
  return toNotification(row)
}
