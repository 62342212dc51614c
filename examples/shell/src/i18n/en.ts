import type { ShellMessages } from './messages.js'

export const en: ShellMessages = {
  languageName: 'English',
  language: 'Language',
  skipToContent: 'Skip to content',
  portalName: 'Customer portal',
  loading: 'Loading …',

  signInTitle: 'Sign in',
  signInIntro: 'Use the email address your supplier registered for you.',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in …',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  passwordRequired: 'Enter your password.',
  invalidCredentials: 'The email or password is incorrect.',
  tooManyAttempts: (minutes) =>
    `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  networkError: 'The portal could not be reached. Check your connection and try again.',
  unexpectedError: 'Something went wrong. Please try again.',
  errorReference: (requestId) => `Reference: ${requestId}`,
  demoLogins: 'Demo sign-ins',
  demoLoginsIntro: (password) =>
    `Every demo user has the password “${password}”. Pick one to fill in the form.`,

  mainNavigation: 'Main',
  signOut: 'Sign out',
  signedInAs: (name, role) => `${name}, ${role}`,
  roles: {
    admin: 'Administrator',
    buyer: 'Buyer',
    accounts_payable: 'Accounts payable',
    viewer: 'Viewer',
  },

  invoicesTitle: 'Invoices',
  backToInvoices: 'All invoices',
  retry: 'Try again',

  quickOrderTitle: 'Quick order',
  payInvoices: 'Pay invoices',
  ordersTitle: 'Orders',
  backToOrders: 'All orders',
  documentsTitle: 'Documents',
  contractsTitle: 'Contracts',
  orderDocuments: 'Documents for this order',
  casesTitle: 'Support cases',
  activityTitle: 'Activity',
  backToCases: 'All cases',
  reportProblem: 'Report a problem',

  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address.',
  goToInvoices: 'Go to your invoices',

  footerText: 'Portico reference portal',
  apiDocs: 'API documentation',
}
