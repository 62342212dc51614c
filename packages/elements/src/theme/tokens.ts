import { unsafeCSS, type CSSResult } from 'lit'

/**
 * Portico's design tokens. A page themes every element by setting the public
 * custom properties (`--portico-color-primary: #9a3412`) anywhere above the
 * element — custom properties inherit through shadow roots. Unset tokens fall
 * back to the defaults below, light or dark by the page's `color-scheme`.
 *
 * Every text/background pair here passes WCAG 2.1 AA (4.5:1) in both schemes;
 * `tokens.test.ts` recomputes the ratios, so a changed colour cannot regress.
 */
export interface ThemeTokens {
  'color-primary': string
  /** Text on a `color-primary` background (buttons, the selected filter). */
  'color-on-primary': string
  'color-text': string
  /** Secondary text: captions, column headers, dates. */
  'color-muted': string
  'color-surface': string
  'color-border': string
  'color-danger': string
  'color-success': string
  'color-warning': string
  radius: string
  'font-family': string
  'font-size-sm': string
  'font-size-md': string
  'space-1': string
  'space-2': string
  'space-3': string
  'space-4': string
}

export type TokenName = keyof ThemeTokens

export const lightTokens: Readonly<ThemeTokens> = Object.freeze({
  'color-primary': '#1d4ed8',
  'color-on-primary': '#ffffff',
  'color-text': '#111827',
  'color-muted': '#4b5563',
  'color-surface': '#ffffff',
  'color-border': '#d1d5db',
  'color-danger': '#b91c1c',
  'color-success': '#166534',
  'color-warning': '#92400e',
  radius: '0.5rem',
  'font-family':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  'font-size-sm': '0.875rem',
  'font-size-md': '1rem',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
})

/** The dark scheme: colours change, sizes and the font are shared with light. */
export const darkTokens: Readonly<ThemeTokens> = Object.freeze({
  ...lightTokens,
  'color-primary': '#93c5fd',
  'color-on-primary': '#0b1220',
  'color-text': '#f1f5f9',
  'color-muted': '#a3b1c6',
  'color-surface': '#0f172a',
  'color-border': '#334155',
  'color-danger': '#fca5a5',
  'color-success': '#86efac',
  'color-warning': '#fcd34d',
})

export const tokenNames = Object.freeze(Object.keys(lightTokens) as TokenName[])

/**
 * The `:host` rule every element includes first. It resolves each public
 * token into a private `--_<name>` property that the element's own styles
 * use, so a fallback is written once, not at every use.
 *
 * Colours fall back to `light-dark(light, dark)`, which follows the
 * `color-scheme` the element inherits: a page that declares
 * `color-scheme: light dark` gets the dark defaults when its reader prefers
 * them; a page that declares nothing stays light.
 */
export const tokenStyles: CSSResult = unsafeCSS(`:host {
  color-scheme: inherit;
${tokenNames
  .map((name) => {
    const light = lightTokens[name]
    const dark = darkTokens[name]
    const fallback = light === dark ? light : `light-dark(${light}, ${dark})`
    return `  --_${name}: var(--portico-${name}, ${fallback});`
  })
  .join('\n')}
}`)

/**
 * CSS text that pins the public tokens to the given values — for a page that
 * sets a theme explicitly, or documents one.
 *
 * @example
 * ```ts
 * const style = document.createElement('style')
 * style.textContent = themeCss('.acme', { 'color-primary': '#c2410c', radius: '0' })
 * document.head.append(style)
 * ```
 */
export function themeCss(selector: string, tokens: Partial<ThemeTokens>): string {
  const lines = Object.entries(tokens).map(([name, value]) => `  --portico-${name}: ${value};`)
  return `${selector} {\n${lines.join('\n')}\n}`
}
