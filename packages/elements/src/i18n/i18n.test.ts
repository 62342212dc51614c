import { expect } from '@open-wc/testing'
import * as elements from '../index.js'
import { defineCatalogue, type Catalogue } from './catalogue.js'
import { createFormatters, minorUnitDigits } from './formatters.js'
import { languages, resolveLocale } from './languages.js'
import { sharedCatalogue } from './shared.messages.js'

/** Every catalogue the package exports: the shared one and each element's. */
const catalogues = Object.entries(elements)
  .filter(([name, value]) => name.endsWith('Catalogue') && typeof value === 'object')
  .map(([name, value]) => [name, value as unknown as Catalogue<Record<string, unknown>>] as const)

/** A message as text: a count or a name passed to a function message. */
function sample(value: unknown): string {
  return typeof value === 'function'
    ? (value as (...args: unknown[]) => string)(3, '3', '3')
    : String(value)
}

describe('message catalogues', () => {
  it('are exported for the shared strings and each element', () => {
    expect(catalogues.map(([name]) => name)).to.include.members([
      'sharedCatalogue',
      'invoiceListCatalogue',
      'orderListCatalogue',
      'orderTrackerCatalogue',
      'quickOrderCatalogue',
      'invoiceDetailCatalogue',
      'payInvoicesCatalogue',
      'documentCenterCatalogue',
      'contractListCatalogue',
      'caseFormCatalogue',
      'caseDetailCatalogue',
      'caseListCatalogue',
      'activityFeedCatalogue',
    ])
  })

  for (const [name, catalogue] of catalogues) {
    describe(name, () => {
      const english = catalogue.en
      const keys = Object.keys(english).sort()

      for (const language of languages) {
        it(`${language} has every key, each of the same kind as English`, async () => {
          const messages = await catalogue.load(language)
          expect(Object.keys(messages).sort()).to.deep.equal(keys)
          for (const key of keys) {
            expect(typeof messages[key], key).to.equal(typeof english[key])
            expect(sample(messages[key]).trim(), key).not.to.equal('')
          }
        })
      }

      it('translates the interface rather than copying English', async () => {
        // Words that really are the same in some languages ("Status", "Total",
        // German "optional" and "Live", Indonesian "Subtotal", French
        // "Description", "Support" in German and French, Italian "No").
        const sharedWords = [
          'statusFilter',
          'columnStatus',
          'columnTotal',
          'optional',
          'live',
          'subtotal',
          'description',
          'authorAgent',
          'no',
        ]
        for (const language of languages.filter((l) => l !== 'en')) {
          const messages = await catalogue.load(language)
          const copied = keys.filter(
            (key) => typeof english[key] === 'string' && messages[key] === english[key],
          )
          expect(
            copied.filter((key) => !sharedWords.includes(key)),
            language,
          ).to.deep.equal([])
        }
      })
    })
  }

  const shared = () => Promise.all(languages.map((l) => sharedCatalogue.load(l)))

  it('names every order status in every language', async () => {
    expect((await shared()).map((t) => t.orderPartiallyShipped)).to.deep.equal([
      'Partially shipped',
      'Teilweise versandt',
      'Expédiée en partie',
      'Spedito in parte',
      'Dikirim sebagian',
    ])
  })

  it('names every invoice status in every language', async () => {
    expect((await shared()).map((t) => t.statusOverdue)).to.deep.equal([
      'Overdue',
      'Überfällig',
      'En retard',
      'Scaduta',
      'Terlambat',
    ])
  })

  it('includes the shared strings in every element’s catalogue', async () => {
    for (const [name, catalogue] of catalogues) {
      for (const language of languages) {
        const [messages, sharedMessages] = await Promise.all([
          catalogue.load(language),
          sharedCatalogue.load(language),
        ])
        for (const [key, value] of Object.entries(sharedMessages)) {
          expect(messages[key], `${name} ${language} ${key}`).to.equal(value)
        }
      }
    }
  })
})

