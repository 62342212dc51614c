/**
 * If Portico's bundle could not be loaded (Portico down, blocked by a proxy
 * or by CORS), the widget's tags stay undefined and show nothing. Say so
 * instead of leaving an empty card.
 */
addEventListener('load', () => {
  if (customElements.get('portico-invoice-list')) return
  const list = document.querySelector('portico-invoice-list')
  const note = document.createElement('p')
  note.className = 'embed-unavailable'
  note.setAttribute('role', 'alert')
  note.textContent =
    'Die Rechnungsliste des Lieferantenportals konnte nicht geladen werden. Bitte laden Sie die Seite später neu; besteht das Problem weiter, wenden Sie sich an den IT-Service.'
  list?.after(note)
})
