import { createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ByteCounter } from './byte-counter.js'
import { DocumentMissingError, type DocumentStore } from './document-store.js'
import { newObjectKey, OBJECT_KEY } from './keys.js'

/**
 * Documents as files under `root`. A file is written to `<key>.partial`,
 * flushed to disk, then renamed to its key: rename is atomic on POSIX, so a
 * reader finds the whole file or none, and a crash mid-upload leaves only a
 * `.partial` (never served). Keys are random (./keys.ts), never the client's
 * file name.
 */
export function createFilesystemStore(root: string): DocumentStore {
  const pathOf = (key: string) => {
    if (!OBJECT_KEY.test(key)) throw new DocumentMissingError(`not a document key: ${key}`)
    return join(root, key)
  }
  return {
    name: 'filesystem',

    async put(body: Readable) {
      const key = newObjectKey()
      const target = pathOf(key)
      const partial = `${target}.partial`
      await mkdir(dirname(target), { recursive: true })
      const counter = new ByteCounter()
      // flush: fsync before close, so the rename below publishes durable bytes.
      const sink = createWriteStream(partial, { flags: 'wx', flush: true })
      try {
        await pipeline(body, counter, sink)
        await rename(partial, target)
      } catch (error) {
        // pipeline() rejects on the first error, possibly while the file is
        // still being opened: only once the sink has closed is the partial
        // file there to remove (else it would appear after the rm).
        if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()))
        await rm(partial, { force: true })
        throw error
      }
      return { key, size: counter.bytes }
    },

    async get(key) {
      const path = pathOf(key)
      // Open once: the size and the stream come from the same file, even if
      // it were replaced in between.
      const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new DocumentMissingError(`no object ${key}`)
        throw error
      })
      try {
        const { size } = await handle.stat()
        // The stream closes the file when it ends or is destroyed. 256 KiB
        // reads: a quarter of the chunks (and of the per-chunk work between
        // here and the socket) of the 64 KiB default, at a constant 256 KiB
        // per download in flight whatever the file's size.
        return { body: handle.createReadStream({ highWaterMark: 256 * 1024 }), size }
      } catch (error) {
        await handle.close()
        throw error
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}
