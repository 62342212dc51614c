import type { Kysely } from 'kysely'
import PDFDocument from 'pdfkit'
import type { Readable } from 'node:stream'
import type { Config } from '../config.js'
import type { DocumentStore } from '../connectors/storage/index.js'
import type { Database, DocumentType } from '../db/schema.js'
import { isoDate } from '../lib/clock.js'
import { newId } from '../lib/ids.js'
import { toMinorUnits } from '../lib/money.js'
import { pdfText } from '../lib/pdf-text.js'
import { UploadMeter } from '../modules/documents/upload-meter.js'
import { daysBefore } from '../modules/contracts/service.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** Prices of the demo contracts are in euros; other currencies at a round rate. */
const PER_EURO: Record<string, number> = { EUR: 1, USD: 1.1, IDR: 17_000 }

interface ContractTemplate {
  prefix: string
  title: string
  billing: 'monthly' | 'quarterly' | 'annual'
  /** Days from now to the renewal date. */
  renewsIn: number
  termMonths: number
  autoRenew: boolean
  noticeDays: number
  items: Array<{ sku: string; description: string; quantity: number; unit: string; euros: number }>
}

/** Two contracts per account, renewing 20–90 days out — in reach of the 60- and 30-day reminders. */
const CONTRACTS: ContractTemplate[] = [
  {
    prefix: 'SVC',
    title: 'Preventive maintenance and spare-parts service',
    billing: 'quarterly',
    renewsIn: 24,
    termMonths: 12,
    autoRenew: true,
    noticeDays: 30,
    items: [
      {
        sku: 'SVC-PM-Q',
        description: 'Preventive maintenance visit',
        quantity: 2,
        unit: 'visit',
        euros: 680,
      },
      {
        sku: 'SVC-HOTLINE',
        description: 'Technical hotline, 8/5',
        quantity: 1,
        unit: 'quarter',
        euros: 240,
      },
    ],
  },
  {
    prefix: 'SUP',
    title: 'Framework supply agreement with consignment stock',
    billing: 'monthly',
    renewsIn: 71,
    termMonths: 24,
    autoRenew: false,
    noticeDays: 60,
    items: [
      {
        sku: 'CONS-STOCK',
        description: 'Consignment stock management',
        quantity: 1,
        unit: 'month',
        euros: 450,
      },
      {
        sku: 'EDI-LINK',
        description: 'EDI connection and order portal',
        quantity: 1,
        unit: 'month',
        euros: 95,
      },
    ],
  },
]

/** A small, real PDF for a demo document: a title and a few lines, in PDFKit's built-in Helvetica. */
function demoPdf(title: string, lines: string[], createdAt: Date): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: pdfText(title), Creator: 'Portico demo', CreationDate: createdAt },
  })
  doc.font('Helvetica-Bold').fontSize(18).text(pdfText(title))
  doc.moveDown().font('Helvetica').fontSize(10)
  for (const line of lines) doc.text(pdfText(line)).moveDown(0.3)
  doc.end()
  return doc
}

/**
 * The demo's documents and contracts, after the accounts, orders and invoices
 * exist: for every account a delivery order for each shipped order, a
 * certificate of analysis, two contracts (renewing 24 and 71 days from `now`)
 * with their contract documents, and for the Indonesian account an e-Faktur
 * tax invoice. Generated PDFs, written to the document store like an ERP
 * upload. Deterministic for a given `now` (but for random IDs and keys).
 */
