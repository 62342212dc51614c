import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { after, before, describe, test } from 'node:test'
import { DocumentMissingError, type DocumentStore } from './document-store.js'
import { createFilesystemStore } from './filesystem-store.js'
import { createS3Store } from './s3-store.js'

/** A stream of `bytes` that fails after `failAfter` bytes, like a client that goes away. */
function source(bytes: Buffer, failAfter?: number): Readable {
  let offset = 0
  return new Readable({
    read() {
      if (failAfter !== undefined && offset >= failAfter) {
        this.destroy(new Error('client went away'))
        return
      }
      const end = Math.min(bytes.length, offset + 256 * 1024, failAfter ?? Infinity)
      this.push(offset < bytes.length ? bytes.subarray(offset, end) : null)
      offset = end
    },
  })
}

/**
 * A fake S3 speaking the REST shapes the AWS SDK sends for path-style
 * requests: PutObject, CreateMultipartUpload / UploadPart /
 * CompleteMultipartUpload / AbortMultipartUpload, GetObject, HeadObject and
 * DeleteObject. Objects appear only when complete, as on S3.
 */
function fakeS3() {
  const objects = new Map<string, Buffer>()
  const uploads = new Map<string, { key: string; parts: Map<number, Buffer> }>()
  const calls: string[] = []
  const xml = (res: import('node:http').ServerResponse, status: number, body: string) =>
    res
      .writeHead(status, { 'content-type': 'application/xml' })
      .end(`<?xml version="1.0" encoding="UTF-8"?>${body}`)
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const url = new URL(req.url!, 'http://s3.local')
    const [, bucket, ...rest] = url.pathname.split('/')
    const key = decodeURIComponent(rest.join('/'))
    const body = await buffer(req)
    const q = url.searchParams
    const op =
      req.method === 'POST' && q.has('uploads')
        ? 'CreateMultipartUpload'
        : req.method === 'PUT' && q.has('partNumber')
          ? 'UploadPart'
          : req.method === 'POST' && q.has('uploadId')
            ? 'CompleteMultipartUpload'
            : req.method === 'DELETE' && q.has('uploadId')
              ? 'AbortMultipartUpload'
              : (
                  {
                    PUT: 'PutObject',
                    GET: 'GetObject',
                    HEAD: 'HeadObject',
                    DELETE: 'DeleteObject',
                  } as Record<string, string>
                )[req.method!]!
    calls.push(op)
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 '))
      return xml(res, 403, '<Error><Code>AccessDenied</Code></Error>')
    switch (op) {
      case 'PutObject':
        objects.set(key, body)
        return res.writeHead(200, { etag: '"put"' }).end()
      case 'CreateMultipartUpload': {
        const uploadId = randomBytes(8).toString('hex')
        uploads.set(uploadId, { key, parts: new Map() })
        return xml(
          res,
          200,
          `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
        )
      }
      case 'UploadPart':
        uploads.get(q.get('uploadId')!)!.parts.set(Number(q.get('partNumber')), body)
        return res.writeHead(200, { etag: `"part-${q.get('partNumber')}"` }).end()
      case 'CompleteMultipartUpload': {
        const upload = uploads.get(q.get('uploadId')!)!
        objects.set(
          upload.key,
          Buffer.concat([...upload.parts].sort(([a], [b]) => a - b).map(([, p]) => p)),
        )
        uploads.delete(q.get('uploadId')!)
        return xml(
          res,
          200,
          `<CompleteMultipartUploadResult><Key>${key}</Key><ETag>"done"</ETag></CompleteMultipartUploadResult>`,
        )
      }
      case 'AbortMultipartUpload':
        uploads.delete(q.get('uploadId')!)
        return res.writeHead(204).end()
      case 'GetObject':
      case 'HeadObject': {
        const object = objects.get(key)
        if (!object) return xml(res, 404, `<Error><Code>NoSuchKey</Code><Key>${key}</Key></Error>`)
        res.writeHead(200, {
          'content-length': object.length,
          'content-type': 'application/octet-stream',
          etag: '"x"',
        })
        return res.end(op === 'GetObject' ? object : undefined)
      }
      case 'DeleteObject':
        objects.delete(key)
        return res.writeHead(204).end()
    }
  })
  return {
    objects,
    uploads,
    calls,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function storeContract(name: string, open: () => DocumentStore, leftovers: () => number) {
  describe(`${name} document store`, () => {
    test('stores a stream and gives it back, byte for byte, with its size', async () => {
      const store = open()
      for (const size of [0, 1, 300_000, 6 * 1024 * 1024 + 17]) {
        const bytes = randomBytes(size)
        const { key, size: stored } = await store.put(source(bytes), {
          contentType: 'application/pdf',
        })
        assert.equal(stored, size)
        assert.match(key, /^\d{4}\/\d{2}\/[0-9a-f]{32}$/, 'a random key, never a client name')
        const object = await store.get(key)
        assert.equal(object.size, size)
        assert.deepEqual(await buffer(object.body), bytes)
        await store.delete(key)
        await assert.rejects(store.get(key), DocumentMissingError)
      }
    })

    test('a stream that fails mid-way leaves nothing behind', async () => {
      const store = open()
      const before = leftovers()
      await assert.rejects(
        store.put(source(randomBytes(7 * 1024 * 1024), 6 * 1024 * 1024), {
          contentType: 'application/pdf',
        }),
        /client went away/,
      )
      assert.equal(leftovers(), before)
    })

    test('a key that is not one of ours is never turned into a path', async () => {
      const store = open()
      for (const key of ['../../etc/passwd', '/etc/passwd', '2026/01/../../x'])
        await assert.rejects(store.get(key), DocumentMissingError)
    })
  })
}

const root = mkdtempSync(join(tmpdir(), 'portico-store-'))
after(() => rmSync(root, { recursive: true, force: true }))
storeContract(
  'filesystem',
  () => createFilesystemStore(root),
  () =>
    readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
)

const s3 = fakeS3()
let endpoint = ''
before(async () => {
  endpoint = await s3.start()
})
after(() => s3.close())
storeContract(
  'S3-compatible',
  () =>
    createS3Store({
      bucket: 'portico-test',
      prefix: 'documents/',
      endpoint,
      forcePathStyle: true,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
    }),
  () => s3.objects.size + s3.uploads.size,
)

test('a large upload goes to S3 as a multipart upload, a small one as one PutObject', () => {
  assert.ok(s3.calls.includes('PutObject'))
  assert.ok(
    s3.calls.includes('CreateMultipartUpload') && s3.calls.includes('CompleteMultipartUpload'),
  )
  assert.ok(s3.calls.includes('AbortMultipartUpload'), 'the failed upload was aborted')
  assert.ok([...s3.objects.keys()].every((k) => k.startsWith('documents/')))
})
