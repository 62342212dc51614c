import type { Kysely, Transaction } from 'kysely'
import type { Config } from '../config.js'
import type { DocumentStore } from '../connectors/storage/index.js'
import { appendEvent } from '../db/events.js'
import type { Database, NewInvoice, NewInvoiceLine } from '../db/schema.js'
import { isoDate } from '../lib/clock.js'
import { newId } from '../lib/ids.js'
import { taxOn, toMinorUnits } from '../lib/money.js'
import { hashPassword } from '../lib/passwords.js'
import { createApiKey } from '../modules/auth/api-keys.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-data.js'
import { seedDemoDocuments } from './demo-documents.js'
import { demoBreaks, seedDemoOrders } from './demo-orders.js'
import { seedDemoCases } from './demo-cases.js'
import { seedDemoPayments } from './demo-payments.js'
import { seededRandom } from './random.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** Whether the database has no accounts yet (a fresh install). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

/**
 * Seeds the demo: five customer accounts in five currencies and locales,
 * users in every role, ~450 invoices over the last eighteen months in every
 * status, past orders and portal payments, documents and contracts, support
 * cases with their threads, and the demo operator key.
 * Deterministic for a given `now`.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: {
    operatorKey: string
    now: Date
    documents: DocumentStore
    config: Pick<Config, 'invoiceIssuer' | 'businessHours' | 'caseSla'>
  },
): Promise<void> {
  const random = seededRandom(20261125)
  // Payments draw from their own sequence, so the invoices and orders stay as they were.
  const paymentRandom = seededRandom(20261126)
  // One hash for the shared demo password: scrypt is slow on purpose, and
  // every demo user knowingly shares it.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    await createApiKey(trx, { name: 'Demo operator', key: options.operatorKey, now: options.now })
    for (const account of DEMO_ACCOUNTS) {
      const accountId = newId('acct', options.now.getTime())
      await trx
        .insertInto('accounts')
        .values({
          id: accountId,
          name: account.name,
          currency: account.currency,
          locale: account.locale,
          created_at: options.now.toISOString(),
        })
        .execute()
      await trx
        .insertInto('users')
        .values(
          account.users.map((user) => ({
            id: newId('user', options.now.getTime()),
            account_id: accountId,
            email: user.email,
            name: user.name,
            password_hash: passwordHash,
            role: user.role,
            created_at: options.now.toISOString(),
            disabled_at: null,
          })),
        )
        .execute()
      const userIds = await trx
        .selectFrom('users')
        .select(['id', 'role'])
        .where('account_id', '=', accountId)
        .execute()
      const { invoices, lines } = demoInvoices(account, accountId, options.now, random)
      for (let i = 0; i < invoices.length; i += 50) {
        await trx
          .insertInto('invoices')
          .values(invoices.slice(i, i + 50))
          .execute()
      }
      for (let i = 0; i < lines.length; i += 50) {
        await trx
          .insertInto('invoice_lines')
          .values(lines.slice(i, i + 50))
          .execute()
      }
      await seedOrdering(trx, {
        account,
        accountId,
        userId: (userIds.find((u) => u.role === 'buyer') ?? userIds[0])!.id,
        openBalance: invoices
          .filter((i) => i.status === 'open')
          .reduce((sum, i) => sum + Number(i.total) - Number(i.amount_paid ?? 0), 0),
        now: options.now,
        random,
      })
      for (const invoice of invoices) {
        await appendEvent(trx, {
          accountId,
          type: 'invoice.created',
          subjectId: invoice.id,
          data: {
            invoiceId: invoice.id,
            number: invoice.number,
            total: invoice.total,
            currency: invoice.currency,
          },
          now: new Date(invoice.created_at),
        })
      }
      await seedDemoPayments(trx, {
        accountId,
        currency: account.currency,
        userId: (userIds.find((u) => u.role === 'accounts_payable') ?? userIds[0])!.id,
        invoices,
        now: options.now,
        random: paymentRandom,
      })
      const buyer = account.users.find((u) => u.role === 'buyer') ?? account.users[0]!
      await seedDemoCases(trx, {
        accountId,
        userId: (userIds.find((u) => u.role === 'buyer') ?? userIds[0])!.id,
        userName: buyer.name,
        now: options.now,
        sla: options.config,
      })
    }
  })
  await seedDemoDocuments(db, options)
}

/**
 * The account's contract: its products (one restricted to it, where the demo
 * has one), a price list with quantity breaks valid since the start of last
 * year, its commercial terms, and past orders at every stage.
 */
