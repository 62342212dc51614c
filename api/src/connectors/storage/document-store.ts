import type { Readable } from 'node:stream'

/** A stored file, as the store hands it back: its bytes as a stream and its length. */
export interface StoredObject {
  body: Readable
  size: number
}

/**
 * Where document bytes live: the local filesystem (one process, the default)
 * or an S3-compatible object store (replicas sharing one bucket). The
 * database holds what a document *is* (account, type, links, sniffed type,
 * size, SHA-256); a store holds only bytes under keys it chose itself, so a
 * client's file name never becomes a path.
 *
 * Both directions stream: a store never holds a whole file in memory.
 * Implementations: ./filesystem-store.ts (reference), ./s3-store.ts.
 */
export interface DocumentStore {
  readonly name: string

  /**
   * Stores the bytes of `body` under a new key and resolves with it once
   * they are durable. If `body` errors (too large, client gone), nothing is
   * left behind and the promise rejects with that error. A reader never sees
   * a partly written object.
   */
  put(body: Readable, options: { contentType: string }): Promise<{ key: string; size: number }>

  /** The object under `key`, streaming. @throws DocumentMissingError when there is none. */
  get(key: string): Promise<StoredObject>

  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>
}

/** The database names an object the store does not have (lost, or removed by hand). */
export class DocumentMissingError extends Error {
  override name = 'DocumentMissingError'
}