describe('defineCatalogue', () => {
  /** A catalogue whose German module is fetched through `german()` (counted, and failing at will). */
  function countedCatalogue(german: () => Promise<{ messages: { hello: string } }>) {
    const never = () => new Promise<never>(() => {})
    return defineCatalogue({
      base: defineCatalogue({
        en: { bye: 'Bye' },
        load: {
          de: async () => ({ messages: { bye: 'Tschüss' } }),
          fr: never,
          it: never,
          id: never,
        },
      }),
      en: { hello: 'Hello' },
      load: { de: german, fr: never, it: never, id: never },
    })
  }

  it('bundles English, merged over the base messages', () => {
    const catalogue = countedCatalogue(() => Promise.reject(new Error('not used')))
    expect(catalogue.en).to.deep.equal({ bye: 'Bye', hello: 'Hello' })
    expect(catalogue.get('en')).to.equal(catalogue.en)
    expect(catalogue.get('de')).to.equal(undefined)
  })

  it('loads another language once, on demand, shared by every caller', async () => {
    let requests = 0
    const catalogue = countedCatalogue(async () => {
      requests += 1
      return { messages: { hello: 'Hallo' } }
    })
    const [first, second] = await Promise.all([catalogue.load('de'), catalogue.load('de')])
    expect(first).to.deep.equal({ bye: 'Tschüss', hello: 'Hallo' })
    expect(second).to.equal(first)
    expect(catalogue.get('de')).to.equal(first)
    expect(await catalogue.load('de')).to.equal(first)
    expect(requests).to.equal(1)
  })

  it('tries again after a module failed to load', async () => {
    let online = false
    const catalogue = countedCatalogue(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module')
      return { messages: { hello: 'Hallo' } }
    })
    let failure: unknown
    await catalogue.load('de').catch((error: unknown) => (failure = error))
    expect(failure).to.be.instanceOf(TypeError)
    expect(catalogue.get('de')).to.equal(undefined)
    online = true
    expect((await catalogue.load('de')).hello).to.equal('Hallo')
  })
})

describe('resolveLocale', () => {
  it('keeps a supported regional tag for Intl and maps it to its language', () => {
    expect(resolveLocale('de-CH')).to.deep.equal({ locale: 'de-CH', language: 'de' })
    expect(resolveLocale('id')).to.deep.equal({ locale: 'id', language: 'id' })
  })

  it('falls back to English for an unsupported or malformed tag', () => {
    expect(resolveLocale('ja-JP').language).to.be.oneOf(languages as unknown as string[])
    expect(resolveLocale('ja-JP')).to.deep.equal(resolveLocale(undefined))
    expect(resolveLocale('not a locale!').language).to.equal(resolveLocale(undefined).language)
  })
})

describe('formatters', () => {
  it('reads minor-unit digits from Intl', () => {
    expect(minorUnitDigits('EUR')).to.equal(2)
    expect(minorUnitDigits('IDR')).to.equal(0)
    expect(minorUnitDigits('JPY')).to.equal(0)
  })

  it('formats integer minor units as money for the locale', () => {
    const nbsp = /\u00a0|\u202f/g
    expect(createFormatters('de').money(123456, 'EUR').replace(nbsp, ' ')).to.equal('1.234,56 €')
    expect(createFormatters('en').money(123456, 'USD')).to.equal('$1,234.56')
    expect(createFormatters('id').money(1500000, 'IDR').replace(nbsp, ' ')).to.equal('Rp 1.500.000')
  })

  it('formats a tax rate in basis points as the locale writes a percentage', () => {
    const nbsp = /[\u00a0\u202f]/g
    expect(createFormatters('en').basisPoints(825)).to.equal('8.25%')
    expect(createFormatters('de').basisPoints(1900).replace(nbsp, ' ')).to.equal('19 %')
    expect(createFormatters('id').basisPoints(1100)).to.equal('11%')
    expect(createFormatters('fr').basisPoints(0).replace(nbsp, ' ')).to.equal('0 %')
  })

  it('formats a calendar date without shifting it across time zones', () => {
    expect(createFormatters('de').date('2026-03-01')).to.equal('01.03.2026')
    expect(createFormatters('en').date('2026-03-01')).to.equal('Mar 1, 2026')
  })
})
