import type { PayInvoicesMessages } from '../pay-invoices.messages.js'

export const messages: PayInvoicesMessages = {
  payTitle: 'Rechnungen bezahlen',
  loadingInvoices: 'Offene Rechnungen werden geladen …',
  noOpenInvoices: 'Nichts zu bezahlen: Sie haben keine offenen Rechnungen.',
  invoicesLoadError: 'Die offenen Rechnungen konnten nicht geladen werden.',
  payForbidden: 'Sie haben keine Berechtigung, Rechnungen zu bezahlen.',
  selectIntro:
    'Wählen Sie die Rechnungen, die Sie bezahlen möchten. Weniger als den offenen Betrag zu zahlen ist möglich, mehr nicht.',
  openInvoices: 'Offene Rechnungen',
  columnInvoice: 'Rechnung',
  columnDueDate: 'Fällig am',
  columnBalance: 'Offen',
  columnPayAmount: 'Zahlbetrag',
  selectInvoice: (number) => `Rechnung ${number} bezahlen`,
  amountFor: (number) => `Zahlbetrag für Rechnung ${number}`,
  otherCurrency: 'Andere Währung: bitte separat bezahlen.',
  amountRequired: 'Bitte einen Betrag eingeben.',
  amountInvalid: (example) => `Bitte einen Betrag wie ${example} eingeben.`,
  amountNotPositive: 'Der Betrag muss größer als null sein.',
  amountTooHigh: (max) => `Höchstens ${max}, der offene Betrag.`,
  remainsOpen: (rest) => `${rest} bleiben offen`,
  selectedSummary: (count, total) =>
    `${count === 1 ? '1 Rechnung' : `${count} Rechnungen`} ausgewählt · ${total}`,
  nothingSelected: 'Wählen Sie mindestens eine Rechnung aus.',
  fixAmounts: 'Bitte korrigieren Sie die markierten Beträge.',
  review: 'Zahlung prüfen',
  confirmTitle: 'Zahlung bestätigen',
  confirmText:
    'Sie gelangen zur Seite des Zahlungsanbieters. Belastet wird erst, wenn Sie dort bestätigen.',
  totalToPay: 'Zu zahlen',
  payNow: (total) => `${total} bezahlen`,
  change: 'Ändern',
  submitting: 'Zahlungsseite wird geöffnet …',
  redirecting: 'Sie werden zur Zahlungsseite weitergeleitet …',
  balanceChanged:
    'Der offene Betrag einer Rechnung hat sich inzwischen geändert. Bitte prüfen Sie die markierten Beträge.',
  notPayable:
    'Eine Rechnung kann nicht mehr bezahlt werden (bezahlt oder storniert). Die Liste wurde aktualisiert.',
  mixedCurrencies: 'Eine Zahlung begleicht nur Rechnungen in einer Währung.',
  paymentsUnavailable: 'Online-Zahlung ist in diesem Portal derzeit nicht verfügbar.',
  payRetry:
    'Die Zahlungsseite konnte nicht geöffnet werden. Versuchen Sie es erneut – es wird nicht doppelt belastet.',
  payInProgress: 'Diese Zahlung wird noch geöffnet. Bitte kurz warten und erneut versuchen.',
  payFailed: 'Die Zahlung konnte nicht gestartet werden.',
  tryAgain: 'Erneut versuchen',
  processingTitle: 'Ihre Zahlung wird geprüft …',
  processingText:
    'Wir warten auf die Bestätigung des Zahlungsanbieters. Diese Seite aktualisiert sich selbst.',
  succeededTitle: 'Zahlung eingegangen',
  succeededText: (total) => `${total} wurden bezahlt. Vielen Dank.`,
  failedTitle: 'Die Zahlung wurde abgelehnt',
  failedText:
    'Es wurde nichts belastet. Sie können es erneut versuchen, bei Bedarf mit einer anderen Karte oder einem anderen Konto.',
  cancelledTitle: 'Die Zahlung wurde abgebrochen',
  cancelledText: 'Sie haben die Zahlungsseite verlassen. Es wurde nichts belastet.',
  expiredTitle: 'Die Zahlung ist abgelaufen',
  expiredText: 'Die Zahlungsseite war zu lange geöffnet. Es wurde nichts belastet.',
  paymentNotFound: 'Diese Zahlung gibt es nicht, oder sie gehört zu einem anderen Konto.',
  paymentLoadError: 'Die Zahlung konnte nicht geprüft werden.',
  paymentReference: (id) => `Zahlungsreferenz: ${id}`,
  paidInvoices: 'Rechnungen in dieser Zahlung',
}
