/**
 * The purchasing pages listening to Portico's events:
 * - an order picked in <portico-order-list> (`portico-order-select`) opens in
 *   the <portico-order-tracker> under it, and the address remembers it
 *   (`/einkauf?bestellung=ord_…`), so a reload or a shared link shows it too;
 * - "Bestellung ansehen" after placing an order (the same event, from
 *   <portico-quick-order>) goes to that order on the purchasing page.
 */
const detail = document.getElementById('bestellung')
const tracker = detail?.querySelector('portico-order-tracker')
const hint = document.getElementById('bestellung-hinweis')

document.addEventListener('portico-order-select', (event) => {
  const { order } = event.detail
  if (!tracker) {
    location.assign(`/einkauf?bestellung=${encodeURIComponent(order.id)}`)
    return
  }
  tracker.setAttribute('order-id', order.id)
  detail.hidden = false
  if (hint) hint.hidden = true
  history.replaceState(null, '', `/einkauf?bestellung=${encodeURIComponent(order.id)}`)
  detail.scrollIntoView({ behavior: 'smooth', block: 'start' })
})

// Once the picked order has loaded, its title takes focus, so a screen reader announces it.
document.addEventListener('portico-order-load', () => {
  if (tracker && document.activeElement?.closest('portico-order-list')) void tracker.focusTitle()
})
