import type { Config } from '../../config.js'
import type { DocumentStore } from './document-store.js'
import { createFilesystemStore } from './filesystem-store.js'

export { DocumentMissingError, type DocumentStore, type StoredObject } from './document-store.js'

/**
 * The store the configuration names. The S3 client is loaded only when it is
 * chosen: it is large, and the embedded default never needs it.
 */
export async function openDocumentStore(
  config: Pick<Config, 'documentStore'>,
): Promise<DocumentStore> {
  const settings = config.documentStore
  if (settings.kind === 'filesystem') return createFilesystemStore(settings.dir)
  const { createS3Store } = await import('./s3-store.js')
  return createS3Store(settings)
}
