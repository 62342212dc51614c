import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from './content-type.js'

/** Longest file name kept, in characters. */
export const MAX_FILE_NAME = 200

/**
 * Why an uploaded file name is refused, or undefined when it is fine. The
 * name is only ever a label offered on download — stores use random keys —
 * but a name that *looks* like a path (`../../etc/passwd`, `C:\x`, `a/b`)
 * is an attack or a bug upstream, and is refused rather than quietly mended.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'The file name is empty'
  if (name.length > MAX_FILE_NAME) return `The file name is longer than ${MAX_FILE_NAME} characters`
  if (/[/\\]/.test(name)) return 'The file name contains a path separator'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'The file name contains control characters'
  if (name === '.' || name === '..' || name.startsWith('..')) return 'The file name is a path'
  if (/^[a-z]:/i.test(name)) return 'The file name is a drive path'
  if (name.trim() !== name || name.startsWith('.')) return 'The file name starts or ends oddly'
  return undefined
}

/** The name offered on download: the uploaded one, with the extension of what the bytes are. */
export function downloadFileName(name: string, contentType: DocumentContentType): string {
  const extension = DOCUMENT_CONTENT_TYPES[contentType].extension
  const known = new RegExp(`\\.(${extension}${extension === 'jpg' ? '|jpeg' : ''})$`, 'i')
  return known.test(name) ? name : `${name}.${extension}`
}

/**
 * `Content-Disposition: attachment` for a file name (RFC 6266): an ASCII
 * `filename` fallback with anything unsafe replaced, and the exact name as
 * `filename*=UTF-8''…` (RFC 5987 percent-encoding), which every current
 * browser prefers.
 */
export function attachmentDisposition(name: string): string {
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download'
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
