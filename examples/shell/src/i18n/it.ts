import type { ShellMessages } from './messages.js'

export const it: ShellMessages = {
  languageName: 'Italiano',
  language: 'Lingua',
  skipToContent: 'Vai al contenuto',
  portalName: 'Portale clienti',
  loading: 'Caricamento…',

  signInTitle: 'Accedi',
  signInIntro: 'Usa l’indirizzo e-mail che il tuo fornitore ha registrato per te.',
  email: 'Indirizzo e-mail',
  password: 'Password',
  signIn: 'Accedi',
  signingIn: 'Accesso in corso…',
  emailRequired: 'Inserisci il tuo indirizzo e-mail.',
  emailInvalid: 'Inserisci un indirizzo e-mail come nome@esempio.it.',
  passwordRequired: 'Inserisci la password.',
  invalidCredentials: 'L’indirizzo e-mail o la password non sono corretti.',
  tooManyAttempts: (minutes) =>
    `Troppi tentativi, riprova tra ${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}.`,
  networkError: 'Il portale non è raggiungibile. Controlla la connessione e riprova.',
  unexpectedError: 'Si è verificato un errore. Riprova.',
  errorReference: (requestId) => `Riferimento: ${requestId}`,
  demoLogins: 'Accessi demo',
  demoLoginsIntro: (password) =>
    `Tutti gli utenti demo hanno la password «${password}». Scegline uno per compilare il modulo.`,

  mainNavigation: 'Navigazione principale',
  signOut: 'Esci',
  signedInAs: (name, role) => `${name}, ${role}`,
  roles: {
    admin: 'Amministratore',
    buyer: 'Acquisti',
    accounts_payable: 'Contabilità fornitori',
    viewer: 'Sola lettura',
  },

  invoicesTitle: 'Fatture',
  backToInvoices: 'Tutte le fatture',
  retry: 'Riprova',

  quickOrderTitle: 'Ordine rapido',
  payInvoices: 'Paga fatture',
  ordersTitle: 'Ordini',
  backToOrders: 'Tutti gli ordini',
  documentsTitle: 'Documenti',
  contractsTitle: 'Contratti',
  orderDocuments: 'Documenti di questo ordine',
  casesTitle: 'Richieste di assistenza',
  activityTitle: 'Attività',
  backToCases: 'Tutte le richieste',
  reportProblem: 'Segnala un problema',

  notFoundTitle: 'Pagina non trovata',
  notFoundText: 'A questo indirizzo non c’è nessuna pagina.',
  goToInvoices: 'Vai alle tue fatture',

  footerText: 'Portale di riferimento Portico',
  apiDocs: 'Documentazione API',
}
