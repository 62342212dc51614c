/**
 * Sign-ins the demo database is seeded with (api/src/seed/demo-data.ts), one
 * per account, shown on the sign-in page of this reference portal. A real
 * deployment has no such list: set `PORTICO_SEED_DEMO=false` and drop it.
 */
export const DEMO_PASSWORD = 'portico-demo'

export const demoLogins: ReadonlyArray<{ email: string; name: string; account: string }> = [
  { email: 'ap@brandt-maschinenbau.de', name: 'Katrin Vogel', account: 'Brandt Maschinenbau GmbH' },
  { email: 'ap@cascadefab.com', name: 'Riley Chen', account: 'Cascade Fabrication Inc.' },
  { email: 'compta@atelier-durand.fr', name: 'Claire Durand', account: 'Atelier Durand SARL' },
  {
    email: 'amministrazione@officinerossi.it',
    name: 'Giulia Rossi',
    account: 'Officine Rossi S.p.A.',
  },
  { email: 'ap@sinarjaya.co.id', name: 'Dewi Lestari', account: 'PT Sinar Jaya Distribusi' },
]
