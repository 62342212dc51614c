/**
 * What a document's bytes are, from their first bytes ("magic numbers"),
 * never from what the uploader claims. Only these types are stored: each is
 * inert when downloaded as an attachment with `nosniff`.
 *
 * @see https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern
 */
export const DOCUMENT_CONTENT_TYPES = {
  'application/pdf': { extension: 'pdf', aliases: ['application/x-pdf'] },
  'image/png': { extension: 'png', aliases: [] },
  'image/jpeg': { extension: 'jpg', aliases: ['image/jpg', 'image/pjpeg'] },
  // e-Faktur: the Indonesian tax authority's XML alongside (or instead of) the PDF.
  'application/xml': { extension: 'xml', aliases: ['text/xml'] },
} as const

export type DocumentContentType = keyof typeof DOCUMENT_CONTENT_TYPES

/** How many leading bytes {@link sniffContentType} needs at most. */
export const SNIFF_BYTES = 64

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The type of a file from its first {@link SNIFF_BYTES} bytes, or undefined when it is none of ours. */
export function sniffContentType(head: Buffer): DocumentContentType | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (head.subarray(0, 8).equals(PNG)) return 'image/png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  let text = head.subarray(0, 3).equals(UTF8_BOM) ? head.subarray(3) : head
  text = text.subarray(text.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d))
  if (text.subarray(0, 6).toString('latin1') === '<?xml ') return 'application/xml'
  return undefined
}

/**
 * Whether a declared type (a part's Content-Type, a file extension) agrees
 * with the sniffed one. `application/octet-stream` and no declaration at all
 * claim nothing and agree with everything.
 */
export function declaredTypeAgrees(declared: string | undefined, sniffed: DocumentContentType) {
  const type = declared?.split(';')[0]?.trim().toLowerCase()
  if (!type || type === 'application/octet-stream') return true
  const known = DOCUMENT_CONTENT_TYPES[sniffed]
  return type === sniffed || (known.aliases as readonly string[]).includes(type)
}

/** The type a file-name extension claims (`.pdf` → application/pdf), if it is one we know. */
export function typeOfExtension(fileName: string): DocumentContentType | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase()
  if (!extension) return undefined
  if (extension === 'jpeg') return 'image/jpeg'
  return (Object.keys(DOCUMENT_CONTENT_TYPES) as DocumentContentType[]).find(
    (type) => DOCUMENT_CONTENT_TYPES[type].extension === extension,
  )
}
