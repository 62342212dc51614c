/**
 * Shows the invoice picked in the embedded list in the intranet's sidebar —
 * the host page listening to a Portico event (`portico-invoice-select`) and
 * formatting with Portico's own `Intl` formatters from the CDN file the page
 * loaded (the same module: importing it again runs nothing twice).
 */
const target = document.getElementById('auswahl')
const provider = document.querySelector('portico-provider')
const bundle = await import(`${provider.getAttribute('base-url')}/cdn/invoice-list.js`).catch(
  () => undefined, // portico-fallback.js tells the reader
)
const format = bundle?.createFormatters('de')

function row(label, value) {
  const dt = document.createElement('dt')
  dt.textContent = label
  const dd = document.createElement('dd')
  dd.textContent = value
  return [dt, dd]
}

document.addEventListener('portico-invoice-select', (event) => {
  if (!format) return
  const { invoice } = event.detail
  const list = document.createElement('dl')
  list.append(
    ...row('Rechnung', invoice.number),
    ...row('Fällig am', format.date(invoice.dueDate)),
    ...row('Gesamtbetrag', format.money(invoice.total, invoice.currency)),
    ...row('Noch offen', format.money(invoice.amountDue, invoice.currency)),
    ...(invoice.poNumber ? row('Unsere Bestellung', invoice.poNumber) : []),
  )
  target.replaceChildren(list)
})
