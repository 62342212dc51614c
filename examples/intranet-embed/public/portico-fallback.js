/**
 * If Portico's bundle could not be loaded (Portico down, blocked by a proxy
 * or by CORS), the widgets' tags stay undefined and show nothing. Say so in
 * each widget's card instead of leaving it empty.
 */
addEventListener('load', () => {
  if (customElements.get('portico-provider')) return
  for (const provider of document.querySelectorAll('portico-provider')) {
    const note = document.createElement('p')
    note.className = 'embed-unavailable'
    note.setAttribute('role', 'alert')
    note.textContent =
      'Dieser Bereich des Lieferantenportals konnte nicht geladen werden. Bitte laden Sie die Seite später neu; besteht das Problem weiter, wenden Sie sich an den IT-Service.'
    provider.after(note)
  }
})
