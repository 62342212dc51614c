import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.js'
import { isolateTenant } from './rls.js'

/**
 * What an account owes and has ordered, kept as it changes: the balance of
 * its open invoices and the total of its orders not yet invoiced (neither
 * cancelled nor rejected) — the two halves of the credit check. Summing
 * them per order read every open invoice and every uninvoiced order of the
 * account, so a distributor with thousands of open invoices paid for each
 * one on every order it placed; now the check reads one row.
 *
 * Triggers on `accounts` (a row per account), `invoices` and `orders` keep
 * the row in the same transaction as the change, whichever path makes it —
 * the portal, ERP events, payments, the seed. On PostgreSQL the trigger
 * functions run as their owner (SECURITY DEFINER; the owner role bypasses
 * row-level security), so a change made under a system purpose updates its
 * account's row too, and they fail loudly should the row ever be out of
 * their sight rather than let the figures drift.
 */
// In parentheses: PL/pgSQL reads an IF's condition up to its first THEN, a CASE's included.
const INVOICE_DUE = (row: 'new' | 'old') =>
  `(case when ${row}.status = 'open' then ${row}.total - ${row}.amount_paid else 0 end)`
const ORDER_UNINVOICED = (row: 'new' | 'old') =>
  `(case when ${row}.invoiced_at is null and ${row}.status not in ('cancelled', 'rejected') then ${row}.total else 0 end)`

export async function up(db: Kysely<unknown>): Promise<void> {
  const money = isPostgres(db) ? 'bigint' : 'integer'
  await db.schema
    .createTable('account_exposure')
    .addColumn('account_id', 'text', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('open_invoices', money, (c) => c.notNull().defaultTo(0))
    .addColumn('uninvoiced_orders', money, (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`
    insert into account_exposure (account_id, open_invoices, uninvoiced_orders)
    select a.id,
      coalesce((select sum(i.total - i.amount_paid) from invoices i
        where i.account_id = a.id and i.status = 'open'), 0),
      coalesce((select sum(o.total) from orders o
        where o.account_id = a.id and o.invoiced_at is null
          and o.status not in ('cancelled', 'rejected')), 0)
    from accounts a`.execute(db)
  if (isPostgres(db)) await postgresTriggers(db)
  else await sqliteTriggers(db)
  await isolateTenant(db, 'account_exposure')
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger accounts_exposure_row after insert on accounts begin
    insert into account_exposure (account_id) values (new.id);
  end`.execute(db)
  for (const [table, column, amount, columns] of [
    ['invoices', 'open_invoices', INVOICE_DUE, 'status, total, amount_paid'],
    ['orders', 'uninvoiced_orders', ORDER_UNINVOICED, 'status, total, invoiced_at'],
  ] as const) {
    const add = (row: 'new' | 'old', sign: '+' | '-') =>
      sql.raw(
        `update account_exposure set ${column} = ${column} ${sign} (${amount(row)}) where account_id = ${row}.account_id;`,
      )
    await sql`create trigger ${sql.id(`${table}_exposure_insert`)} after insert on ${sql.table(table)}
      when ${sql.raw(amount('new'))} <> 0 begin ${add('new', '+')} end`.execute(db)
    await sql`create trigger ${sql.id(`${table}_exposure_update`)}
      after update of ${sql.raw(`account_id, ${columns}`)} on ${sql.table(table)}
      when old.account_id <> new.account_id or ${sql.raw(amount('old'))} <> ${sql.raw(amount('new'))}
      begin ${add('old', '-')} ${add('new', '+')} end`.execute(db)
    await sql`create trigger ${sql.id(`${table}_exposure_delete`)} after delete on ${sql.table(table)}
      when ${sql.raw(amount('old'))} <> 0 begin ${add('old', '-')} end`.execute(db)
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function account_exposure_row() returns trigger
    language plpgsql security definer set search_path from current as $$
    begin
      insert into account_exposure (account_id) values (new.id);
      return null;
    end $$`.execute(db)
  await sql`create trigger accounts_exposure_row after insert on accounts
    for each row execute function account_exposure_row()`.execute(db)
  for (const [table, column, amount, columns] of [
    ['invoices', 'open_invoices', INVOICE_DUE, 'status, total, amount_paid'],
    ['orders', 'uninvoiced_orders', ORDER_UNINVOICED, 'status, total, invoiced_at'],
  ] as const) {
    const apply = (row: 'new' | 'old', sign: '+' | '-') => `
      if ${amount(row)} <> 0 then
        update account_exposure set ${column} = ${column} ${sign} (${amount(row)})
          where account_id = ${row}.account_id;
        if not found then
          raise exception 'account_exposure has no row for account %', ${row}.account_id;
        end if;
      end if;`
    await sql`
      create function ${sql.id(`${table}_exposure`)}() returns trigger
      language plpgsql security definer set search_path from current as $$
      begin
        if tg_op = 'UPDATE' and old.account_id = new.account_id
          and ${sql.raw(amount('old'))} = ${sql.raw(amount('new'))} then
          return null;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then ${sql.raw(apply('old', '-'))} end if;
        if tg_op in ('INSERT', 'UPDATE') then ${sql.raw(apply('new', '+'))} end if;
        return null;
      end $$`.execute(db)
    await sql`create trigger ${sql.id(`${table}_exposure`)}
      after insert or delete or update of ${sql.raw(`account_id, ${columns}`)} on ${sql.table(table)}
      for each row execute function ${sql.id(`${table}_exposure`)}()`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of ['accounts', 'invoices', 'orders']) {
      const name = table === 'accounts' ? 'accounts_exposure_row' : `${table}_exposure`
      await sql`drop trigger ${sql.id(name)} on ${sql.table(table)}`.execute(db)
    }
    await sql`drop function account_exposure_row()`.execute(db)
    await sql`drop function invoices_exposure()`.execute(db)
    await sql`drop function orders_exposure()`.execute(db)
  } else {
    await sql`drop trigger accounts_exposure_row`.execute(db)
    for (const table of ['invoices', 'orders'])
      for (const op of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.id(`${table}_exposure_${op}`)}`.execute(db)
  }
  await db.schema.dropTable('account_exposure').execute()
}
