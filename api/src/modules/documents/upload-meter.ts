import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { ApiError } from '../../http/problem.js'
import { SNIFF_BYTES, sniffContentType, type DocumentContentType } from './content-type.js'

/**
 * The stream an upload passes through on its way to the store: it holds the
 * first bytes back until it knows what they are (and refuses what it must
 * refuse before a byte is stored), counts bytes against the limit, and
 * hashes everything. Errors are ApiErrors: a store sees the stream fail and
 * keeps nothing.
 */
export class UploadMeter<T extends string = DocumentContentType> extends Transform {
  bytes = 0
  contentType: T | undefined
  readonly #hash = createHash('sha256')
  readonly #maxBytes: number
  readonly #accept: (head: Buffer) => T
  readonly #what: string
  #head: Buffer[] = []
  #headBytes = 0

  /**
   * @param options.accept Given the sniffed type (undefined: not one of
   *   ours), returns the type to store or throws the ApiError refusing it.
   * @param options.sniff What the first {@link SNIFF_BYTES} bytes are; by
   *   default a document's types (./content-type.ts). A case attachment
   *   brings its own (../cases/attachment-types.ts).
   * @param options.what What the upload is called in messages ("document").
   */
  constructor(options: {
    maxBytes: number
    sniff?: (head: Buffer) => T | undefined
    accept: (sniffed: T | undefined) => T
    what?: string
  }) {
    super()
    this.#maxBytes = options.maxBytes
    const sniff = options.sniff ?? ((head: Buffer) => sniffContentType(head) as T | undefined)
    this.#accept = (head) => options.accept(sniff(head))
    this.#what = options.what ?? 'document'
  }

  get sha256(): string {
    return this.#hash.copy().digest('hex')
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    // Chunks already written when the meter failed: the stream is erroring, fail once.
    if (this.destroyed) return done()
    this.bytes += chunk.length
    if (this.bytes > this.#maxBytes) {
      done(
        new ApiError(
          413,
          'payload_too_large',
          `The ${this.#what} is larger than ${this.#maxBytes.toLocaleString('en')} bytes.`,
        ),
      )
      return
    }
    this.#hash.update(chunk)
    if (this.contentType) return done(null, chunk)
    this.#head.push(chunk)
    this.#headBytes += chunk.length
    if (this.#headBytes < SNIFF_BYTES) return done()
    this.#release(done)
  }

  override _flush(done: TransformCallback) {
    if (this.contentType) return done()
    if (this.#headBytes === 0)
      return done(new ApiError(422, `empty_${this.#what}`, 'The uploaded file is empty.'))
    this.#release(done)
  }

  #release(done: TransformCallback) {
    const head = Buffer.concat(this.#head)
    this.#head = []
    try {
      this.contentType = this.#accept(head.subarray(0, SNIFF_BYTES))
    } catch (error) {
      return done(error as Error)
    }
    done(null, head)
  }
}
