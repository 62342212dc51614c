import { expect } from '@open-wc/testing'
import { createFormatters, minorUnitDigits } from './formatters.js'
import { catalogues, languages, resolveLocale } from './languages.js'

describe('message catalogues', () => {
  const english = catalogues.en
  const keys = Object.keys(english).sort()

  for (const language of languages) {
    it(`${language} has every key, each of the same kind as English`, () => {
      const messages = catalogues[language]
      expect(Object.keys(messages).sort()).to.deep.equal(keys)
      for (const key of keys) {
        const value = messages[key as keyof typeof messages]
        const reference = english[key as keyof typeof english]
        expect(typeof value, key).to.equal(typeof reference)
        const text =
          typeof value === 'function'
            ? (value as (...args: unknown[]) => string)(3, '3', '3')
            : value
        expect(text.trim(), key).not.to.equal('')
      }
    })
  }

  it('translates the interface rather than copying English', () => {
    for (const language of languages.filter((l) => l !== 'en')) {
      const messages = catalogues[language]
      const copied = keys.filter(
        (key) =>
          typeof english[key as keyof typeof english] === 'string' &&
          messages[key as keyof typeof messages] === english[key as keyof typeof english],
      )
      // Words that really are the same in some languages ("Status", "Total",
      // German "optional" and "Live", Indonesian "Subtotal").
      const sharedWords = [
        'statusFilter',
        'columnStatus',
        'columnTotal',
        'optional',
        'live',
        'subtotal',
      ]
      expect(
        copied.filter((key) => !sharedWords.includes(key)),
        language,
      ).to.deep.equal([])
    }
  })

  it('names every order status in every language', () => {
    expect(languages.map((l) => catalogues[l].orderPartiallyShipped)).to.deep.equal([
      'Partially shipped',
      'Teilweise versandt',
      'Expédiée en partie',
      'Spedito in parte',
      'Dikirim sebagian',
    ])
  })

  it('names every invoice status in every language', () => {
    expect(languages.map((l) => catalogues[l].statusOverdue)).to.deep.equal([
      'Overdue',
      'Überfällig',
      'En retard',
      'Scaduta',
      'Terlambat',
    ])
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

  it('formats a calendar date without shifting it across time zones', () => {
    expect(createFormatters('de').date('2026-03-01')).to.equal('01.03.2026')
    expect(createFormatters('en').date('2026-03-01')).to.equal('Mar 1, 2026')
  })
})