export async function seedDemoDocuments(
  db: Kysely<Database>,
  options: { now: Date; documents: DocumentStore; config: Pick<Config, 'invoiceIssuer'> },
): Promise<void> {
  const { now, documents } = options
  const accounts = await db.selectFrom('accounts').selectAll().orderBy('name').execute()

  const store = async (
    accountId: string,
    doc: {
      type: DocumentType
      title: string
      fileName: string
      erpId: string
      lines: string[]
      createdAt: Date
      orderId?: string
      invoiceId?: string
      contractId?: string
    },
  ) => {
    const meter = new UploadMeter({ maxBytes: Number.MAX_SAFE_INTEGER, accept: (t) => t! })
    demoPdf(doc.title, doc.lines, doc.createdAt).pipe(meter)
    const stored = await documents.put(meter, { contentType: 'application/pdf' })
    await db
      .insertInto('documents')
      .values({
        id: newId('doc', doc.createdAt.getTime()),
        account_id: accountId,
        type: doc.type,
        title: doc.title,
        file_name: doc.fileName,
        content_type: 'application/pdf',
        size_bytes: stored.size,
        sha256: meter.sha256,
        storage_key: stored.key,
        order_id: doc.orderId ?? null,
        invoice_id: doc.invoiceId ?? null,
        contract_id: doc.contractId ?? null,
        erp_document_id: doc.erpId,
        document_date: isoDate(doc.createdAt),
        created_at: doc.createdAt.toISOString(),
      })
      .execute()
  }

  for (const [index, account] of accounts.entries()) {
    const orders = await db
      .selectFrom('orders')
      .innerJoin('shipments', 'shipments.order_id', 'orders.id')
      .select([
        'orders.id',
        'orders.number',
        'orders.erp_order_number',
        'shipments.carrier',
        'shipments.tracking_number',
        'shipments.shipped_at',
      ])
      .where('orders.account_id', '=', account.id)
      .orderBy('shipments.shipped_at')
      .execute()
    for (const [n, order] of orders.entries()) {
      const number = `DO-${order.shipped_at.slice(0, 4)}-${String(index * 100 + n + 1).padStart(5, '0')}`
      await store(account.id, {
        type: 'delivery_order',
        title: `Delivery order ${number}`,
        fileName: `${number}.pdf`,
        erpId: `demo-${number}`,
        orderId: order.id,
        createdAt: new Date(order.shipped_at),
        lines: [
          `Order ${order.number}${order.erp_order_number ? ` (sales order ${order.erp_order_number})` : ''}`,
          `Customer: ${account.name}`,
          `Carrier: ${order.carrier}, tracking ${order.tracking_number}`,
          `Shipped: ${order.shipped_at.slice(0, 10)}`,
        ],
      })
    }
    const first = orders[0]
    if (first) {
      const batch = `B${first.shipped_at.slice(2, 10).replaceAll('-', '')}-${index + 1}`
      await store(account.id, {
        type: 'certificate_of_analysis',
        title: `Certificate of analysis, batch ${batch}`,
        fileName: `CoA-${batch}.pdf`,
        erpId: `demo-coa-${batch}`,
        orderId: first.id,
        createdAt: new Date(first.shipped_at),
        lines: [
          `Batch ${batch}, delivered with order ${first.number}`,
          'Melt flow index (230 °C / 2.16 kg): 12.1 g/10 min — specification 10–14',
          'Density: 0.905 g/cm³ — specification 0.900–0.910',
          'Moisture: 0.02 % — specification ≤ 0.05 %',
          'Released by quality control.',
        ],
      })
    }

    if (account.currency === 'IDR') {
      const invoice = await db
        .selectFrom('invoices')
        .select(['id', 'number', 'issue_date', 'total'])
        .where('account_id', '=', account.id)
        .orderBy('issue_date', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (invoice) {
        const faktur = `010.000-${invoice.issue_date.slice(2, 4)}.${invoice.number.slice(-8).replace(/\D/g, '0')}`
        await store(account.id, {
          type: 'tax_invoice',
          title: `e-Faktur ${faktur}`,
          fileName: `e-Faktur ${faktur}.pdf`,
          erpId: `demo-efaktur-${invoice.number}`,
          invoiceId: invoice.id,
          createdAt: new Date(`${invoice.issue_date}T09:00:00Z`),
          lines: [
            `Faktur Pajak ${faktur}`,
            `Pembeli: ${account.name}`,
            `Referensi faktur: ${invoice.number}`,
            'PPN 11 %',
          ],
        })
      }
    }

    const factor = PER_EURO[account.currency] ?? 1
    for (const template of CONTRACTS) {
      const renewal = isoDate(new Date(now.getTime() + (template.renewsIn + index) * DAY_MS))
      const start = new Date(`${renewal}T00:00:00Z`)
      start.setUTCMonth(start.getUTCMonth() - template.termMonths)
      const termStart = isoDate(start)
      const id = newId('ctr', start.getTime())
      const number = `${template.prefix}-${termStart.slice(0, 4)}-${String(index + 1).padStart(4, '0')}`
      await db
        .insertInto('contracts')
        .values({
          id,
          account_id: account.id,
          number,
          title: template.title,
          status: 'active',
          currency: account.currency,
          billing_period: template.billing,
          term_start: termStart,
          term_end: daysBefore(renewal, 1),
          renewal_date: renewal,
          auto_renew: template.autoRenew ? 1 : 0,
          notice_period_days: template.noticeDays,
          created_at: start.toISOString(),
          updated_at: start.toISOString(),
        })
        .execute()
      await db
        .insertInto('contract_items')
        .values(
          template.items.map((item, position) => ({
            id: newId('ctri', start.getTime()),
            contract_id: id,
            account_id: account.id,
            position: position + 1,
            sku: item.sku,
            description: item.description,
            quantity: item.quantity,
            unit: item.unit,
            unit_price: toMinorUnits(item.euros * factor, account.currency),
          })),
        )
        .execute()
      await store(account.id, {
        type: 'contract',
        title: `${template.title} (${number})`,
        fileName: `${number}.pdf`,
        erpId: `demo-contract-${number}`,
        contractId: id,
        createdAt: start,
        lines: [
          `Contract ${number} between ${options.config.invoiceIssuer} and ${account.name}`,
          `Term: ${termStart} to ${daysBefore(renewal, 1)}, billed ${template.billing}`,
          template.autoRenew
            ? `Renews automatically on ${renewal} unless notice is given ${template.noticeDays} days before.`
            : `Ends on ${renewal}; renewal by agreement, ${template.noticeDays} days before.`,
          ...template.items.map((i) => `${i.quantity} × ${i.description} (${i.sku})`),
        ],
      })
    }
  }
}
