import type { PayInvoicesMessages } from '../pay-invoices.messages.js'

export const messages: PayInvoicesMessages = {
  payTitle: 'Paga fatture',
  loadingInvoices: 'Caricamento delle fatture aperte…',
  noOpenInvoices: 'Niente da pagare: non hai fatture aperte.',
  invoicesLoadError: 'Non è stato possibile caricare le fatture aperte.',
  payForbidden: 'Non hai l’autorizzazione per pagare le fatture.',
  selectIntro: 'Scegli le fatture da pagare. Puoi pagare meno del saldo, mai di più.',
  openInvoices: 'Fatture aperte',
  columnInvoice: 'Fattura',
  columnDueDate: 'Scadenza',
  columnBalance: 'Saldo',
  columnPayAmount: 'Importo da pagare',
  selectInvoice: (number) => `Paga la fattura ${number}`,
  amountFor: (number) => `Importo da pagare sulla fattura ${number}`,
  otherCurrency: 'Altra valuta: pagala a parte.',
  amountRequired: 'Inserisci un importo.',
  amountInvalid: (example) => `Inserisci un importo come ${example}.`,
  amountNotPositive: 'L’importo deve essere maggiore di zero.',
  amountTooHigh: (max) => `Al massimo ${max}, il saldo aperto.`,
  remainsOpen: (rest) => `restano aperti ${rest}`,
  selectedSummary: (count, total) =>
    `${count === 1 ? '1 fattura selezionata' : `${count} fatture selezionate`} · ${total}`,
  nothingSelected: 'Seleziona almeno una fattura da pagare.',
  fixAmounts: 'Correggi gli importi segnalati qui sotto.',
  review: 'Controlla il pagamento',
  confirmTitle: 'Conferma il pagamento',
  confirmText:
    'Verrai portato alla pagina del fornitore di pagamento. Nulla viene addebitato prima della tua conferma lì.',
  totalToPay: 'Totale da pagare',
  payNow: (total) => `Paga ${total}`,
  change: 'Modifica',
  submitting: 'Apertura della pagina di pagamento…',
  redirecting: 'Ti stiamo portando alla pagina di pagamento…',
  balanceChanged:
    'Il saldo di una fattura è cambiato nel frattempo. Controlla gli importi segnalati qui sotto.',
  notPayable:
    'Una fattura non può più essere pagata (già pagata o annullata). L’elenco è stato aggiornato.',
  mixedCurrencies: 'Un pagamento salda solo fatture in un’unica valuta.',
  paymentsUnavailable: 'Il pagamento online non è disponibile su questo portale al momento.',
  payRetry:
    'Non è stato possibile aprire la pagina di pagamento. Riprova: non ti verrà addebitato due volte.',
  payInProgress: 'Questo pagamento è ancora in apertura. Attendi un momento e riprova.',
  payFailed: 'Non è stato possibile avviare il pagamento.',
  tryAgain: 'Riprova',
  processingTitle: 'Verifica del pagamento in corso…',
  processingText:
    'Attendiamo la conferma del fornitore di pagamento. Questa pagina si aggiorna da sola.',
  succeededTitle: 'Pagamento ricevuto',
  succeededText: (total) => `Sono stati pagati ${total}. Grazie.`,
  failedTitle: 'Il pagamento è stato rifiutato',
  failedText:
    'Non è stato addebitato nulla. Puoi riprovare, se serve con un’altra carta o un altro conto.',
  cancelledTitle: 'Il pagamento è stato annullato',
  cancelledText: 'Hai lasciato la pagina di pagamento. Non è stato addebitato nulla.',
  expiredTitle: 'Il pagamento è scaduto',
  expiredText:
    'La pagina di pagamento è rimasta aperta troppo a lungo. Non è stato addebitato nulla.',
  paymentNotFound: 'Questo pagamento non esiste, oppure appartiene a un altro account.',
  paymentLoadError: 'Non è stato possibile verificare questo pagamento.',
  paymentReference: (id) => `Riferimento del pagamento: ${id}`,
  paidInvoices: 'Fatture in questo pagamento',
}
