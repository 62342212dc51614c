import type { ShellMessages } from './messages.js'

export const fr: ShellMessages = {
  languageName: 'Français',
  language: 'Langue',
  skipToContent: 'Aller au contenu',
  portalName: 'Portail client',
  loading: 'Chargement…',

  signInTitle: 'Connexion',
  signInIntro: 'Utilisez l’adresse e-mail que votre fournisseur a enregistrée pour vous.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  emailRequired: 'Saisissez votre adresse e-mail.',
  emailInvalid: 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  passwordRequired: 'Saisissez votre mot de passe.',
  invalidCredentials: 'L’adresse e-mail ou le mot de passe est incorrect.',
  tooManyAttempts: (minutes) =>
    `Trop de tentatives, réessayez dans ${minutes} ${minutes < 2 ? 'minute' : 'minutes'}.`,
  networkError: 'Le portail est injoignable. Vérifiez votre connexion et réessayez.',
  unexpectedError: 'Une erreur s’est produite. Veuillez réessayer.',
  errorReference: (requestId) => `Référence : ${requestId}`,
  demoLogins: 'Comptes de démonstration',
  demoLoginsIntro: (password) =>
    `Tous les utilisateurs de démonstration ont le mot de passe « ${password} ». Choisissez-en un pour remplir le formulaire.`,

  mainNavigation: 'Navigation principale',
  signOut: 'Se déconnecter',
  signedInAs: (name, role) => `${name}, ${role}`,
  roles: {
    admin: 'Administrateur',
    buyer: 'Acheteur',
    accounts_payable: 'Comptabilité fournisseurs',
    viewer: 'Lecture seule',
  },

  invoicesTitle: 'Factures',
  backToInvoices: 'Toutes les factures',
  retry: 'Réessayer',

  quickOrderTitle: 'Commande rapide',
  payInvoices: 'Payer des factures',
  ordersTitle: 'Commandes',
  backToOrders: 'Toutes les commandes',
  documentsTitle: 'Documents',
  contractsTitle: 'Contrats',
  orderDocuments: 'Documents de cette commande',
  casesTitle: 'Demandes de support',
  activityTitle: 'Activité',
  backToCases: 'Toutes les demandes',
  reportProblem: 'Signaler un problème',

  notFoundTitle: 'Page introuvable',
  notFoundText: 'Aucune page n’existe à cette adresse.',
  goToInvoices: 'Voir vos factures',

  footerText: 'Portail de référence Portico',
  apiDocs: 'Documentation de l’API',
}
