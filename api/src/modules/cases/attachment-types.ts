import { sniffContentType } from '../documents/content-type.js'

/**
 * What a case attachment may be — photos of the damage, a PDF, a log or a
 * CSV export — each with the extensions and declared types that may name
 * it. Every one is inert when downloaded as an attachment with `nosniff`.
 */
export const CASE_ATTACHMENT_TYPES = {
  'image/png': { extensions: ['png'], aliases: [] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], aliases: ['image/jpg', 'image/pjpeg'] },
  'image/webp': { extensions: ['webp'], aliases: [] },
  'image/gif': { extensions: ['gif'], aliases: [] },
  'application/pdf': { extensions: ['pdf'], aliases: ['application/x-pdf'] },
  'text/plain': { extensions: ['txt', 'log'], aliases: [] },
  // Windows browsers declare a CSV file as Excel's type.
  'text/csv': { extensions: ['csv'], aliases: ['application/vnd.ms-excel', 'text/plain'] },
} as const

export type CaseAttachmentType = keyof typeof CASE_ATTACHMENT_TYPES

/** What the first bytes of a file are: a binary type by its magic number, or text. */
export type SniffedAttachment = Exclude<CaseAttachmentType, 'text/csv'>

/**
 * The type of a file from its first bytes (see ../documents/content-type.ts
 * for the binary signatures), `text/plain` for bytes that are text (no
 * control characters but tab, CR and LF — which rules out every binary
 * format), or undefined for anything else. Text and CSV look alike: the
 * extension tells them apart (see {@link attachmentTypeOf}).
 *
 * @see https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern
 */
export function sniffAttachment(head: Buffer): SniffedAttachment | undefined {
  const document = sniffContentType(head)
  if (document === 'application/pdf' || document === 'image/png' || document === 'image/jpeg')
    return document
  const ascii = head.subarray(0, 12).toString('latin1')
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'image/gif'
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image/webp'
  if (
    head.length > 0 &&
    head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f))
  )
    return 'text/plain'
  return undefined
}

/** The extension of a file name, lower-cased, if it has one. */
export function extensionOf(fileName: string): string | undefined {
  return /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1]?.toLowerCase()
}

/**
 * The type to store for sniffed bytes under a file name and a declared
 * type, or why not: `unsupported` (not a type we take, or an extension we
 * do not know), `mismatch` (the name or the declared type says something
 * the bytes are not — a `.pdf` that is a PNG lies).
 */
export function attachmentTypeOf(
  sniffed: CaseAttachmentType | undefined,
  fileName: string,
  declared: string,
): { ok: true; type: CaseAttachmentType } | { ok: false; reason: 'unsupported' | 'mismatch' } {
  if (!sniffed) return { ok: false, reason: 'unsupported' }
  const extension = extensionOf(fileName)
  const named = extension
    ? (Object.keys(CASE_ATTACHMENT_TYPES) as CaseAttachmentType[]).find((type) =>
        (CASE_ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(extension),
      )
    : undefined
  if (extension && !named)
    return { ok: false, reason: sniffed === 'text/plain' ? 'unsupported' : 'mismatch' }
  const textual = (type: CaseAttachmentType) => type === 'text/plain' || type === 'text/csv'
  if (named && named !== sniffed && !(sniffed === 'text/plain' && textual(named)))
    return { ok: false, reason: 'mismatch' }
  const type: CaseAttachmentType = named ?? sniffed
  const claim = declared.split(';')[0]?.trim().toLowerCase()
  if (
    claim &&
    claim !== 'application/octet-stream' &&
    claim !== type &&
    !(CASE_ATTACHMENT_TYPES[type].aliases as readonly string[]).includes(claim)
  )
    return { ok: false, reason: 'mismatch' }
  return { ok: true, type }
}
