/**
 * What the API accepts as a case attachment, mirrored so a person hears
 * about a wrong file before it uploads. The API sniffs the bytes and stays
 * the final word.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log'],
  'text/csv': ['csv'],
}

/** The `accept` attribute of the file input. */
export const ATTACHMENT_ACCEPT = Object.entries(ATTACHMENT_TYPES)
  .flatMap(([type, extensions]) => [type, ...extensions.map((e) => `.${e}`)])
  .join(',')

export type AttachmentProblem = 'too-large' | 'wrong-type' | 'empty'

/** Why a file cannot be attached, or `null` when it may be tried. */
export function checkAttachment(
  file: Pick<File, 'name' | 'size' | 'type'>,
): AttachmentProblem | null {
  if (file.size === 0) return 'empty'
  if (file.size > MAX_ATTACHMENT_BYTES) return 'too-large'
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  const allowed = Object.values(ATTACHMENT_TYPES).some((list) => list.includes(extension))
  if (!allowed) return 'wrong-type'
  return null
}
