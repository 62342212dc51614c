import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'

/**
 * The invoice list read from its index alone, again.
 *
 * Two things had made every page visit the table, one row at a time (~50
 * scattered table pages per page of invoices):
 *
 * - The day's status (`partially_paid`) came to read `amount_paid`, which the
 *   keyset index did not carry.
 * - On SQLite, a generated column is never covered by an index: the planner
 *   counts every column it derives from as read (a VIRTUAL one it even
 *   recomputes from the row, `json_object` per invoice per request).
 *
 * So `summary` becomes the list item itself, status included — the status a
 * row gives by itself (`open`, `partially_paid`, `paid`, `void`); only
 * "overdue", which depends on the day, is put in when the list is read — and
 * both keyset indexes, the list's and the status filters', carry it with
 * `due_date` and `amount_paid`: every page of every filter is one range of
 * one index.
 *
 * - SQLite: the indexes hold the summary's expression itself (an index on an
 *   expression covers a query that selects that same expression, and hands
 *   its stored value back without evaluating it). `summary` stays a VIRTUAL
 *   column of the same expression, for reads of one invoice. The list
 *   selects the expression verbatim (modules/invoices/summary-sql.ts): the
 *   plan tests fail the day the two differ.
 * - PostgreSQL: still a STORED generated column (an index does cover those),
 *   rebuilt with the status; the indexes INCLUDE it with `amount_paid`.
 *
 * The bytes a list sends do not change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invoices_account_issue_idx').execute()
  await db.schema.dropIndex('invoices_account_status_issue_idx').execute()
  if (isPostgres(db)) {
    await sql`alter table invoices drop column summary`.execute(db)
    await sql`drop function invoice_summary_json(text, text, text, text, text, bigint, bigint, bigint, bigint, bigint, text)`.execute(
      db,
    )
    await sql`
      create function invoice_summary_json(
        status text, id text, number text, currency text, issue_date text, due_date text,
        subtotal bigint, tax_total bigint, total bigint, amount_paid bigint,
        amount_due bigint, po_number text
      ) returns text language sql immutable parallel safe as $$
        select row_to_json(r)::text from (select
          $1 as "status", $2 as "id", $3 as "number", $4 as "currency", $5 as "issueDate",
          $6 as "dueDate", $7 as "subtotal", $8 as "taxTotal", $9 as "total",
          $10 as "amountPaid", $11 as "amountDue", $12 as "poNumber") r
      $$`.execute(db)
    await sql`
      alter table invoices add column summary text generated always as (
        invoice_summary_json(
          case when status = 'open' and amount_paid > 0 then 'partially_paid' else status end,
          id, number, currency, issue_date, due_date, subtotal, tax_total, total, amount_paid,
          case when status = 'void' then 0 else total - amount_paid end, po_number
        )
      ) stored`.execute(db)
    await sql`
      create index invoices_account_issue_idx on invoices
        (account_id, issue_date desc, id desc) include (status, due_date, amount_paid, summary)`.execute(
      db,
    )
    await sql`
      create index invoices_account_status_issue_idx on invoices
        (account_id, status, issue_date desc, id desc) include (due_date, amount_paid, summary)`.execute(
      db,
    )
    return
  }

  await db.schema.alterTable('invoices').dropColumn('summary').execute()
  await sql`alter table invoices add column summary text generated always as (${SQLITE_SUMMARY}) virtual`.execute(
    db,
  )
  await sql`
    create index invoices_account_issue_idx on invoices
      (account_id, issue_date desc, id desc, status, due_date, amount_paid, ${SQLITE_SUMMARY})`.execute(
    db,
  )
  await sql`
    create index invoices_account_status_issue_idx on invoices
      (account_id, status, issue_date desc, id desc, due_date, amount_paid, ${SQLITE_SUMMARY})`.execute(
    db,
  )
}

/** An invoice's summary as SQLite writes it: the same bytes as PostgreSQL's `invoice_summary_json`. */
const SQLITE_SUMMARY = sql.raw(`json_object(
  'status', case when status = 'open' and amount_paid > 0 then 'partially_paid' else status end,
  'id', id, 'number', number, 'currency', currency, 'issueDate', issue_date,
  'dueDate', due_date, 'subtotal', subtotal, 'taxTotal', tax_total, 'total', total,
  'amountPaid', amount_paid,
  'amountDue', case when status = 'void' then 0 else total - amount_paid end,
  'poNumber', po_number
)`)

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invoices_account_issue_idx').execute()
  await db.schema.dropIndex('invoices_account_status_issue_idx').execute()
  await db.schema
    .createIndex('invoices_account_status_issue_idx')
    .on('invoices')
    .columns(['account_id', 'status', 'issue_date desc', 'id desc'])
    .execute()
  if (isPostgres(db)) {
    await sql`alter table invoices drop column summary`.execute(db)
    await sql`drop function invoice_summary_json(text, text, text, text, text, text, bigint, bigint, bigint, bigint, bigint, text)`.execute(
      db,
    )
    await sql`
      create function invoice_summary_json(
        id text, number text, currency text, issue_date text, due_date text,
        subtotal bigint, tax_total bigint, total bigint, amount_paid bigint,
        amount_due bigint, po_number text
      ) returns text language sql immutable parallel safe as $$
        select row_to_json(r)::text from (select
          $1 as "id", $2 as "number", $3 as "currency", $4 as "issueDate", $5 as "dueDate",
          $6 as "subtotal", $7 as "taxTotal", $8 as "total", $9 as "amountPaid",
          $10 as "amountDue", $11 as "poNumber") r
      $$`.execute(db)
    await sql`
      alter table invoices add column summary text generated always as (
        invoice_summary_json(
          id, number, currency, issue_date, due_date, subtotal, tax_total, total, amount_paid,
          case when status = 'void' then 0 else total - amount_paid end, po_number
        )
      ) stored`.execute(db)
    await sql`
      create index invoices_account_issue_idx on invoices
        (account_id, issue_date desc, id desc) include (status, due_date, summary)`.execute(db)
    return
  }
  await db.schema.alterTable('invoices').dropColumn('summary').execute()
  await sql`
    alter table invoices add column summary text generated always as (
      json_object(
        'id', id, 'number', number, 'currency', currency, 'issueDate', issue_date,
        'dueDate', due_date, 'subtotal', subtotal, 'taxTotal', tax_total, 'total', total,
        'amountPaid', amount_paid,
        'amountDue', case when status = 'void' then 0 else total - amount_paid end,
        'poNumber', po_number
      )
    ) virtual`.execute(db)
  await db.schema
    .createIndex('invoices_account_issue_idx')
    .on('invoices')
    .columns(['account_id', 'issue_date desc', 'id desc', 'status', 'due_date', 'summary'])
    .execute()
}
