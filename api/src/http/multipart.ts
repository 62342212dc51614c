import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { ApiError, type FieldError } from './problem.js'

/** The file part of a multipart request, still streaming. */
export interface MultipartFile {
  stream: Readable
  /** As the client sent it (unchecked). */
  fileName: string
  /** The part's declared Content-Type (unchecked: sniff the bytes). */
  declaredType: string
}

export interface MultipartOptions {
  /** The one part that carries a file. */
  fileField: string
  /** Every text field allowed; any other part is refused with 400. */
  fieldNames: readonly string[]
  /** Longest text field value, in bytes. */
  maxFieldBytes?: number
}

/** Undoes what `consume` did, when the request turns out bad after it resolved (a part after the file). */
export type Discard<T> = (result: T) => Promise<void>

const invalid = (errors: FieldError[]) =>
  new ApiError(400, 'validation_failed', 'The request is invalid.', { errors })
const malformed = (message: string) =>
  invalid([{ field: 'body', message, code: 'malformed_multipart' }])

/**
 * Reads a `multipart/form-data` request as a stream (busboy on the request's
 * body): the text fields first, then `consume(fields, file)` is called with
 * the file part *while it is still arriving*, so a file of any size passes
 * through in constant memory. The text fields must come before the file,
 * and the file must be the last part — how FormData and `curl -F` send them
 * when listed in that order — so the fields can be checked before a byte of
 * the file is stored.
 *
 * Resolves with `consume`'s result once the whole body has been read
 * cleanly. Rejects with a 400/415 ApiError for a malformed body, an unknown,
 * repeated or late part, or a missing file, and with whatever `consume`
 * throws; when it rejects after `consume` resolved, `options.discard` gets
 * `consume`'s result to undo.
 *
 * The body size is the caller's to limit (count the file's bytes): this
 * reader sets no total limit of its own beyond the per-field one.
 */
export function readMultipart<T>(
  request: Request,
  options: MultipartOptions & { discard?: Discard<T> },
  consume: (fields: Record<string, string>, file: MultipartFile) => Promise<T>,
): Promise<T> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    return Promise.reject(
      new ApiError(415, 'unsupported_media_type', 'The request body must be multipart/form-data.'),
    )
  }
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // The file name exactly as sent — not reduced to its last path segment,
      // so a name with a path in it can be refused — and read as UTF-8.
      preservePath: true,
      defParamCharset: 'utf8',
      // Unknown and repeated fields are refused as they arrive (below), so
      // only the size of a field and the number of files need a limit here.
      limits: { fieldSize: options.maxFieldBytes ?? 2_000, files: 1 },
    })
  } catch {
    return Promise.reject(malformed('The multipart body has no boundary'))
  }
  if (!request.body) return Promise.reject(malformed('The request has no body'))
  const source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>)

  return new Promise<T>((resolve, reject) => {
    const fields: Record<string, string> = {}
    let file: 'none' | 'consuming' | 'consumed' = 'none'
    let result: { value: T } | undefined
    let closed = false
    let settled = false

    let consuming: Promise<T> | undefined

    const undo = (value: T) =>
      options.discard ? options.discard(value).catch(() => undefined) : Promise.resolve()
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      source.unpipe(parser)
      source.destroy()
      // Also ends a file part still arriving (its stream errors), so a store
      // in progress settles instead of waiting for bytes that never come.
      parser.destroy()
      if (result) {
        void undo(result.value).then(() => reject(error))
      } else if (consuming) {
        // The request went bad while the file was still being stored: answer
        // only once that store has settled and been undone, so nothing a 400
        // refused is left behind (or appears after the answer).
        consuming.then(
          (value) => undo(value).then(() => reject(error)),
          () => reject(error),
        )
      } else reject(error)
    }
    const finish = () => {
      if (settled || !closed || file !== 'consumed' || !result) return
      settled = true
      resolve(result.value)
    }

    parser.on('field', (name, value, info) => {
      if (file !== 'none')
        return fail(
          invalid([
            {
              field: `body.${name}`,
              message: 'Send text fields before the file',
              code: 'field_after_file',
            },
          ]),
        )
      if (!options.fieldNames.includes(name))
        return fail(
          invalid([
            { field: `body.${name}`, message: 'Unrecognized field', code: 'unrecognized_keys' },
          ]),
        )
      if (name in fields)
        return fail(
          invalid([
            { field: `body.${name}`, message: 'The field is repeated', code: 'duplicate_field' },
          ]),
        )
      if (info.valueTruncated)
        return fail(
          invalid([{ field: `body.${name}`, message: 'The value is too long', code: 'too_big' }]),
        )
      fields[name] = value
    })
    parser.on('file', (name, stream, info) => {
      if (name !== options.fileField || file !== 'none') {
        stream.resume()
        return fail(
          invalid([
            {
              field: `body.${name}`,
              message: name === options.fileField ? 'Send one file' : 'Unrecognized file part',
              code: 'unrecognized_keys',
            },
          ]),
        )
      }
      file = 'consuming'
      // A consumer that refused the file early (and only drains it) has no
      // listener left when a failed request ends the part with an error; the
      // ones that store it learn of the error from the stream's state.
      stream.on('error', () => {})
      consuming = consume(fields, {
        stream,
        fileName: info.filename ?? '',
        declaredType: info.mimeType,
      })
      consuming.then((value) => {
        result = { value }
        file = 'consumed'
        finish()
      }, fail)
    })
    parser.on('filesLimit', () =>
      fail(
        invalid([
          { field: `body.${options.fileField}`, message: 'Send one file', code: 'too_many_files' },
        ]),
      ),
    )
    parser.on('error', () => fail(malformed('The multipart body is malformed')))
    parser.on('close', () => {
      closed = true
      if (file === 'none')
        fail(
          invalid([
            { field: `body.${options.fileField}`, message: 'Required', code: 'invalid_type' },
          ]),
        )
      finish()
    })
    source.on('error', fail)
    source.pipe(parser)
  })
}