async function seedOrdering(
  trx: Transaction<Database>,
  input: {
    account: DemoAccount
    accountId: string
    userId: string
    openBalance: number
    now: Date
    random: ReturnType<typeof seededRandom>
  },
) {
  const { account, accountId, now } = input
  const at = now.toISOString()
  const products = account.products.map((p) => ({
    id: newId('prod', now.getTime()),
    sku: p.sku,
    name: p.description,
    unit: p.unit,
    moq: p.moq ?? 1,
    multiple: p.multiple ?? 1,
    price: p.price,
    restricted: p.restricted ?? false,
  }))
  await trx
    .insertInto('products')
    .values(
      products.map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        description: p.name,
        unit: p.unit,
        min_order_quantity: p.moq,
        order_multiple: p.multiple,
        restricted: p.restricted ? 1 : 0,
        active: 1,
        created_at: at,
      })),
    )
    .execute()
  const restricted = products.filter((p) => p.restricted)
  if (restricted.length) {
    await trx
      .insertInto('product_accounts')
      .values(restricted.map((p) => ({ product_id: p.id, account_id: accountId })))
      .execute()
  }
  const priceListId = newId('pl', now.getTime())
  await trx
    .insertInto('price_lists')
    .values({
      id: priceListId,
      account_id: accountId,
      name: `${account.name} — contract ${now.getUTCFullYear()}`,
      currency: account.currency,
      valid_from: `${now.getUTCFullYear() - 1}-01-01`,
      valid_to: null,
      erp_reference: null,
      created_at: at,
      updated_at: at,
    })
    .execute()
  await trx
    .insertInto('price_list_items')
    .values(
      products.flatMap((p) =>
        demoBreaks(toMinorUnits(p.price, account.currency), p.moq).map((b) => ({
          price_list_id: priceListId,
          account_id: accountId,
          product_id: p.id,
          ...b,
        })),
      ),
    )
    .execute()
  const uninvoiced = await seedDemoOrders(trx, {
    account,
    accountId,
    userId: input.userId,
    taxRateBps: account.taxRateBps,
    products: products.filter((p) => !p.restricted),
    now,
    random: input.random,
  })
  await trx
    .insertInto('account_terms')
    .values({
      account_id: accountId,
      credit_limit:
        input.openBalance + uninvoiced + toMinorUnits(account.creditHeadroom, account.currency),
      on_hold: account.hold ? 1 : 0,
      hold_reason: account.hold ?? null,
      tax_rate_bps: account.taxRateBps,
      updated_at: at,
    })
    .execute()
}

/**
 * Invoices spread over eighteen months. Older ones are mostly paid, some
 * void, a few still open (overdue); recent ones are open, some partly paid.
 */
function demoInvoices(
  account: DemoAccount,
  accountId: string,
  now: Date,
  random: ReturnType<typeof seededRandom>,
): { invoices: NewInvoice[]; lines: NewInvoiceLine[] } {
  const invoices: NewInvoice[] = []
  const lines: NewInvoiceLine[] = []
  const today = isoDate(now)
  const spanDays = 540
  for (let n = 0; n < account.invoiceCount; n++) {
    const ageDays =
      Math.floor(((account.invoiceCount - n) / account.invoiceCount) * spanDays) + random.int(0, 3)
    const issued = new Date(now.getTime() - ageDays * DAY_MS)
    const issueDate = isoDate(issued)
    const dueDate = isoDate(new Date(issued.getTime() + account.paymentTermDays * DAY_MS))
    const id = newId('inv', issued.getTime())

    let subtotal = 0
    const lineCount = random.int(1, 5)
    for (let position = 1; position <= lineCount; position++) {
      const product = random.pick(account.products)
      const quantity = random.int(1, product.price > 500 ? 8 : 120)
      const unitPrice = toMinorUnits(product.price, account.currency)
      const amount = unitPrice * quantity
      subtotal += amount
      lines.push({
        id: newId('invl', issued.getTime()),
        invoice_id: id,
        account_id: accountId,
        position,
        description: product.description,
        sku: product.sku,
        quantity,
        unit_price: unitPrice,
        tax_rate_bps: account.taxRateBps,
        amount,
      })
    }
    const taxTotal = taxOn(subtotal, account.taxRateBps)
    const total = subtotal + taxTotal

    const roll = random.next()
    const pastDue = dueDate < today
    let status: NewInvoice['status'] = 'open'
    let amountPaid = 0
    if (roll < 0.04) status = 'void'
    else if (pastDue && roll < (ageDays > 120 ? 0.93 : 0.7)) status = 'paid'
    else if (!pastDue && roll > 0.85) status = 'paid'
    if (status === 'paid') amountPaid = total
    else if (status === 'open' && random.next() < 0.2)
      amountPaid = Math.round(total * random.pick([0.25, 0.5]))

    invoices.push({
      id,
      account_id: accountId,
      number: `${account.invoicePrefix}-${issued.getUTCFullYear()}-${String(n + 1).padStart(5, '0')}`,
      status,
      currency: account.currency,
      issue_date: issueDate,
      due_date: dueDate,
      subtotal,
      tax_total: taxTotal,
      total,
      amount_paid: amountPaid,
      po_number: random.next() < 0.7 ? `PO-${random.int(10000, 99999)}` : null,
      created_at: issued.toISOString(),
      updated_at: issued.toISOString(),
    })
  }
  return { invoices, lines }
}
