import type { Operation, Schema } from './spec.js'

/** The boundary every generated multipart body uses (it never occurs in generated values). */
export const MULTIPART_BOUNDARY = 'portico-gate-boundary-7MA4YWxkTrZu0gW'

/** Whether a body schema property is a file (OpenAPI 3.1 `contentMediaType`, or 3.0's `format: binary`). */
export function isFileProperty(schema: Schema): boolean {
  return typeof schema.contentMediaType === 'string' || schema.format === 'binary'
}

/** The Content-Type header a body of this operation is sent with. */
export function bodyContentType(body: NonNullable<Operation['body']>): string {
  return body.mediaType === 'multipart/form-data'
    ? `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`
    : body.mediaType
}

/** Files the generators upload: what each looks like, by its first bytes. */
export const SAMPLE_FILES = {
  pdf: {
    name: 'document.pdf',
    type: 'application/pdf',
    content: '%PDF-1.7\n% gate sample\n%%EOF\n',
  },
  xml: {
    name: 'e-faktur.xml',
    type: 'application/xml',
    content:
      '<?xml version="1.0" encoding="UTF-8"?>\n<Faktur><Nomor>010.000-26.00000001</Nomor></Faktur>\n',
  },
  html: {
    name: 'page.html',
    type: 'text/html',
    content: '<!doctype html><script>alert(1)</script>',
  },
}

/**
 * A generated body value as the bytes of a request: JSON text, or for a
 * `multipart/form-data` operation one part per property — text fields first,
 * files last, as the API wants them. A file property's string value is the
 * file's content; a sample's name and type go with it when it starts like one.
 */
export function encodeBody(body: NonNullable<Operation['body']>, value: unknown): string {
  if (body.mediaType !== 'multipart/form-data') return JSON.stringify(value)
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `--${MULTIPART_BOUNDARY}--\r\n` // no parts at all
  const properties = body.schema.properties ?? {}
  const entries = Object.entries(value as Record<string, unknown>)
  const files = entries.filter(([k]) => properties[k] && isFileProperty(properties[k]))
  const fields = entries.filter(([k]) => !files.some(([f]) => f === k))
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
  const parts = [
    ...fields.map(
      ([name, v]) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${text(v)}`,
    ),
    ...files.map(([name, v]) => {
      const content = text(v)
      const sample = Object.values(SAMPLE_FILES).find((f) => f.content === content)
      return (
        `Content-Disposition: form-data; name="${name}"; filename="${sample?.name ?? 'upload.bin'}"\r\n` +
        `Content-Type: ${sample?.type ?? 'application/octet-stream'}\r\n\r\n${content}`
      )
    }),
  ]
  return `${parts.map((p) => `--${MULTIPART_BOUNDARY}\r\n${p}\r\n`).join('')}--${MULTIPART_BOUNDARY}--\r\n`
}
