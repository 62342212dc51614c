import type { ShellMessages } from './messages.js'

export const de: ShellMessages = {
  languageName: 'Deutsch',
  language: 'Sprache',
  skipToContent: 'Zum Inhalt springen',
  portalName: 'Kundenportal',
  loading: 'Wird geladen …',

  signInTitle: 'Anmelden',
  signInIntro: 'Verwenden Sie die E-Mail-Adresse, die Ihr Lieferant für Sie hinterlegt hat.',
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft …',
  emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein.',
  emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
  passwordRequired: 'Geben Sie Ihr Passwort ein.',
  invalidCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
  tooManyAttempts: (minutes) =>
    `Zu viele Versuche – bitte in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut versuchen.`,
  networkError:
    'Das Portal ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  unexpectedError: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  errorReference: (requestId) => `Referenz: ${requestId}`,
  demoLogins: 'Demo-Zugänge',
  demoLoginsIntro: (password) =>
    `Alle Demo-Benutzer haben das Passwort „${password}“. Ein Klick füllt das Formular aus.`,

  mainNavigation: 'Hauptnavigation',
  signOut: 'Abmelden',
  signedInAs: (name, role) => `${name}, ${role}`,
  roles: {
    admin: 'Administration',
    buyer: 'Einkauf',
    accounts_payable: 'Kreditorenbuchhaltung',
    viewer: 'Nur Lesezugriff',
  },

  invoicesTitle: 'Rechnungen',
  backToInvoices: 'Alle Rechnungen',
  retry: 'Erneut versuchen',

  quickOrderTitle: 'Schnellbestellung',
  payInvoices: 'Rechnungen bezahlen',
  ordersTitle: 'Bestellungen',
  backToOrders: 'Alle Bestellungen',
  documentsTitle: 'Dokumente',
  contractsTitle: 'Verträge',
  orderDocuments: 'Dokumente zu dieser Bestellung',
  casesTitle: 'Supportfälle',
  activityTitle: 'Aktivität',
  backToCases: 'Alle Fälle',
  reportProblem: 'Problem melden',

  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Unter dieser Adresse gibt es keine Seite.',
  goToInvoices: 'Zu Ihren Rechnungen',

  footerText: 'Portico-Referenzportal',
  apiDocs: 'API-Dokumentation',
}
