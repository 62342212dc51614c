import type { QuickOrderMessages } from '../quick-order.messages.js'

export const messages: QuickOrderMessages = {
  columnQuantity: 'Quantità',
  products: 'Articoli',
  searchProducts: 'Cerca articoli',
  searchHint: 'Codice o descrizione',
  loadingProducts: 'Caricamento degli articoli…',
  noProducts: 'Il tuo listino non contiene articoli.',
  noProductsFor: (query) => `Nessun articolo corrisponde a “${query}”.`,
  noPriceList:
    'Per il tuo account non è in vigore alcun listino, quindi non puoi ordinare online. Contatta il tuo referente commerciale.',
  priceListInfo: (name, validTo) =>
    validTo
      ? `I tuoi prezzi da “${name}”, validi fino al ${validTo}`
      : `I tuoi prezzi da “${name}”`,
  productsLoadError: 'Impossibile caricare gli articoli.',
  productsForbidden: 'Non hai l’autorizzazione per visualizzare il catalogo.',
  productsShown: (count) => (count === 1 ? '1 articolo' : `${count} articoli`),
  loadedMoreProducts: (count) =>
    count === 1 ? '1 altro articolo caricato' : `Altri ${count} articoli caricati`,
  pricePerUnit: (price, unit) => `${price} / ${unit}`,
  priceFrom: (quantity, price) => `da ${quantity}: ${price}`,
  quantityPrices: 'Prezzi per quantità',
  quantityOf: (product, unit) => `Quantità di ${product} (${unit})`,
  decreaseQuantity: (product) => `Meno: ${product}`,
  increaseQuantity: (product) => `Più: ${product}`,
  quantityRules: (minimum, step, unit) =>
    step === '1' ? `Min. ${minimum} ${unit}` : `Min. ${minimum} ${unit}, a multipli di ${step}`,
  quantityNotANumber: 'Inserisci un numero intero.',
  quantityBelowMinimum: (minimum, unit) => `Ordina almeno ${minimum} ${unit}.`,
  quantityNotMultiple: (step, unit) => `Ordina a multipli di ${step} ${unit}.`,
  productNotOrderable: 'Questo articolo non è più ordinabile. Rimuovilo dall’ordine.',
  lineRefused: 'Questa riga non può essere ordinata così. Modificala o rimuovila.',
  yourOrder: 'Il tuo ordine',
  orderEmpty: 'Inserisci una quantità accanto a un articolo per aggiungerlo qui.',
  lineCount: (count) => (count === 1 ? '1 riga' : `${count} righe`),
  removeLine: (product) => `Rimuovi ${product}`,
  taxAddedOnPlacing: 'L’IVA viene aggiunta all’invio dell’ordine.',
  availableCredit: 'Fido disponibile',
  creditOfLimit: (limit) => `su un fido di ${limit}`,
  creditAfterOrder: 'Residuo dopo questo ordine',
  overCredit: (amount) => `Questo ordine supera il fido disponibile di ${amount}.`,
  overCreditHelp: 'Rimuovi delle righe o salda le fatture aperte per liberare fido.',
  creditHold: 'Gli ordini sono bloccati per il tuo account.',
  creditHoldReason: (reason) => `Motivo: ${reason}`,
  contactAccountManager: 'Contatta il tuo referente commerciale.',
  roleCannotOrder: 'Il tuo ruolo non consente di inviare ordini.',
  roleCannotOrderHelp:
    'Puoi consultare gli articoli e i tuoi prezzi. Per ordinare, rivolgiti a un buyer o a un amministratore della tua azienda.',
  reviewOrder: 'Controlla l’ordine',
  blockedEmpty: 'Aggiungi almeno un articolo per controllare l’ordine.',
  blockedInvalid: 'Correggi prima le quantità segnate in rosso.',
  reviewTitle: 'Controlla il tuo ordine',
  backToProducts: 'Torna agli articoli',
  placeOrder: 'Invia l’ordine',
  placingOrder: 'Invio dell’ordine…',
  placeError: 'Non è stato possibile inviare l’ordine.',
  linesRefused:
    'Alcune righe non possono essere ordinate così. Torna agli articoli per modificarle.',
  creditExceeded: (available) =>
    `IVA inclusa, l’ordine supera il fido disponibile di ${available}. Rimuovi delle righe o salda prima le fatture aperte.`,
  noCreditTerms:
    'Il tuo account non può ancora ordinare online. Contatta il tuo referente commerciale.',
  orderConflict:
    'Questo ordine è già in fase di invio. Attendi un momento, poi controlla i tuoi ordini.',
  placeOffline:
    'Non è stato possibile inviare l’ordine. Controlla la connessione e riprova: non verrà inviato due volte.',
  orderPlacedTitle: (number) => `Ordine ${number} inviato`,
  orderPlacedText:
    'Il fornitore lo confermerà a breve. Puoi seguire ogni passaggio nei tuoi ordini.',
  viewOrder: 'Vedi l’ordine',
  placeAnother: 'Nuovo ordine',
}
