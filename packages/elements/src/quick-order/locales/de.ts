import type { QuickOrderMessages } from '../quick-order.messages.js'

export const messages: QuickOrderMessages = {
  columnQuantity: 'Menge',
  products: 'Artikel',
  searchProducts: 'Artikel suchen',
  searchHint: 'Artikelnummer oder Bezeichnung',
  loadingProducts: 'Artikel werden geladen …',
  noProducts: 'Ihre Preisliste enthält keine Artikel.',
  noProductsFor: (query) => `Keine Artikel zu „${query}“ gefunden.`,
  noPriceList:
    'Für Ihr Konto gilt derzeit keine Preisliste, daher kann online nichts bestellt werden. Bitte wenden Sie sich an Ihre Ansprechperson im Vertrieb.',
  priceListInfo: (name, validTo) =>
    validTo ? `Ihre Preise aus „${name}“, gültig bis ${validTo}` : `Ihre Preise aus „${name}“`,
  productsLoadError: 'Die Artikel konnten nicht geladen werden.',
  productsForbidden: 'Sie haben keine Berechtigung, den Katalog anzuzeigen.',
  productsShown: (count) => (count === 1 ? '1 Artikel' : `${count} Artikel`),
  loadedMoreProducts: (count) =>
    count === 1 ? '1 weiterer Artikel geladen' : `${count} weitere Artikel geladen`,
  pricePerUnit: (price, unit) => `${price} / ${unit}`,
  priceFrom: (quantity, price) => `ab ${quantity}: ${price}`,
  quantityPrices: 'Staffelpreise',
  quantityOf: (product, unit) => `Menge von ${product} (${unit})`,
  decreaseQuantity: (product) => `Weniger: ${product}`,
  increaseQuantity: (product) => `Mehr: ${product}`,
  quantityRules: (minimum, step, unit) =>
    step === '1'
      ? `Mind. ${minimum} ${unit}`
      : `Mind. ${minimum} ${unit}, in Schritten von ${step}`,
  quantityNotANumber: 'Bitte eine ganze Zahl eingeben.',
  quantityBelowMinimum: (minimum, unit) => `Mindestens ${minimum} ${unit} bestellen.`,
  quantityNotMultiple: (step, unit) => `In Schritten von ${step} ${unit} bestellen.`,
  productNotOrderable:
    'Dieser Artikel kann nicht mehr bestellt werden. Bitte entfernen Sie ihn aus der Bestellung.',
  lineRefused: 'Diese Position kann so nicht bestellt werden. Bitte ändern oder entfernen.',
  yourOrder: 'Ihre Bestellung',
  orderEmpty: 'Geben Sie bei einem Artikel eine Menge ein, um ihn hier hinzuzufügen.',
  lineCount: (count) => (count === 1 ? '1 Position' : `${count} Positionen`),
  removeLine: (product) => `${product} entfernen`,
  taxAddedOnPlacing: 'Die Umsatzsteuer wird beim Absenden berechnet.',
  taxAtRate: (rate) => `Umsatzsteuer (${rate})`,
  availableCredit: 'Verfügbarer Kreditrahmen',
  creditOfLimit: (limit) => `von ${limit} Kreditlimit`,
  creditAfterOrder: 'Verbleibend nach dieser Bestellung',
  overCredit: (amount) =>
    `Diese Bestellung übersteigt Ihren verfügbaren Kreditrahmen um ${amount}.`,
  overCreditHelp: 'Entfernen Sie Positionen oder begleichen Sie offene Rechnungen.',
  creditHold: 'Bestellungen sind für Ihr Konto gesperrt.',
  creditHoldReason: (reason) => `Grund: ${reason}`,
  contactAccountManager: 'Bitte wenden Sie sich an Ihre Ansprechperson im Vertrieb.',
  roleCannotOrder: 'Mit Ihrer Rolle können Sie keine Bestellungen aufgeben.',
  roleCannotOrderHelp:
    'Sie können Artikel und Ihre Preise einsehen. Für eine Bestellung wenden Sie sich an den Einkauf oder eine Administratorin bzw. einen Administrator Ihres Unternehmens.',
  reviewOrder: 'Bestellung prüfen',
  blockedEmpty: 'Fügen Sie mindestens einen Artikel hinzu.',
  blockedInvalid: 'Korrigieren Sie zuerst die rot markierten Mengen.',
  reviewTitle: 'Bestellung prüfen',
  backToProducts: 'Zurück zu den Artikeln',
  placeOrder: 'Bestellung absenden',
  placingOrder: 'Bestellung wird gesendet …',
  placeError: 'Die Bestellung konnte nicht aufgegeben werden.',
  linesRefused:
    'Einige Positionen können so nicht bestellt werden. Gehen Sie zurück zu den Artikeln, um sie zu ändern.',
  creditExceeded: (available) =>
    `Ihr verfügbarer Kreditrahmen hat sich geändert: Er beträgt jetzt ${available} und reicht für diese Bestellung inklusive Umsatzsteuer nicht aus. Entfernen Sie Positionen oder begleichen Sie zuerst offene Rechnungen.`,
  noCreditTerms:
    'Ihr Konto kann noch nicht online bestellen. Bitte wenden Sie sich an Ihre Ansprechperson im Vertrieb.',
  orderConflict:
    'Diese Bestellung wird bereits gesendet. Warten Sie einen Moment und sehen Sie dann in Ihren Bestellungen nach.',
  placeOffline:
    'Die Bestellung konnte nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut – sie wird nicht doppelt aufgegeben.',
  orderPlacedTitle: (number) => `Bestellung ${number} aufgegeben`,
  orderPlacedText:
    'Ihr Lieferant bestätigt sie in Kürze. Jeden Schritt verfolgen Sie in Ihren Bestellungen.',
  viewOrder: 'Bestellung ansehen',
  placeAnother: 'Weitere Bestellung aufgeben',
  detailsRefused:
    'Einige Angaben wurden nicht angenommen. Korrigieren Sie die rot markierten Felder.',
  blockedDetails: 'Korrigieren Sie zuerst die rot markierten Angaben.',
  deliverToUsual: 'Ihre übliche Lieferadresse',
  deliverToUsualHint: 'Die Adresse, die Ihr Lieferant für Ihr Konto hinterlegt hat.',
  deliverToOther: 'Andere Adresse',
  addressName: 'Firma oder Empfänger',
  addressLine1: 'Straße und Hausnummer',
  addressLine2: 'Adresszusatz',
  postalCode: 'Postleitzahl',
  city: 'Ort',
  country: 'Land',
  fieldRequired: 'Bitte ausfüllen.',
  fieldTooLong: (max, length) => `Höchstens ${max} Zeichen (derzeit ${length}).`,
  dateNotADate: 'Bitte ein vollständiges Datum eingeben.',
  dateInPast: 'Bitte heute oder ein späteres Datum wählen.',
  fieldRefused: 'Diese Angabe wurde nicht angenommen. Bitte prüfen und erneut versuchen.',
}
