import type { Selectable } from 'kysely'
import type { EventsTable } from '../db/schema.js'

/** One committed row of the events table, as streams receive it. */
export interface StoredEvent {
  /** Position in the table; what SSE clients resume from (`Last-Event-ID`). */
  seq: number
  id: string
  accountId: string | null
  type: string
  subjectId: string | null
  /** The JSON payload as stored: parsed once per event, not once per stream. */
  data: string
  createdAt: string
}

/** The columns {@link toStoredEvent} reads. */
export const STORED_EVENT_COLUMNS = [
  'seq',
  'id',
  'account_id',
  'type',
  'subject_id',
  'data',
  'created_at',
] as const

export function toStoredEvent(
  row: Pick<Selectable<EventsTable>, (typeof STORED_EVENT_COLUMNS)[number]>,
): StoredEvent {
  return {
    // bigint columns arrive as strings from some drivers (pg): one number type everywhere.
    seq: Number(row.seq),
    id: row.id,
    accountId: row.account_id,
    type: row.type,
    subjectId: row.subject_id,
    data: row.data,
    createdAt: row.created_at,
  }
}
