import { inflateSync } from 'node:zlib'

/**
 * The text a PDF shows, for assertions: every content stream inflated, the
 * strings of its text operators decoded (hex `<…>` and literal `(…)`, in
 * WinAnsi as PDFKit's standard fonts encode them). Enough for PDFs PDFKit
 * wrote; not a general PDF parser.
 */
export function pdfShownText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const out: string[] = []
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1')
    } catch {
      content = match[1]!
    }
    for (const block of content.matchAll(
      /\[(.*?)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g,
    )) {
      const strings = (block[1] ?? block[2]!).match(/<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)/g) ?? []
      out.push(strings.map(decodeString).join(''))
    }
  }
  return out.join('\n')
}

const WIN_ANSI_80: Record<number, string> = {
  0x80: '€',
  0x96: '–',
  0x97: '—',
  0x91: '‘',
  0x92: '’',
}

function decodeString(token: string): string {
  const bytes = token.startsWith('<')
    ? Buffer.from(token.slice(1, -1), 'hex')
    : Buffer.from(token.slice(1, -1).replace(/\\(.)/g, '$1'), 'latin1')
  return [...bytes].map((b) => WIN_ANSI_80[b] ?? String.fromCharCode(b)).join('')
}
