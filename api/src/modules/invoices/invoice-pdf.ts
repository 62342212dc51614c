import PDFDocument from 'pdfkit'
import type { Readable } from 'node:stream'
import { minorUnitDigits } from '../../lib/money.js'
import { pdfText } from '../../lib/pdf-text.js'
import type { Invoice } from './schemas.js'

export interface InvoicePdfInput {
  invoice: Invoice
  customer: { name: string; locale: string }
  /** Who issues the invoice (the operator's business). */
  issuer: string
  /** Free text; `{number}` becomes the invoice number. */
  paymentInstructions: string
  renderedAt: Date
}

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 50
const COLUMNS = [
  { label: 'Description', x: MARGIN, width: 200, align: 'left' },
  { label: 'SKU', x: 255, width: 70, align: 'left' },
  { label: 'Qty', x: 325, width: 40, align: 'right' },
  { label: 'Unit price', x: 370, width: 70, align: 'right' },
  { label: 'Tax', x: 440, width: 35, align: 'right' },
  { label: 'Amount', x: 475, width: 70, align: 'right' },
] as const

/**
 * The invoice as a PDF, for when the ERP supplied none: issuer and customer,
 * dates and PO number, every line, tax per rate, totals, what is paid and
 * what is due, and how to pay. Amounts and dates are formatted for the
 * customer's locale with Intl, in the invoice's currency; labels are English.
 * Uses PDFKit's built-in Helvetica (no font files; see ../../lib/pdf-text.ts).
 *
 * Returns the PDF as a stream, produced as it is read.
 */
export function renderInvoicePdf(input: InvoicePdfInput): Readable {
  const { invoice, customer } = input
  const money = new Intl.NumberFormat(customer.locale, {
    style: 'currency',
    currency: invoice.currency,
  })
  const scale = 10 ** minorUnitDigits(invoice.currency)
  const amount = (minor: number) => pdfText(money.format(minor / scale))
  const day = (iso: string) =>
    pdfText(
      new Intl.DateTimeFormat(customer.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    )
  const percent = (bps: number) =>
    pdfText(
      new Intl.NumberFormat(customer.locale, { maximumFractionDigits: 2 }).format(bps / 100),
    ) + ' %'

  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: pdfText(`Invoice ${invoice.number}`),
      Author: pdfText(input.issuer),
      Subject: pdfText(`Invoice ${invoice.number} for ${customer.name}`),
      Creator: 'Portico',
      CreationDate: input.renderedAt,
    },
  })

  doc.font('Helvetica-Bold').fontSize(16).text(pdfText(input.issuer), MARGIN, MARGIN)
  doc.fontSize(22).text('INVOICE', MARGIN, MARGIN, { align: 'right' })
  doc.font('Helvetica').fontSize(10).moveDown(0.3)
  doc.text(pdfText(invoice.number), { align: 'right' })

  const facts: Array<[string, string]> = [
    ['Invoice number', invoice.number],
    ['Issue date', day(invoice.issueDate)],
    ['Due date', day(invoice.dueDate)],
    ...(invoice.poNumber ? ([['PO number', invoice.poNumber]] as Array<[string, string]>) : []),
    ['Status', invoice.status],
  ]
  let y = 120
  doc.font('Helvetica-Bold').text('Bill to', MARGIN, y)
  doc.font('Helvetica').text(pdfText(customer.name), MARGIN, y + 14, { width: 250 })
  for (const [label, value] of facts) {
    doc.font('Helvetica-Bold').text(label, 330, y, { width: 100 })
    doc.font('Helvetica').text(pdfText(value), 430, y, { width: 115, align: 'right' })
    y += 14
  }

  y = Math.max(y, 180) + 20
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(9)
    for (const column of COLUMNS)
      doc.text(column.label, column.x, y, { width: column.width, align: column.align })
    y += 14
    doc
      .moveTo(MARGIN, y)
      .lineTo(A4.width - MARGIN, y)
      .lineWidth(0.5)
      .stroke()
    y += 6
    doc.font('Helvetica').fontSize(9)
  }
  header()
  for (const line of invoice.lines) {
    const cells = [
      pdfText(line.description),
      pdfText(line.sku ?? ''),
      pdfText(new Intl.NumberFormat(customer.locale).format(line.quantity)),
      amount(line.unitPrice),
      percent(line.taxRate),
      amount(line.amount),
    ]
    const height = Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell, { width: COLUMNS[i]!.width })),
    )
    if (y + height > A4.height - MARGIN - 40) {
      doc.addPage()
      y = MARGIN
      header()
    }
    cells.forEach((cell, i) =>
      doc.text(cell, COLUMNS[i]!.x, y, { width: COLUMNS[i]!.width, align: COLUMNS[i]!.align }),
    )
    y += height + 4
  }

  // Tax per rate, the way a tax invoice shows it.
  const byRate = new Map<number, { base: number }>()
  for (const line of invoice.lines) {
    const entry = byRate.get(line.taxRate) ?? { base: 0 }
    entry.base += line.amount
    byRate.set(line.taxRate, entry)
  }
  const totals: Array<[string, string, boolean]> = [['Subtotal', amount(invoice.subtotal), false]]
  for (const [rate, { base }] of [...byRate].sort(([a], [b]) => a - b))
    totals.push([`Tax ${percent(rate)} on ${amount(base)}`, '', false])
  totals.push(['Tax total', amount(invoice.taxTotal), false])
  totals.push(['Total', amount(invoice.total), true])
  totals.push(['Paid', amount(invoice.amountPaid), false])
  totals.push(['Balance due', amount(invoice.amountDue), true])

  if (y + totals.length * 15 + 120 > A4.height - MARGIN) {
    doc.addPage()
    y = MARGIN
  }
  y += 6
  doc
    .moveTo(300, y)
    .lineTo(A4.width - MARGIN, y)
    .lineWidth(0.5)
    .stroke()
  y += 8
  for (const [label, value, strong] of totals) {
    doc.font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(strong ? 11 : 9)
    doc.text(label, 300, y, { width: 150 })
    doc.text(value, 450, y, { width: 95, align: 'right' })
    y += strong ? 16 : 13
  }

  y += 20
  doc.font('Helvetica-Bold').fontSize(10).text('Payment instructions', MARGIN, y)
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      pdfText(
        `Please pay ${amount(invoice.amountDue)} by ${day(invoice.dueDate)}. ` +
          input.paymentInstructions.replaceAll('{number}', invoice.number),
      ),
      MARGIN,
      y + 14,
      { width: A4.width - 2 * MARGIN },
    )
  doc
    .fontSize(7)
    .fillColor('#666666')
    .text(
      pdfText(
        `Rendered by Portico from the invoice record on ${input.renderedAt.toISOString().slice(0, 10)}.`,
      ),
      MARGIN,
      A4.height - MARGIN - 10,
      { width: A4.width - 2 * MARGIN, align: 'center', lineBreak: false },
    )
  doc.end()
  return doc
}
