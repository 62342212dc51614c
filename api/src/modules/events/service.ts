import { withTenant } from '../../db/scope.js'
import type { TenantContext } from '../../db/tenant.js'
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent } from '../../events/stored-event.js'
import type { Permission } from '../../http/permissions.js'

/**
 * Which permission lets a user see each kind of event, by the noun of its
 * type (`invoice.paid` → `invoice`). The only list of what is streamed: a
 * type whose noun is not here (`session.created`, `embed_session.created`)
 * never leaves the server.
 * (`invoice.pdf_downloaded` and `document.downloaded` carry only the
 * document and the user; the address and user agent stay in the audit log.)
 */
export const STREAMED_EVENT_NOUNS = {
  invoice: 'invoices:read',
  order: 'orders:read',
  payment: 'payments:read',
  document: 'documents:read',
  contract: 'contracts:read',
  case: 'cases:read',
} as const satisfies Record<string, Permission>

export type StreamedNoun = keyof typeof STREAMED_EVENT_NOUNS

/** Most type patterns one stream may filter on. */
export const MAX_TYPE_PATTERNS = 20

const NOUNS = Object.keys(STREAMED_EVENT_NOUNS).join('|')
const ONE_PATTERN = `(${NOUNS})\\.([a-z][a-z_]{0,39}|\\*)`

/** `order.shipped` or `order.*`, comma-separated, at most {@link MAX_TYPE_PATTERNS}. */
export const TYPE_PATTERNS = new RegExp(
  `^${ONE_PATTERN}(,${ONE_PATTERN}){0,${MAX_TYPE_PATTERNS - 1}}$`,
)

function nounOf(type: string): string {
  const dot = type.indexOf('.')
  return dot < 0 ? type : type.slice(0, dot)
}

/**
 * Whether an event of `type` may go to a stream: its noun is streamed, the
 * caller holds the permission it needs, and it matches one of `patterns`
 * (every visible type when none are given).
 */
export function eventVisibility(
  permissions: ReadonlySet<Permission>,
  patterns: readonly string[] | undefined,
): (type: string) => boolean {
  const readable = new Set(
    Object.entries(STREAMED_EVENT_NOUNS)
      .filter(([, permission]) => permissions.has(permission))
      .map(([noun]) => noun),
  )
  const exact = new Set(patterns?.filter((p) => !p.endsWith('.*')))
  const nouns = new Set(patterns?.filter((p) => p.endsWith('.*')).map((p) => p.slice(0, -2)))
  return function isVisible(type) {
    const noun = nounOf(type)
    if (!readable.has(noun)) return false
    return !patterns || exact.has(type) || nouns.has(noun)
  }
}

/**
 * The account's events with `after < seq ≤ upTo`, in seq order, a page at a
 * time — what a resuming stream replays before it goes live. Each page is a
 * range scan of events_account_seq_idx, in a tenant scope of its own: a
 * stream replays long after the request that opened it has finished.
 */
export async function* accountEventsBetween(
  ctx: Pick<TenantContext, 'db' | 'accountId'>,
  range: { after: number; upTo: number },
  pageSize = 500,
): AsyncGenerator<StoredEvent[], void, undefined> {
  let position = range.after
  while (position < range.upTo) {
    const after = position
    const rows = await withTenant(ctx.db, ctx.accountId, (db) =>
      db
        .selectFrom('events')
        .select(STORED_EVENT_COLUMNS)
        .where('account_id', '=', ctx.accountId)
        .where('seq', '>', after)
        .where('seq', '<=', range.upTo)
        .orderBy('seq')
        .limit(pageSize)
        .execute(),
    )
    if (rows.length === 0) return
    const page = rows.map(toStoredEvent)
    yield page
    position = page[page.length - 1]!.seq
  }
}
