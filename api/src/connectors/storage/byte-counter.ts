import { Transform, type TransformCallback } from 'node:stream'

/** Passes bytes through and counts them: what a store reports as the stored size. */
export class ByteCounter extends Transform {
  bytes = 0
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length
    done(null, chunk)
  }
}
