import { expect } from '@open-wc/testing'
import { darkTokens, lightTokens, tokenNames, tokenStyles, type ThemeTokens } from './tokens.js'

type Rgb = [number, number, number]

function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`)
  return [1, 2, 3].map((i) => parseInt(match[i]!, 16)) as Rgb
}

/** `color-mix(in srgb, a p%, b)`: interpolates the gamma-encoded channels. */
function mix(a: Rgb, percent: number, b: Rgb): Rgb {
  return a.map((channel, i) => channel * (percent / 100) + b[i]! * (1 - percent / 100)) as Rgb
}

/** WCAG 2.1 relative luminance. https://www.w3.org/TR/WCAG21/#dfn-relative-luminance */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio */
function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** Every text-on-background pair the invoice list paints, with the mixes from its styles. */
function textPairs(tokens: ThemeTokens): [string, Rgb, Rgb][] {
  const c = (name: keyof ThemeTokens) => parseHex(tokens[name])
  const surface = c('color-surface')
  const headerBg = mix(c('color-border'), 20, surface)
  const filterBg = mix(c('color-border'), 25, surface)
  const rowHover = mix(c('color-primary'), 6, surface)
  const pairs: [string, Rgb, Rgb][] = [
    ['text on surface', c('color-text'), surface],
    ['muted on surface', c('color-muted'), surface],
    ['muted on table header', c('color-muted'), headerBg],
    ['text on filter', c('color-text'), filterBg],
    ['primary on surface', c('color-primary'), surface],
    ['primary on hovered row', c('color-primary'), rowHover],
    ['muted on hovered row', c('color-muted'), rowHover],
    ['on-primary on primary', c('color-on-primary'), c('color-primary')],
    ['danger on surface', c('color-danger'), surface],
  ]
  for (const tone of ['color-warning', 'color-danger', 'color-success', 'color-muted'] as const) {
    pairs.push([`${tone} badge`, c(tone), mix(c(tone), 12, surface)])
  }
  return pairs
}

describe('theme tokens', () => {
  for (const [scheme, tokens] of [
    ['light', lightTokens],
    ['dark', darkTokens],
  ] as const) {
    it(`every text colour passes WCAG AA (4.5:1) in the ${scheme} scheme`, () => {
      const failures = textPairs(tokens)
        .map(([name, fg, bg]) => ({ name, ratio: contrast(fg, bg) }))
        .filter(({ ratio }) => ratio < 4.5)
        .map(({ name, ratio }) => `${name}: ${ratio.toFixed(2)}`)
      expect(failures).to.deep.equal([])
    })
  }

  it('resolves every public token with a fallback for elements to use', () => {
    for (const name of tokenNames) {
      expect(tokenStyles.cssText).to.include(`--_${name}: var(--portico-${name}, `)
    }
  })

  it('uses light-dark() for colours that differ between schemes', () => {
    expect(tokenStyles.cssText).to.include(
      `--_color-surface: var(--portico-color-surface, light-dark(${lightTokens['color-surface']}, ${darkTokens['color-surface']}))`,
    )
  })
})
