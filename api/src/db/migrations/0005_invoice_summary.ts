import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'

/**
 * `invoices.summary`: the invoice as the API lists it, as JSON text,
 * computed by the database from the row itself — every field of an
 * `InvoiceSummary` but `status`, which depends on the day (an open invoice
 * past its due date is overdue) and is added when the list is read.
 *
 * A generated column cannot drift from the row: whoever writes an invoice
 * (the seed, the ERP sync, a payment) writes only the row. The keyset index
 * of the list carries it, so a page of invoices is one contiguous range of
 * the index, read without touching the table and without building a single
 * JSON value per request — a quarter of the cost of serialising the columns
 * on every read.
 *
 * SQLite: a VIRTUAL column (ALTER TABLE cannot add a STORED one) whose value
 * the index stores. PostgreSQL: a STORED column; generation expressions must
 * be immutable and `json_build_object` is only marked stable (for input
 * types whose text form depends on settings, like timestamps), so it is
 * wrapped in a function of text and bigint arguments, for which it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function invoice_summary_json(
        id text, number text, currency text, issue_date text, due_date text,
        subtotal bigint, tax_total bigint, total bigint, amount_paid bigint,
        amount_due bigint, po_number text
      ) returns text language sql immutable parallel safe as $$
        select json_build_object(
          'id', id, 'number', number, 'currency', currency, 'issueDate', issue_date,
          'dueDate', due_date, 'subtotal', subtotal, 'taxTotal', tax_total, 'total', total,
          'amountPaid', amount_paid, 'amountDue', amount_due, 'poNumber', po_number
        )::text
      $$`.execute(db)
    await sql`
      alter table invoices add column summary text generated always as (
        invoice_summary_json(
          id, number, currency, issue_date, due_date, subtotal, tax_total, total, amount_paid,
          case when status = 'void' then 0 else total - amount_paid end, po_number
        )
      ) stored`.execute(db)
  } else {
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
  }

  // The list's keyset index, now covering: status and due_date give the
  // day's status, summary the rest.
  await db.schema.dropIndex('invoices_account_issue_idx').execute()
  if (isPostgres(db)) {
    await sql`
      create index invoices_account_issue_idx on invoices
        (account_id, issue_date desc, id desc) include (status, due_date, summary)`.execute(db)
  } else {
    await db.schema
      .createIndex('invoices_account_issue_idx')
      .on('invoices')
      .columns(['account_id', 'issue_date desc', 'id desc', 'status', 'due_date', 'summary'])
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invoices_account_issue_idx').execute()
  await db.schema
    .createIndex('invoices_account_issue_idx')
    .on('invoices')
    .columns(['account_id', 'issue_date desc', 'id desc'])
    .execute()
  await db.schema.alterTable('invoices').dropColumn('summary').execute()
  if (isPostgres(db)) await sql`drop function invoice_summary_json`.execute(db)
}
