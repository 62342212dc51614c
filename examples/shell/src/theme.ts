import { darkTokens, lightTokens, themeCss } from '@portico/elements'

/**
 * Pins the Portico design tokens on `:root`, light or dark by the reader's
 * preference. The shell's own styles use nothing but these tokens, so a
 * white-label partner re-themes shell and elements alike by overriding them
 * in any stylesheet: `:where()` gives these defaults no specificity to beat.
 */
export function applyPorticoTheme() {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(
    `${themeCss(':where(:root)', lightTokens)}\n` +
      `@media (prefers-color-scheme: dark) {\n${themeCss(':where(:root)', darkTokens)}\n}`,
  )
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets]
}
