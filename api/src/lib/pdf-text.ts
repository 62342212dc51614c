/**
 * Text for PDFKit's built-in (standard 14) fonts, which encode WinAnsi
 * (Windows-1252): Latin text with accents, €, ß, ü, é and the Indonesian
 * alphabet all fit. Intl's narrow and thin spaces (French and Swiss number
 * grouping) become no-break spaces; anything else outside WinAnsi becomes
 * `?` rather than a glyph the font lacks.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

export function pdfText(text: string): string {
  return text
    .replace(/[\u2009\u202f]/g, '\u00a0')
    .replace(/[^\n\x20-\x7e\u00a0-\u00ff]/gu, (c) => (WIN_ANSI_EXTRA.has(c) ? c : '?'))
}
