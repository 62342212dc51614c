import { CASE_ATTACHMENT_TYPES } from './attachment-types.js'

/**
 * The attachment upload body as OpenAPI describes it: a plain schema object
 * rather than zod, whose validator would read (buffer) the whole body — the
 * route streams it (../../http/multipart.ts) and checks the fields itself.
 */
export const ATTACHMENT_UPLOAD_BODY = {
  type: 'object' as const,
  required: ['file'],
  additionalProperties: false,
  properties: {
    commentId: {
      type: 'string' as const,
      minLength: 1,
      maxLength: 64,
      description: 'Attach the file to this comment of the case (sent before `file`).',
    },
    file: {
      type: 'string' as const,
      contentMediaType: 'application/octet-stream',
      description: `The file, last: ${Object.keys(CASE_ATTACHMENT_TYPES).join(', ')}; a plain file name (no path).`,
    },
  },
}
