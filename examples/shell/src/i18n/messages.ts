import type { Schemas } from '@portico/sdk'

/**
 * Every string the shell itself shows. The elements bring their own
 * catalogues (`@portico/elements`); invoice status names and order titles
 * come from there too (`sharedCatalogue`, `orderTrackerCatalogue`, read
 * through a `LocalizeController`), so a list and a detail page never
 * disagree on a word.
 */
export interface ShellMessages {
  /** Name of the language in itself, for the locale switcher. */
  languageName: string
  language: string
  skipToContent: string
  portalName: string
  loading: string

  signInTitle: string
  signInIntro: string
  email: string
  password: string
  signIn: string
  signingIn: string
  emailRequired: string
  emailInvalid: string
  passwordRequired: string
  invalidCredentials: string
  tooManyAttempts: (minutes: number) => string
  networkError: string
  unexpectedError: string
  errorReference: (requestId: string) => string
  demoLogins: string
  demoLoginsIntro: (password: string) => string

  mainNavigation: string
  signOut: string
  signedInAs: (name: string, role: string) => string
  roles: Record<Schemas['Role'], string>

  invoicesTitle: string
  backToInvoices: string
  retry: string

  /** The ordering pages: <portico-quick-order>, <portico-order-list>, <portico-order-tracker>. */
  quickOrderTitle: string
  /** The invoice list's entry point to `<portico-pay-invoices>`. */
  payInvoices: string
  ordersTitle: string
  backToOrders: string

  /** The billing records: <portico-document-center>, <portico-contract-list>. */
  documentsTitle: string
  contractsTitle: string
  /** Heading of an order's documents on its page. */
  orderDocuments: string
  /** The support pages: <portico-case-list>, <portico-case-form>, <portico-case-detail>. */
  casesTitle: string
  activityTitle: string
  backToCases: string
  /** On the order and invoice pages: opens the case form about them. */
  reportProblem: string

  notFoundTitle: string
  notFoundText: string
  goToInvoices: string

  footerText: string
  apiDocs: string
}
