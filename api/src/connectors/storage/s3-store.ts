import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { Readable } from 'node:stream'
import { ByteCounter } from './byte-counter.js'
import { DocumentMissingError, type DocumentStore } from './document-store.js'
import { newObjectKey, OBJECT_KEY } from './keys.js'

export interface S3StoreOptions {
  bucket: string
  /** Every key is stored under this prefix, e.g. `portico/documents/`. */
  prefix?: string
  /** An S3-compatible endpoint (MinIO, Ceph, R2 …); unset: AWS S3 in `region`. */
  endpoint?: string
  region?: string
  /** `https://host/bucket/key` rather than `https://bucket.host/key` — what most S3-compatible stores want. */
  forcePathStyle?: boolean
  /** Credentials; unset, the SDK's default chain (AWS_ACCESS_KEY_ID …, instance roles) applies. */
  credentials?: S3ClientConfig['credentials']
  /** Bytes per multipart part (≥ 5 MiB); also the most a single upload holds in memory at once per part. */
  partSize?: number
}

/**
 * Documents in an S3-compatible bucket, for replicas that share storage.
 * Uploads stream through `@aws-sdk/lib-storage`'s `Upload`: a file smaller
 * than one part is one PutObject, a larger one a multipart upload of
 * `partSize` parts, one in flight at a time — memory stays at about one
 * part whatever the file size — and aborted if the source stream fails, so a
 * rejected upload leaves no object (S3 shows none until CompleteMultipartUpload).
 */
export function createS3Store(options: S3StoreOptions): DocumentStore {
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? false,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Checksums only where S3 requires them: many S3-compatible stores do not
    // accept the SDK's default streamed (aws-chunked) CRC32 trailers. The
    // database keeps each document's SHA-256 for integrity.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const prefix = options.prefix ?? ''
  const objectKey = (key: string) => {
    if (!OBJECT_KEY.test(key)) throw new DocumentMissingError(`not a document key: ${key}`)
    return `${prefix}${key}`
  }
  return {
    name: 's3',

    async put(body, { contentType }) {
      const key = newObjectKey()
      const counter = new ByteCounter()
      // pipe() does not forward errors: a failing source destroys the counter,
      // which fails the upload's read.
      body.once('error', (error) => counter.destroy(error))
      const source = body.pipe(counter)
      const upload = new Upload({
        client,
        params: {
          Bucket: options.bucket,
          Key: objectKey(key),
          Body: source,
          ContentType: contentType,
        },
        queueSize: 1,
        partSize: options.partSize ?? 5 * 1024 * 1024,
        leavePartsOnError: false,
      })
      try {
        // A failing source fails the part being read; Upload then aborts the
        // multipart upload (AbortMultipartUpload) before it rejects.
        await upload.done()
      } catch (error) {
        await client
          .send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }))
          .catch(() => {})
        throw error
      }
      return { key, size: counter.bytes }
    },

    async get(key) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }),
        )
        if (!(object.Body instanceof Readable)) throw new Error('S3 answered without a body')
        return { body: object.Body, size: Number(object.ContentLength ?? 0) }
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey')
          throw new DocumentMissingError(`no object ${key}`)
        throw error
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }))
    },
  }
}
