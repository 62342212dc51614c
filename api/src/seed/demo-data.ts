import type { Role } from '../db/schema.js'

export interface DemoProduct {
  sku: string
  description: string
  /** Unit price in major units of the account's currency. */
  price: number
  unit: string
  /** Minimum order quantity and order multiple (default 1). */
  moq?: number
  multiple?: number
  /** Only this account may see and order it (a custom part). */
  restricted?: boolean
}

export interface DemoAccount {
  name: string
  currency: string
  locale: string
  invoicePrefix: string
  taxRateBps: number
  paymentTermDays: number
  invoiceCount: number
  users: Array<{ email: string; name: string; role: Role }>
  products: DemoProduct[]
  /** Credit headroom above today's open invoices, in major units; `hold` puts the account on credit hold. */
  creditHeadroom: number
  hold?: string
}

/** Every demo user signs in with this password (listed in the README). */
export const DEMO_PASSWORD = 'portico-demo'

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    name: 'PT Sinar Jaya Distribusi',
    creditHeadroom: 1_500_000_000,
    currency: 'IDR',
    locale: 'id',
    invoicePrefix: 'SJD',
    taxRateBps: 1100, // PPN 11 %
    paymentTermDays: 45,
    invoiceCount: 110,
    users: [
      { email: 'admin@sinarjaya.co.id', name: 'Budi Santoso', role: 'admin' },
      { email: 'buyer@sinarjaya.co.id', name: 'Siti Rahayu', role: 'buyer' },
      { email: 'ap@sinarjaya.co.id', name: 'Dewi Lestari', role: 'accounts_payable' },
    ],
    products: [
      {
        sku: 'PP-HOMO-25',
        description: 'Polypropylene homopolymer, 25 kg bag',
        price: 612_000,
        unit: 'bag',
        moq: 10,
        multiple: 5,
      },
      {
        sku: 'HDPE-BM-25',
        description: 'HDPE blow-moulding grade, 25 kg bag',
        price: 655_000,
        unit: 'bag',
        moq: 10,
        multiple: 5,
      },
      {
        sku: 'MB-WHT-20',
        description: 'White masterbatch TiO2 70 %, 20 kg',
        price: 1_480_000,
        unit: 'bag',
        moq: 2,
      },
      {
        sku: 'PLT-EURO',
        description: 'Pallet handling and wrapping',
        price: 85_000,
        unit: 'pallet',
      },
      {
        sku: 'FRT-JKT-SBY',
        description: 'Freight Jakarta–Surabaya, per tonne',
        price: 950_000,
        unit: 't',
      },
    ],
  },
  {
    name: 'Brandt Maschinenbau GmbH',
    creditHeadroom: 120_000,
    currency: 'EUR',
    locale: 'de',
    invoicePrefix: 'RE',
    taxRateBps: 1900, // USt 19 %
    paymentTermDays: 30,
    invoiceCount: 110,
    users: [
      { email: 'admin@brandt-maschinenbau.de', name: 'Jonas Brandt', role: 'admin' },
      { email: 'einkauf@brandt-maschinenbau.de', name: 'Lena Hoffmann', role: 'buyer' },
      { email: 'ap@brandt-maschinenbau.de', name: 'Katrin Vogel', role: 'accounts_payable' },
      { email: 'viewer@brandt-maschinenbau.de', name: 'Tobias Keller', role: 'viewer' },
    ],
    products: [
      { sku: 'HP-200', description: 'Hydraulikpumpe HP-200', price: 1_245.0, unit: 'Stk' },
      {
        sku: 'LG-6205-2RS',
        description: 'Rillenkugellager 6205-2RS',
        price: 8.9,
        unit: 'Stk',
        moq: 10,
        multiple: 10,
      },
      { sku: 'DZ-M12-50', description: 'Dichtungssatz M12, 50 Stück', price: 42.5, unit: 'Satz' },
      { sku: 'SV-4-3', description: 'Wegeventil 4/3, NG6', price: 389.0, unit: 'Stk' },
      { sku: 'SRV-H', description: 'Servicetechniker, pro Stunde', price: 96.0, unit: 'h' },
      {
        sku: 'HP-200-BR',
        description: 'Hydraulikpumpe HP-200, Sonderausführung Brandt',
        price: 1_480.0,
        unit: 'Stk',
        restricted: true,
      },
    ],
  },
  {
    name: 'Cascade Fabrication Inc.',
    creditHeadroom: 80_000,
    currency: 'USD',
    locale: 'en',
    invoicePrefix: 'CF',
    taxRateBps: 825,
    paymentTermDays: 30,
    invoiceCount: 110,
    users: [
      { email: 'admin@cascadefab.com', name: 'Morgan Lee', role: 'admin' },
      { email: 'buyer@cascadefab.com', name: 'Jordan Patel', role: 'buyer' },
      { email: 'ap@cascadefab.com', name: 'Riley Chen', role: 'accounts_payable' },
      { email: 'viewer@cascadefab.com', name: 'Sam Ortiz', role: 'viewer' },
    ],
    products: [
      {
        sku: 'SS-304-SH',
        description: 'Stainless 304 sheet, 4×8 ft, 16 ga',
        price: 214.0,
        unit: 'sheet',
        moq: 5,
      },
      {
        sku: 'AL-6061-BR',
        description: 'Aluminum 6061 bar, 1 in × 12 ft',
        price: 58.75,
        unit: 'bar',
        moq: 10,
        multiple: 10,
      },
      {
        sku: 'WLD-ER70',
        description: 'ER70S-6 welding wire, 33 lb spool',
        price: 96.4,
        unit: 'spool',
      },
      { sku: 'LSR-CUT', description: 'Laser cutting, per machine hour', price: 185.0, unit: 'h' },
      { sku: 'FRT-LTL', description: 'LTL freight', price: 310.0, unit: 'shipment' },
    ],
  },
  {
    name: 'Atelier Durand SARL',
    creditHeadroom: 1_500,
    currency: 'EUR',
    locale: 'fr',
    invoicePrefix: 'FA',
    taxRateBps: 2000, // TVA 20 %
    paymentTermDays: 30,
    invoiceCount: 60,
    users: [
      { email: 'compta@atelier-durand.fr', name: 'Claire Durand', role: 'accounts_payable' },
      { email: 'achats@atelier-durand.fr', name: 'Hugo Martin', role: 'buyer' },
    ],
    products: [
      {
        sku: 'TIS-LIN-50',
        description: 'Toile de lin, rouleau 50 m',
        price: 640.0,
        unit: 'rouleau',
      },
      {
        sku: 'FIL-POLY-12',
        description: 'Fil polyester, carton de 12',
        price: 54.0,
        unit: 'carton',
      },
      {
        sku: 'BTN-NAC-100',
        description: 'Boutons nacre, sachet de 100',
        price: 27.5,
        unit: 'sachet',
        moq: 5,
        multiple: 5,
      },
    ],
  },
  {
    name: 'Officine Rossi S.p.A.',
    creditHeadroom: 20_000,
    hold: 'Pagamenti scaduti — overdue balance',
    currency: 'EUR',
    locale: 'it',
    invoicePrefix: 'FT',
    taxRateBps: 2200, // IVA 22 %
    paymentTermDays: 60,
    invoiceCount: 60,
    users: [
      { email: 'amministrazione@officinerossi.it', name: 'Giulia Rossi', role: 'accounts_payable' },
      { email: 'acquisti@officinerossi.it', name: 'Marco Bianchi', role: 'buyer' },
    ],
    products: [
      { sku: 'VLV-SF-DN50', description: 'Valvola a sfera DN50', price: 118.0, unit: 'pz', moq: 2 },
      {
        sku: 'GRN-OR-200',
        description: 'Guarnizioni O-ring, confezione 200',
        price: 36.9,
        unit: 'conf',
      },
      { sku: 'MAN-ORA', description: 'Manodopera, ora', price: 52.0, unit: 'h' },
    ],
  },
]
